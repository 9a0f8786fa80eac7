import { toArabicDigits } from '../text/thaiDigits';
import type { IsoDate } from '../parse/parseThaiDate';

/** Thai fiscal year FY (BE) runs 1 October (CE FY−544) to 30 September (CE FY−543). */
export function fiscalYearRange(fyBe: number): { start: IsoDate; end: IsoDate } {
  const endCe = fyBe - 543;
  return { start: `${endCe - 1}-10-01`, end: `${endCe}-09-30` };
}

/** The BE fiscal year a date falls in. */
export function fiscalYearOf(date: IsoDate): number {
  const [y, m] = date.split('-').map(Number);
  return (m >= 10 ? y + 1 : y) + 543;
}

/** Fiscal month 1–12 counted from October. */
export function fiscalMonthOf(date: IsoDate): number {
  const m = Number(date.split('-')[1]);
  return ((m + 2) % 12) + 1;
}

/** The fiscal year a title states: `ประจำปีงบประมาณ พ.ศ. 2563`, `Fiscal year 2020 (BE 2563)`. */
export function fiscalYearFromText(text: string): number | null {
  const s = toArabicDigits(text);
  const be = /(?:ปีงบประมาณ|ปีงบ)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{4})/.exec(s) ?? /\bB\.?E\.?\s*(\d{4})/i.exec(s);
  if (be) return toBe(+be[1]);
  const ce = /fiscal\s+year\s*(\d{4})/i.exec(s) ?? /\bFY\s*(\d{4})/i.exec(s);
  return ce ? toBe(+ce[1]) : null;
}

function toBe(y: number): number {
  return y >= 2400 ? y : y + 543;
}

/** The quarter a title states: `ไตรมาส 2`, `Q2`, `Quarter 2`. */
export function quarterFromText(text: string): number | null {
  const s = toArabicDigits(text);
  const m = /ไตรมาส(?:ที่)?\s*([1-4])/.exec(s) ?? /\bQ([1-4])\b/i.exec(s) ?? /quarter\s*([1-4])/i.exec(s);
  return m ? +m[1] : null;
}

/** The last day of a period (`FY`, `Q1`–`Q4`, `M01`–`M12`) of a BE fiscal year. */
export function periodEnd(fyBe: number, period: string): IsoDate {
  const endCe = fyBe - 543;
  let fiscalMonth = 12;
  if (/^Q[1-4]$/.test(period)) fiscalMonth = 3 * Number(period[1]);
  else if (/^M\d\d$/.test(period)) fiscalMonth = Number(period.slice(1));
  const calMonth = ((fiscalMonth + 8) % 12) + 1; // fiscal month 1 = October
  const year = fiscalMonth <= 3 ? endCe - 1 : endCe;
  const last = new Date(Date.UTC(year, calMonth, 0)).getUTCDate();
  return `${year}-${String(calMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}
