import type { Cell } from '@returns-hub/shared/sheet/grid';
import { DAYS_1904, serialToDate } from '@returns-hub/shared/sheet/grid';
import { isDateFormat, showsCalendarDate } from '@returns-hub/shared/sheet/dateFormats';
import { displayText } from '@returns-hub/shared/report/displayText';
import type { ShownCell } from './fileProtocol';

/**
 * A cell's text as a spreadsheet shows it, near enough for the clerk to recognise their sheet:
 * dates as day/month/year (Buddhist Era where the format says so, as Thai workbooks mostly
 * do), percentages, and numbers under their format as the report writer reads formats
 * (`shared/report/displayText`), formula errors as Excel writes them. Not a full number-format
 * engine (SheetJS has one, but loading it for every .xlsx would cost what the reader saves):
 * what it does not know it shows plainly.
 */

/** Thai-locale markers in a format: `[$-th-TH]`, `[$-41E]`, `[$-107041E]` (Thai calendar), `bbbb`/`e` years. */
const THAI_YEAR = /\[\$-(?:[0-9A-F]*41E|th)|b{2,4}|(^|[^"\\])e/i;
const TIME = /h|s|AM\/PM/i;

function dateText(serial: number, fmt: string, date1904: boolean): string {
  // A calendar date of a 1904-system workbook counts from 1904; a time or a duration is an amount of days.
  const d = serialToDate(date1904 && showsCalendarDate(fmt) ? serial + DAYS_1904 : serial);
  const be = THAI_YEAR.test(fmt.replace(/"[^"]*"/g, ''));
  const date = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + (be ? 543 : 0)}`;
  if (!TIME.test(fmt.replace(/\[[^\]]*\]|"[^"]*"/g, ''))) return date;
  return `${date} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Decimals a format's first section asks for (`0.00%` → 2). */
function decimalsOf(section: string): number {
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

function numberText(v: number, fmt: string | undefined, date1904: boolean): string {
  if (fmt && isDateFormat(fmt)) return dateText(v, fmt, date1904);
  const first = fmt?.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]/g, '') ?? '';
  if (first.includes('%')) return `${(v * 100).toFixed(decimalsOf(first))}%`;
  // Number patterns (`#,##0`, `#,##0.00 "บาท"`, sections) as the report writer reads them.
  const shown = fmt && fmt !== 'General' ? displayText(v, fmt) : null;
  if (shown !== null) return shown;
  // General: as Excel, about eleven characters of precision.
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
}

export function shownCell(cell: Cell | undefined, date1904 = false): ShownCell {
  if (!cell) return { text: '' };
  if (cell.error) return { text: cell.error };
  const v = cell.value;
  if (v === null) return { text: '' };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (typeof v === 'number') return { text: numberText(v, cell.numFmt, date1904), number: true };
  return { text: v.replace(/\s*[\r\n]+\s*/g, ' ') };
}

/** A row's cells as shown; a text runs over the empty cells to its right, as in a spreadsheet. */
export function shownRow(row: readonly (Cell | undefined)[] | undefined, columns: number, date1904 = false): ShownCell[] {
  const out: ShownCell[] = [];
  for (let c = 0; c < columns; c++) out.push(shownCell(row?.[c], date1904));
  for (let c = 0; c < columns; c++) if (out[c].text && !out[c].number && (c + 1 >= columns || !out[c + 1].text)) out[c].spill = true;
  return out;
}
