import { THAI_MONTHS } from './thaiCalendar';

/** Fiscal month N (1 = October) as a calendar month 1–12 and its Buddhist Era year. */
function calendarMonth(fiscalYear: number, n: number): { month: number; yearBE: number } {
  const month = ((n + 8) % 12) + 1;
  return { month, yearBE: n <= 3 ? fiscalYear - 1 : fiscalYear };
}

/** `ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563`, `ปีงบประมาณ พ.ศ. 2563`, `เดือนธันวาคม 2562 ปีงบประมาณ พ.ศ. 2563`. */
export function periodTitleTh(fiscalYear: number, period: string): string {
  const fy = `ปีงบประมาณ พ.ศ. ${fiscalYear}`;
  if (/^Q[1-4]$/.test(period)) return `ไตรมาส ${period[1]} ${fy}`;
  const m = /^M(0[1-9]|1[0-2])$/.exec(period);
  if (m) {
    const c = calendarMonth(fiscalYear, Number(m[1]));
    return `เดือน${THAI_MONTHS[c.month - 1]} ${c.yearBE} ${fy}`;
  }
  return fy;
}

/** `Q2, fiscal year 2563 BE`. */
export function periodTitleEn(fiscalYear: number, period: string): string {
  const fy = `fiscal year ${fiscalYear} BE`;
  if (/^Q[1-4]$/.test(period)) return `${period}, ${fy}`;
  if (/^M\d\d$/.test(period)) return `month ${Number(period.slice(1))}, ${fy}`;
  return fy;
}

/** The period in a sheet name (no `/`): `Q2-2563`, `FY2563`, `M03-2563`. */
export function periodSheetTag(fiscalYear: number, period: string): string {
  return period === 'FY' ? `FY${fiscalYear}` : `${period}-${fiscalYear}`;
}
