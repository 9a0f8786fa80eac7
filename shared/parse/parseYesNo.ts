import { toArabicDigits } from '../text/thaiDigits';

const YES = ['ใช่', 'มี', 'จัดแล้ว', 'แล้ว', '✓', '✔', '/', 'y', 'yes', 'true', '1'];
const NO = ['ไม่ใช่', 'ไม่มี', 'ยังไม่จัด', 'ไม่ได้จัด', '✗', '✘', '-', 'n', 'no', 'false', '0'];

function key(s: string): string {
  return toArabicDigits(s).trim().toLowerCase().replace(/\s+/g, '');
}
const YES_SET = new Set(YES.map(key));
const NO_SET = new Set(NO.map(key));

/**
 * Reads a yes/no cell. `extraYes`/`extraNo` add a field's own words (a progress
 * report's `เป็นไปตามแผน` / `ไม่เป็นไปตามแผน`). Null when the text is neither.
 */
export function parseYesNo(input: unknown, extraYes: readonly string[] = [], extraNo: readonly string[] = []): boolean | null {
  if (typeof input === 'boolean') return input;
  if (typeof input === 'number') return input === 1 ? true : input === 0 ? false : null;
  if (typeof input !== 'string') return null;
  const k = key(input);
  if (NO_SET.has(k) || extraNo.some((w) => key(w) === k)) return false;
  if (YES_SET.has(k) || extraYes.some((w) => key(w) === k)) return true;
  return null;
}
