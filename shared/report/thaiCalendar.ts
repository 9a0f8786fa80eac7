import { THAI_MONTH_NAMES } from '../text/monthNames';

/** Excel date serials for reports: Bangkok time, Buddhist Era years. */

const DAY_MS = 86_400_000;
/** Bangkok is UTC+7 all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;
/** Excel's serial 25569 is 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/** An instant as an Excel date serial in Bangkok time (a report made at 06:30 Bangkok is dated that day, not UTC's yesterday). */
export function bangkokSerial(at: Date): number {
  return (at.getTime() + BANGKOK_OFFSET_MS) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** A calendar date (`2020-04-15`) as an Excel serial. */
export function isoDateSerial(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** The parts of an Excel serial read as a wall-clock date and time. */
export function serialParts(serial: number): { year: number; month: number; day: number; hour: number; minute: number } {
  const d = new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** `15 เมษายน 2563` */
export function thaiDate(serial: number): string {
  const p = serialParts(serial);
  return `${p.day} ${THAI_MONTH_NAMES[p.month - 1]} ${p.year + 543}`;
}
