import { toArabicDigits } from '../text/thaiDigits';

/** Unit words that may follow a number in a cell; longest first so ล้านบาท wins over บาท. */
export const UNIT_WORDS = ['ล้านบาท', 'ครัวเรือน', 'หน่วยงาน', 'โครงการ', 'กองทุน', 'ชุมชน', 'ตำบล', 'บาท', 'คน', 'ราย', 'แห่ง', 'ครั้ง'];

export type NumberResult = { ok: true; value: number; unit?: string; percent?: boolean } | { ok: false };

const DASHES = new Set(['-', '–', '—', '−']);
const PLAIN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * Reads a number the way people type it in Thai returns: `3,304,180`, `๘๕,๔๔๐`,
 * `56 ชุมชน`, `10.00 %`, `ร้อยละ 66.56`, `(1,000)` (accounting negative), and a dash
 * for 0, each combined with the others (`- บาท`, `(๑,๒๐๐) บาท`). Anything else is not a number.
 */
export function parseNumber(input: unknown): NumberResult {
  if (typeof input === 'number') return Number.isFinite(input) ? { ok: true, value: input } : { ok: false };
  if (typeof input !== 'string') return { ok: false };
  let s = toArabicDigits(input).trim();
  if (s === '') return { ok: false };

  let percent = false;
  let unit: string | undefined;
  if (s.startsWith('ร้อยละ')) {
    percent = true;
    s = s.slice('ร้อยละ'.length).trim();
  }
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  for (const word of UNIT_WORDS) {
    if (s.endsWith(word)) {
      unit = word;
      s = s.slice(0, -word.length).trim();
      break;
    }
  }
  // The dash for zero composes with the rest: `- บาท`, `— %`, `ร้อยละ -`.
  if (DASHES.has(s)) return withUnit({ ok: true, value: 0 }, unit, percent);
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s === '' || !PLAIN.test(s) || !/\d/.test(s)) return { ok: false };
  const value = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ok: false };
  return withUnit({ ok: true, value: negative ? -value : value }, unit, percent);
}

function withUnit(result: { ok: true; value: number; unit?: string; percent?: boolean }, unit: string | undefined, percent: boolean): NumberResult {
  if (unit) result.unit = unit;
  if (percent) result.percent = true;
  return result;
}
