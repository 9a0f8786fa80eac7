import { toArabicDigits } from '../text/thaiDigits';
import { fiscalYearFromDigits, type FiscalYear } from './fiscalYear';
import { BE_ERA, ENGLISH_FISCAL_YEAR_LABEL, ENGLISH_QUARTER_WORD, THAI_FISCAL_YEAR_LABEL, THAI_QUARTER_WORD } from './periodWords';

/**
 * Where a title states its fiscal year, most telling first: after `ปีงบประมาณ (พ.ศ.)`,
 * after `B.E.`, after `fiscal year` / `FY`. A 4-digit year below 2400 is CE, as everywhere.
 */
const FISCAL_YEAR_IN_TITLE = [
  new RegExp(String.raw`${THAI_FISCAL_YEAR_LABEL}\s*(?:${BE_ERA})?\s*(\d{4})`, 'i'),
  /\bB\.?E\.?\s*(\d{4})/i,
  new RegExp(String.raw`\b${ENGLISH_FISCAL_YEAR_LABEL}\s*(\d{4})`, 'i'),
];

/** Where a title states its quarter, most telling first: `ไตรมาส(ที่) 2`, `Q2` as a word, `Quarter 2`. */
const QUARTER_IN_TITLE = [new RegExp(String.raw`${THAI_QUARTER_WORD}\s*([1-4])`), /\bQ([1-4])\b/i, new RegExp(String.raw`${ENGLISH_QUARTER_WORD}\s*([1-4])`, 'i')];

/**
 * The fiscal year a title states: `ประจำปีงบประมาณ พ.ศ. 2563`, `Fiscal year 2020 (BE 2563)`,
 * `FY2563`. A stated year outside the fiscal-year rule (BE 2400–2800) is not taken.
 */
export function fiscalYearFromText(text: string): FiscalYear | null {
  const s = toArabicDigits(text);
  for (const re of FISCAL_YEAR_IN_TITLE) {
    const fy = fiscalYearFromDigits(re.exec(s)?.[1] ?? '');
    if (fy !== null) return fy;
  }
  return null;
}

/** The quarter 1–4 a title states: `ไตรมาส 2`, `ไตรมาสที่ ๒`, `Quarter 2`, `Q2`. */
export function quarterFromText(text: string): number | null {
  const s = toArabicDigits(text);
  for (const re of QUARTER_IN_TITLE) {
    const m = re.exec(s);
    if (m) return Number(m[1]);
  }
  return null;
}
