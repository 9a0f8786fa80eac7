import { z } from 'zod';
import type { IsoDate } from '../parse/parseThaiDate';
import { fiscalYearSchema, type FiscalYear } from './fiscalYear';
import { MONTH_CODES, QUARTER_CODES, codesUpTo, fiscalMonthsOf, periodCodeSchema, periodKindOf, periodsOfKind, quarterOfFiscalMonth, type PeriodCode, type PeriodKind } from './periodCode';
import { addDays, bangkokDate, calendarMonthOf, calendarYearOf, fiscalMonthOf, fiscalYearOf, isoDateOf } from './fiscalCalendar';

/** A period of a fiscal year: `{ fiscalYear: 2563, code: 'Q2' }` is January–March 2020. */
export const periodSchema = z.object({ fiscalYear: fiscalYearSchema, code: periodCodeSchema });
export type Period = z.infer<typeof periodSchema>;

/** Days after a period's end by which a return is on time, unless a form says otherwise. */
export const DEFAULT_DUE_DAYS = 15;

/** The first day of a fiscal month of a fiscal year (BE). */
function monthStart(fiscalYear: FiscalYear, fiscalMonth: number): IsoDate {
  return isoDateOf(calendarYearOf(fiscalYear, fiscalMonth), calendarMonthOf(fiscalMonth), 1);
}

export function periodStart(p: Period): IsoDate {
  return monthStart(p.fiscalYear, fiscalMonthsOf(p.code).from);
}

export function periodEnd(p: Period): IsoDate {
  const { to } = fiscalMonthsOf(p.code);
  // Day 0 of the next month is the last day of this one.
  return isoDateOf(calendarYearOf(p.fiscalYear, to), calendarMonthOf(to) + 1, 0);
}

/** The date by which a return for the period is on time. */
export function dueDate(p: Period, daysAfter: number = DEFAULT_DUE_DAYS): IsoDate {
  return addDays(periodEnd(p), daysAfter);
}

/** The period before, within the same fiscal year; null for FY, Q1 and M01 (the cumulative rule needs this). */
export function previousPeriodInYear(p: Period): Period | null {
  const codes = periodsOfKind(periodKindOf(p.code));
  const i = codes.indexOf(p.code);
  return i > 0 ? { fiscalYear: p.fiscalYear, code: codes[i - 1] } : null;
}

/** The period before, of the same kind: Q1's is Q4 of the previous year, FY's the previous FY. */
export function previousPeriod(p: Period): Period {
  const codes = periodsOfKind(periodKindOf(p.code));
  return previousPeriodInYear(p) ?? { fiscalYear: p.fiscalYear - 1, code: codes[codes.length - 1] };
}

/** The periods of the same kind from the year's first up to this one: a tally of Q2 reads Q1 and Q2. */
export function periodsUpTo(p: Period): Period[] {
  return codesUpTo(p.code).map((code) => ({ fiscalYear: p.fiscalYear, code }));
}

/** The period of a kind that a date falls in. */
export function periodOfDate(kind: PeriodKind, date: IsoDate): Period {
  const fiscalYear = fiscalYearOf(date);
  const m = fiscalMonthOf(date);
  const code: PeriodCode = kind === 'year' ? 'FY' : kind === 'quarter' ? QUARTER_CODES[quarterOfFiscalMonth(m) - 1] : MONTH_CODES[m - 1];
  return { fiscalYear, code };
}

/** The latest period of a kind that has ended by today in Bangkok (what a pane offers first). */
export function latestDuePeriod(kind: PeriodKind, now: Date): Period {
  return previousPeriod(periodOfDate(kind, bangkokDate(now)));
}
