import { toArabicDigits } from '../text/thaiDigits';
import { monthFromName } from '../text/monthNames';
import { beYearFromDigits, fiscalYearFromDigits, invalidFiscalYear, isFiscalYear } from './fiscalYearNumbers';
import { fiscalMonthOfCalendarMonth } from './fiscalCalendar';
import { MONTH_CODES, PERIOD_KINDS, QUARTER_CODES, periodKindOf, type PeriodCode, type PeriodKind } from './periodCodeList';
import { quoted, type PeriodError, type PeriodResult } from './periodError';
import type { Period } from './period';
import { BE_ERA, CE_ERA, FISCAL_YEAR_LABEL, MONTH_WORD, QUARTER_WORD, WHOLE_YEAR_WORD } from './periodWords';

const WHOLE_YEAR = new RegExp(String.raw`^${WHOLE_YEAR_WORD}$`, 'i');
const QUARTER = new RegExp(String.raw`^(?:${QUARTER_WORD}|q)\s*([1-4])$`, 'i');
const MONTH = new RegExp(String.raw`^(?:${MONTH_WORD}|m)\s*(\d{1,2})$`, 'i');
/** A month's calendar name, `เดือน` optional before it: `ธันวาคม`, `เดือนธันวาคม`, `ธ.ค.`, `December`. */
const MONTH_NAME = /^(?:เดือน\s*)?(.+)$/;
/** Text, then a year: `ไตรมาส 2/2563`, `Q2 FY2563`, `ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563`, `ธันวาคม 2562`. */
const WITH_YEAR = new RegExp(String.raw`^(.*?)[\s/,]*(?:(${FISCAL_YEAR_LABEL})\s*)?(?:(${BE_ERA})|(${CE_ERA}))?\s*(\d+)$`, 'i');
/** A month's name and its calendar year, inside a title that also states the fiscal year. */
const NAME_AND_YEAR = new RegExp(String.raw`^(.*?)\s*(?:(${BE_ERA})|(${CE_ERA}))?\s*(\d+)$`, 'i');

/** Thai digits to Arabic, spaces collapsed, ends trimmed. */
function normalize(text: string): string {
  return toArabicDigits(text).replace(/\s+/g, ' ').trim();
}

const DESCRIBE: Record<PeriodKind, [th: string, en: string]> = {
  year: ['ทั้งปี (FY)', 'FY for the whole year (ทั้งปี)'],
  quarter: ['ไตรมาส 1 ถึง 4 (เช่น ไตรมาส 2, ไตรมาสที่ 2, Q2)', 'Q1 to Q4 for a quarter (also written q2, Quarter 2, ไตรมาส 2 or ไตรมาสที่ 2)'],
  month: [
    'เดือนที่ 1 ถึง 12 นับจากเดือนตุลาคม (เช่น เดือนที่ 3, M03, M3 หรือชื่อเดือน เช่น ธันวาคม)',
    "M01 to M12 for a fiscal month counted from October (also written M3, เดือนที่ 3, or the month's name, such as December or ธันวาคม)",
  ],
};

/** The error for a period that cannot be read; it lists, in prose, what is accepted. */
export function invalidPeriod(input: unknown, allowed: readonly PeriodKind[] = PERIOD_KINDS, withYear = false): PeriodError {
  const q = quoted(input);
  const th = allowed.map((k) => DESCRIBE[k][0]).join(' หรือ ');
  const en = allowed.map((k) => DESCRIBE[k][1]).join(', or ');
  return {
    code: 'period.invalid',
    th: `งวด ${q} ไม่ถูกต้อง ใช้ได้: ${th}${withYear ? ' ตามด้วยปีงบประมาณ เช่น ไตรมาส 2/2563 หรือ ทั้งปี 2563' : ''}`,
    en: `Period ${q} is not valid. Use ${en}${withYear ? '; then the fiscal year, such as Q2 FY2563 or ไตรมาส 2/2563' : ''}.`,
  };
}

/** The code a text names, whatever kind; null when it names none. */
function codeOf(s: string): PeriodCode | null {
  if (WHOLE_YEAR.test(s)) return 'FY';
  const q = QUARTER.exec(s);
  if (q) return QUARTER_CODES[Number(q[1]) - 1];
  const m = MONTH.exec(s);
  if (m) return MONTH_CODES[Number(m[1]) - 1] ?? null;
  const month = monthFromName(MONTH_NAME.exec(s)?.[1] ?? '');
  return month ? MONTH_CODES[fiscalMonthOfCalendarMonth(month) - 1] : null;
}

/**
 * Reads a period code as the API, CLI, pane and custom functions all accept it: `FY`,
 * `fy`, `ทั้งปี`; `Q2`, `q2`, `Quarter 2`, `ไตรมาส 2`, `ไตรมาสที่ 2`; `M03`, `M3`, `m3`,
 * `เดือนที่ 3`, or a month's name (`ธันวาคม` = M03, as months count from October); Thai
 * digits anywhere. `allowed` narrows the kinds (a quarterly form takes quarters only).
 */
export function parsePeriodCode(text: string, allowed: readonly PeriodKind[] = PERIOD_KINDS): PeriodResult<PeriodCode> {
  const code = codeOf(normalize(text));
  return code && allowed.includes(periodKindOf(code)) ? { ok: true, value: code } : { ok: false, error: invalidPeriod(text, allowed) };
}

type Era = 'be' | 'ce' | null;
const eraOf = (be: string | undefined, ce: string | undefined): Era => (be ? 'be' : ce ? 'ce' : null);

/**
 * A month by its calendar name and calendar year (`ธันวาคม 2562` = M03 of FY 2563);
 * undefined when the name is no month. A 4-digit year without an era is BE or CE,
 * whichever makes a fiscal year in range (the two never overlap): October–December of
 * FY 2400 fall in BE 2399, which the plain 2400 rule would take for CE.
 */
function monthByName(name: string, digits: string, era: Era): Period | null | undefined {
  const month = monthFromName(MONTH_NAME.exec(name)?.[1] ?? '');
  if (!month) return undefined;
  const code = MONTH_CODES[fiscalMonthOfCalendarMonth(month) - 1];
  const fiscalYearIn = (calendarYear: number) => (month >= 10 ? calendarYear + 1 : calendarYear);
  const asBe = digits.length === 4 && era === null ? fiscalYearIn(Number(digits)) : NaN;
  const fiscalYear = isFiscalYear(asBe) ? asBe : fiscalYearIn(beYearFromDigits(digits, era));
  return isFiscalYear(fiscalYear) ? { fiscalYear, code } : null;
}

/** What the text before a year and the year make, or which part of them is wrong. */
function periodOf(rest: string, labelled: boolean, digits: string, era: Era): Period | 'period' | 'year' {
  if (!labelled) {
    const named = monthByName(rest, digits, era); // `ธันวาคม 2562`: the year is the calendar year
    if (named !== undefined) return named ?? 'year';
  }
  const fiscalYear = fiscalYearFromDigits(digits, era);
  if (labelled) {
    const dated = NAME_AND_YEAR.exec(rest); // `เดือนธันวาคม 2562 ปีงบประมาณ พ.ศ. 2563`: both years must agree
    const named = dated ? monthByName(dated[1], dated[4], eraOf(dated[2], dated[3])) : undefined;
    if (named !== undefined) return named && named.fiscalYear === fiscalYear ? named : 'period';
  }
  const code = rest === '' ? (labelled ? 'FY' : null) : codeOf(rest);
  if (!code) return 'period';
  return fiscalYear === null ? 'year' : { fiscalYear, code };
}

/**
 * Reads a whole period, code and fiscal year: `ไตรมาส 2/2563`, `Q2 FY2563`, `Q2 2563`,
 * `ทั้งปี 2563`, `FY2563`, `เดือนที่ 3/2563`, `ธันวาคม 2562` (a month with its calendar
 * year), and the report-title forms `ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563`, `Quarter 2, fiscal
 * year 2563`. Everything formatPeriod and periodTitle write reads back.
 */
export function parsePeriod(text: string, allowed: readonly PeriodKind[] = PERIOD_KINDS): PeriodResult<Period> {
  const m = WITH_YEAR.exec(normalize(text));
  const p = m ? periodOf(m[1].replace(/[\s,/]+$/, ''), !!m[2], m[5], eraOf(m[3], m[4])) : 'period';
  if (p === 'year') return { ok: false, error: invalidFiscalYear(text) };
  if (p === 'period' || !allowed.includes(periodKindOf(p.code))) return { ok: false, error: invalidPeriod(text, allowed, true) };
  return { ok: true, value: p };
}
