import { THAI_MONTH_ABBREVIATIONS } from '../text/monthNames';

/** Bangkok keeps UTC+7 all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * 3600_000;

/**
 * An instant as people in Thai offices read it, in both languages:
 * `2020-10-05 14:03 Bangkok time` and `5 ต.ค. 2563 เวลา 14:03 น.`
 */
export function bangkokTime(iso: string): { en: string; th: string } {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return { en: iso, th: iso };
  const local = new Date(t + BANGKOK_OFFSET_MS).toISOString(); // read as UTC: the Bangkok wall clock
  const [date, time] = [local.slice(0, 10), local.slice(11, 16)];
  const [y, m, d] = date.split('-').map(Number);
  return { en: `${date} ${time} Bangkok time`, th: `${d} ${THAI_MONTH_ABBREVIATIONS[m - 1]} ${y + 543} เวลา ${time} น.` };
}

/** A date (`2020-11-14`) in both languages. */
export function bangkokDay(isoDate: string): { en: string; th: string } {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return { en: isoDate, th: isoDate };
  return { en: isoDate, th: `${d} ${THAI_MONTH_ABBREVIATIONS[m - 1]} ${y + 543}` };
}
