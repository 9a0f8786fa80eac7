/**
 * What an Excel number format says a cell's number is: a date or time (a serial), and whether
 * it shows a calendar date. A date counts days from the workbook's day zero, so a 1904-system
 * workbook's dates move by 1,462 days; a time of day or a duration (`[h]:mm:ss`) is an amount
 * of days and does not move.
 */

/** The format code's first section without the parts that are no tokens: quoted text, escapes, fills, `[…]` and `E+`. */
function tokens(code: string): string {
  return code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/E[+-]/gi, '')
    .replace(/General/gi, '');
}

/** Thai date letters (วัน เดือน ปี …) count only without digit placeholders: `#,##0 บาท` is a number. */
const thaiDate = (bare: string) => !/[0#?]/.test(bare) && /[วดปชนท]/.test(bare);

/**
 * True when a format code shows a date or time: it has a date/time token outside quoted
 * text, escapes, `[…]` locale or colour sections and the `E+` of scientific notation.
 * `b`/`bbbb` are Buddhist-era years, as Thai workbooks use them.
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code || code === 'General' || code === '@') return false;
  const bare = tokens(code);
  return /[dmyhsb]/i.test(bare) || thaiDate(bare);
}

/**
 * True when a format shows a calendar date (day, month or year), not only a time of day or an
 * elapsed time: `m` is a month unless it stands after an hour or before seconds (minutes).
 */
export function showsCalendarDate(code: string | undefined): boolean {
  if (!isDateFormat(code)) return false;
  const bare = tokens(code!).replace(/AM\/PM|A\/P/gi, '');
  if (/[dyb]/i.test(bare) || /[วดป]/.test(bare)) return true;
  // Minutes: an m run right after h (with a separator) or right before s.
  const months = bare.replace(/(h+[^a-z]*)m+/gi, '$1').replace(/m+([^a-z]*s)/gi, '$1');
  return /m/i.test(months);
}
