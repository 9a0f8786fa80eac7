import ExcelJS from 'exceljs';
import { renderTallyWorkbook } from '@returns-hub/cli/xlsx/writeTallyWorkbook';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { displayText } from '@returns-hub/shared/report/displayText';

/** Writes report sheets as the CLI does (.xlsx bytes) and loads them back with ExcelJS. */
export async function writeAndReadBack(sheets: ReportSheet[]): Promise<ExcelJS.Workbook> {
  const bytes = await renderTallyWorkbook(sheets).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

/** A read-back cell's value as written: dates (ExcelJS reads date-formatted numbers as Date) back to their serial. */
export function cellValue(c: ExcelJS.Cell): string | number | null {
  const v = c.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  throw new Error(`unexpected cell value at ${c.address}: ${JSON.stringify(v)}`);
}

/** What a read-back cell shows: its value under its number format (0-based row and column). */
export function shownAt(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const c = ws.getCell(row + 1, col + 1);
  const text = displayText(cellValue(c), c.numFmt || undefined);
  if (text === null) throw new Error(`no display for ${c.address} format ${c.numFmt}`);
  return text;
}

/** The column of a table whose heading (its first, Thai line) is `th`, searching the table's heading rows. */
export function columnHeaded(ws: ExcelJS.Worksheet, sheet: ReportSheet, table: number, th: string): number {
  const t = sheet.tables[table];
  for (let r = t.header.top; r <= t.header.bottom; r++) for (let k = t.left; k <= t.right; k++) if (String(cellValue(ws.getCell(r + 1, k + 1)) ?? '').split('\n')[0] === th) return k;
  throw new Error(`no column headed ${th}`);
}
