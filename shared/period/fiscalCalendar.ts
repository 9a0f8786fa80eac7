import type { IsoDate } from '../parse/parseThaiDate';
import { beToCe, ceToBe } from './fiscalYear';

/** Thailand keeps UTC+7 all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The fiscal year (BE) a date falls in: October–December belong to the next year's. */
export function fiscalYearOf(date: IsoDate): number {
  const [y, m] = date.split('-').map(Number);
  return ceToBe(m >= 10 ? y + 1 : y);
}

/** The fiscal month 1–12 (from October) of a calendar month 1–12. */
export function fiscalMonthOfCalendarMonth(month: number): number {
  return ((month + 2) % 12) + 1;
}

/** Fiscal month 1–12 counted from October. */
export function fiscalMonthOf(date: IsoDate): number {
  return fiscalMonthOfCalendarMonth(Number(date.split('-')[1]));
}

/** The calendar month 1–12 of a fiscal month (1 = October). */
export function calendarMonthOf(fiscalMonth: number): number {
  return ((fiscalMonth + 8) % 12) + 1;
}

/** The CE calendar year a fiscal month of a fiscal year (BE) falls in. */
export function calendarYearOf(fiscalYear: number, fiscalMonth: number): number {
  const endCe = beToCe(fiscalYear);
  return fiscalMonth <= 3 ? endCe - 1 : endCe;
}

/** An ISO date from CE year, month and day (month and day overflow like Date.UTC). */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in Bangkok at an instant: offices' days turn at Bangkok midnight, not UTC's. */
export function bangkokDate(now: Date): IsoDate {
  return new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The fiscal year (BE) it is in Bangkok at an instant. */
export function currentFiscalYear(now: Date): number {
  return fiscalYearOf(bangkokDate(now));
}
