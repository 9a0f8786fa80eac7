import { z } from 'zod';
import { toArabicDigits } from '../text/thaiDigits';
import { quoted, type PeriodError, type PeriodResult } from './periodError';
import { BE_ERA, CE_ERA, FISCAL_YEAR_LABEL } from './periodWords';

/** Buddhist Era = Common Era + 543. */
export const BE_OFFSET = 543;
/** The one rule for fiscal years, for reads and writes alike: a whole BE year in 2400–2800. */
export const MIN_FISCAL_YEAR = 2400;
export const MAX_FISCAL_YEAR = 2800;

/** A fiscal year as stored and sent: named by its Buddhist Era year (FY 2563 = 1 Oct 2019 – 30 Sep 2020). */
export const fiscalYearSchema = z.number().int().min(MIN_FISCAL_YEAR).max(MAX_FISCAL_YEAR);
export type FiscalYear = z.infer<typeof fiscalYearSchema>;

export const ceToBe = (ce: number): number => ce + BE_OFFSET;
export const beToCe = (be: number): number => be - BE_OFFSET;

/**
 * The BE year a written year means. A year written with one or two digits is the end of a
 * 25xx BE year (63 → 2563); a longer year from 2400 up is BE; below 2400 it is CE. `digits`
 * defaults to the number's own digit count; pass the written count when the text had
 * leading zeros (`0063` is year 63 CE, not 2563).
 */
export function toBe(year: number, digits: number = String(Math.trunc(Math.abs(year))).length): number {
  if (digits <= 2) return 2500 + year;
  return year >= MIN_FISCAL_YEAR ? year : ceToBe(year);
}

export function isFiscalYear(n: unknown): n is FiscalYear {
  return fiscalYearSchema.safeParse(n).success;
}

const YEAR_TEXT = new RegExp(String.raw`^(?:${FISCAL_YEAR_LABEL}\s*)?(?:(${BE_ERA})|(${CE_ERA}))?\s*(\d+)$`, 'i');

export function invalidFiscalYear(input: unknown): PeriodError {
  const q = quoted(input);
  return {
    code: 'fiscal_year.invalid',
    th: `ปีงบประมาณ ${q} ไม่ถูกต้อง ใส่ปี พ.ศ. ตั้งแต่ 2400 ถึง 2800 เช่น 2563 หรือเขียนสองหลักท้าย เช่น 63 ก็ได้ ส่วนปี ค.ศ. ตั้งแต่ 1857 ถึง 2257 เช่น 2020 จะแปลงเป็น พ.ศ. ให้`,
    en: `Fiscal year ${q} is not valid. Give a Buddhist Era year from 2400 to 2800, such as 2563, or just its last two digits, such as 63; a Common Era year from 1857 to 2257, such as 2020, is converted to BE.`,
  };
}

/**
 * The BE year that digits mean, written with an optional era marker (`พ.ศ.`/`ค.ศ.`);
 * NaN for three-digit years, two-digit CE years and the like. No range check: a calendar
 * year of a month may lie just outside the fiscal-year range.
 */
export function beYearFromDigits(digits: string, era: 'be' | 'ce' | null = null): number {
  const n = Number(digits);
  if (!/^\d+$/.test(digits) || digits.length === 3) return NaN;
  if (era === 'ce') return digits.length === 4 ? ceToBe(n) : NaN;
  if (era === 'be') return digits.length <= 2 ? toBe(n, digits.length) : n;
  return toBe(n, digits.length);
}

/** The fiscal year (BE) that digits mean, or null when it is outside 2400–2800. */
export function fiscalYearFromDigits(digits: string, era: 'be' | 'ce' | null = null): FiscalYear | null {
  const be = beYearFromDigits(digits, era);
  return isFiscalYear(be) ? be : null;
}

/**
 * Reads a fiscal year as people give it: `2563`, `๒๕๖๓`, `63` (→ 2563), `2020` (CE,
 * → 2563), `พ.ศ. 2563`, `ปีงบประมาณ 2563`, `FY2563`, `ค.ศ. 2020`, or a number. BE
 * 2400–2800 and CE 1857–2257 (the same years) are accepted; CE 2258–2399 and
 * three-digit years are refused, as they can only be typing mistakes.
 */
export function parseFiscalYear(input: string | number): PeriodResult<FiscalYear> {
  let value: FiscalYear | null = null;
  if (typeof input === 'number') {
    if (Number.isInteger(input) && input >= 0) value = fiscalYearFromDigits(String(input));
  } else {
    const m = YEAR_TEXT.exec(toArabicDigits(input).trim());
    if (m) value = fiscalYearFromDigits(m[3], m[1] ? 'be' : m[2] ? 'ce' : null);
  }
  return value === null ? { ok: false, error: invalidFiscalYear(input) } : { ok: true, value };
}

/** For query strings, path segments and form fields: any spelling parseFiscalYear reads; the output is the BE year. */
export const fiscalYearInputSchema = z.union([z.string(), z.number()]).transform((v, ctx): FiscalYear => {
  const r = parseFiscalYear(v);
  if (r.ok) return r.value;
  ctx.issues.push({ code: 'custom', message: r.error.en, input: v });
  return z.NEVER;
});
