import { toArabicDigits } from '../text/thaiDigits';
import { serialToDate } from '../sheet/grid';
import { monthFromName } from '../text/monthNames';
import { beToCe, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, toBe } from '../period/fiscalYearNumbers';

/** A calendar date as `YYYY-MM-DD` (Common Era); JSON-friendly and sorts as text. */
export type IsoDate = string;

export type DateResult = { ok: true; value: IsoDate } | { ok: false };

/** The CE year of a date's written year, by the one year rule (toBe): `63` → 2020, `2563` → 2020, `2020` → 2020. */
function ceYearOf(written: string): number {
  return beToCe(toBe(Number(written), written.length));
}

export function isoDate(y: number, m: number, d: number): IsoDate | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31/2 and the like
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel serials between 1900-01-01 and 2200-12-31 are taken as dates. */
function fromSerial(serial: number): DateResult {
  if (!Number.isFinite(serial) || serial < 1 || serial > 110_000) return { ok: false };
  const d = serialToDate(Math.floor(serial));
  const iso = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return iso ? { ok: true, value: iso } : { ok: false };
}

/**
 * A date cell whose year is 2400 to 2800: a Buddhist-era year typed into a cell Excel or Calc
 * took as CE (`24/8/2563` becomes 24 Aug 2563 CE). The date it means, BE − 543, and that year.
 */
export function beYearInDateCell(serial: number): { year: number; value: IsoDate } | null {
  if (!Number.isFinite(serial)) return null;
  const d = serialToDate(Math.floor(serial));
  const year = d.getUTCFullYear();
  if (year < MIN_FISCAL_YEAR || year > MAX_FISCAL_YEAR) return null;
  const value = isoDate(beToCe(year), d.getUTCMonth() + 1, d.getUTCDate());
  return value ? { year, value } : null;
}

function result(iso: IsoDate | null): DateResult {
  return iso ? { ok: true, value: iso } : { ok: false };
}

/**
 * Reads a date as Thai offices write it: Excel date cells (serials), `27/10/2563`
 * (d/m/BE), `27/10/63`, ISO `2020-10-01 00:00:00` (CE), `12/29/2020` (m/d only when the
 * first number cannot be a day-of-month's partner), `20 มกราคม 2563`, `27 มี.ค. 63`,
 * with Thai or Arabic digits. Ambiguous d/m vs m/d is read as d/m.
 */
export function parseThaiDate(input: unknown): DateResult {
  if (typeof input === 'number') return fromSerial(input);
  if (input instanceof Date) return result(isoDate(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate()));
  if (typeof input !== 'string') return { ok: false };
  let s = toArabicDigits(input)
    .trim()
    .replace(/^วันที่\s*/, '');
  s = s.replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z)?$/i, '').trim(); // a trailing time of day
  if (s === '') return { ok: false };

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return result(isoDate(ceYearOf(m[1]), +m[2], +m[3]));

  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const y = ceYearOf(m[3]);
    if (b > 12 && a <= 12) return result(isoDate(y, a, b)); // m/d: the second cannot be a month
    return result(isoDate(y, b, a));
  }

  // Day, month name, year: "20 มกราคม 2563", "27 มี.ค. 63", "27 Mar 2020"; "พ.ศ." may precede the year.
  m = /^(\d{1,2})\s*([^\d\s]+(?:\s*[^\d\s]+)*?)\s*(?:พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)?\s*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthFromName(m[2]);
    if (month) return result(isoDate(ceYearOf(m[3]), month, +m[1]));
  }
  return { ok: false };
}
