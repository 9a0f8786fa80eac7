import type { Grid } from '@returns-hub/shared/sheet/grid';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { gridFromExcelValues } from './gridFromExcelValues';

/** Excel on the web may return null for reads over 5,000,000 cells: refuse larger sheets up front. */
export const MAX_READ_CELLS = 5_000_000;

export type SheetRead = { ok: true; grid: Grid } | { ok: false; issue: Issue };

/**
 * Reads the active sheet's used range into the grid with one `sync`: values, value types
 * (for formula errors), number formats, and merged areas. Never addresses whole columns.
 */
export async function readActiveSheet(context: Excel.RequestContext): Promise<SheetRead> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load(['name']);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['rowIndex', 'columnIndex', 'cellCount', 'values', 'valueTypes', 'numberFormat']);
  const merged = used.getMergedAreasOrNullObject();
  merged.load(['address']);
  await context.sync();

  if (used.isNullObject) return { ok: true, grid: { sheet: sheet.name, rows: [], merges: [] } };
  if (used.cellCount > MAX_READ_CELLS || !used.values) {
    return { ok: false, issue: issueAt('error', 'sheet.too_large', `${sheet.name}!A1`, { cells: used.cellCount, limit: MAX_READ_CELLS }) };
  }
  return {
    ok: true,
    grid: gridFromExcelValues({
      sheet: sheet.name,
      rowIndex: used.rowIndex,
      columnIndex: used.columnIndex,
      values: used.values,
      valueTypes: used.valueTypes as unknown as string[][],
      numberFormat: used.numberFormat,
      mergedAddress: merged.isNullObject ? null : merged.address,
    }),
  };
}
