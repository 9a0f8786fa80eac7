/**
 * Excel's built-in number formats by id (ECMA-376 §18.8.30), and the Thai-locale ones
 * (59–81) that Thai Excel writes by id only. Dates are given one representative code:
 * the reader needs to know that a cell is a date, a percent or a plain number.
 */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yyyy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  59: '0',
  60: '0.00',
  61: '#,##0',
  62: '#,##0.00',
  67: '0%',
  68: '0.00%',
  69: '# ?/?',
  70: '# ??/??',
};
/** Ids that are dates in some locale (East Asian 27–36 and 50–58, Thai 71–81). */
const DATE_IDS = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81];
for (const id of DATE_IDS) BUILT_IN[id] = 'd/m/yyyy';

/** The format code of a built-in id, or undefined when the id is neither built in nor known. */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

export { isDateFormat, showsCalendarDate } from '@returns-hub/shared/sheet/dateFormats';
