import { ENGLISH_MONTH_NAMES, THAI_MONTH_NAMES } from '../text/monthNames';
import { ceToBe } from './fiscalYear';
import { calendarMonthOf, calendarYearOf } from './fiscalCalendar';
import { periodParts, type PeriodCode } from './periodCode';
import type { Period } from './period';

export type Lang = 'th' | 'en';

/** Fiscal month n of a fiscal year by its calendar name and year: BE in Thai (`ธันวาคม 2562`), CE in English (`December 2019`). */
function calendarMonth(fiscalYear: number, n: number, lang: Lang): string {
  const month = calendarMonthOf(n) - 1;
  const ce = calendarYearOf(fiscalYear, n);
  return lang === 'th' ? `${THAI_MONTH_NAMES[month]} ${ceToBe(ce)}` : `${ENGLISH_MONTH_NAMES[month]} ${ce}`;
}

/**
 * A period as people read it: `ทั้งปี 2563`, `ไตรมาส 2/2563`, `ธันวาคม 2562` (a month by
 * its calendar name and BE year: fiscal month 3 of FY 2563); `FY2563`, `Q2 FY2563`,
 * `M03 FY2563`. parsePeriod reads every one of these back.
 */
export function formatPeriod(p: Period, lang: Lang): string {
  const parts = periodParts(p.code);
  switch (parts.kind) {
    case 'year':
      return lang === 'th' ? `ทั้งปี ${p.fiscalYear}` : `FY${p.fiscalYear}`;
    case 'quarter':
      return lang === 'th' ? `ไตรมาส ${parts.n}/${p.fiscalYear}` : `Q${parts.n} FY${p.fiscalYear}`;
    case 'month':
      return lang === 'th' ? calendarMonth(p.fiscalYear, parts.n, 'th') : `${p.code} FY${p.fiscalYear}`;
  }
}

/**
 * The long form for report titles: `ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563`, `ปีงบประมาณ พ.ศ. 2563`,
 * `เดือนธันวาคม 2562 ปีงบประมาณ พ.ศ. 2563`; `Quarter 2, fiscal year 2563`,
 * `Fiscal year 2563`, `December 2019, fiscal year 2563`. The title readers
 * (fiscalYearFromText, quarterFromText) and parsePeriod read these back.
 */
export function periodTitle(p: Period, lang: Lang): string {
  const parts = periodParts(p.code);
  const fy = lang === 'th' ? `ปีงบประมาณ พ.ศ. ${p.fiscalYear}` : `fiscal year ${p.fiscalYear}`;
  switch (parts.kind) {
    case 'year':
      return lang === 'th' ? fy : `Fiscal year ${p.fiscalYear}`;
    case 'quarter':
      return lang === 'th' ? `ไตรมาส ${parts.n} ${fy}` : `Quarter ${parts.n}, ${fy}`;
    case 'month':
      return lang === 'th' ? `เดือน${calendarMonth(p.fiscalYear, parts.n, 'th')} ${fy}` : `${calendarMonth(p.fiscalYear, parts.n, 'en')}, ${fy}`;
  }
}

/** A code alone, for a form's choices: `ทั้งปี`, `ไตรมาส 2`, `เดือนที่ 3 (ธันวาคม)`; `Whole year`, `Q2`, `M03 (December)`. */
export function periodCodeLabel(code: PeriodCode, lang: Lang): string {
  const parts = periodParts(code);
  switch (parts.kind) {
    case 'year':
      return lang === 'th' ? 'ทั้งปี' : 'Whole year';
    case 'quarter':
      return lang === 'th' ? `ไตรมาส ${parts.n}` : code;
    case 'month': {
      const month = calendarMonthOf(parts.n) - 1;
      return lang === 'th' ? `เดือนที่ ${parts.n} (${THAI_MONTH_NAMES[month]})` : `${code} (${ENGLISH_MONTH_NAMES[month]})`;
    }
  }
}
