import type { Grid } from '@returns-hub/shared/sheet/grid';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { sheetAddress } from '@returns-hub/shared/sheet/address';
import type { ExcelContext, ExcelRange, ExcelRangeAreas } from './excelApi';
import { gridFromExcelValues } from './gridFromExcelValues';

/** Excel on the web may return null for reads over 5,000,000 cells: refuse larger sheets up front. */
export const MAX_READ_CELLS = 5_000_000;

export type SheetRead =
  | {
      ok: true;
      /** The sheet's stable id: later calls find it by this, even after a rename. */
      sheetId: string;
      grid: Grid;
      /** True when this Excel cannot report merged cells (before ExcelApi 1.13): the grid has none. */
      mergesUnknown: boolean;
    }
  | { ok: false; issue: Issue };

export interface ReadOptions {
  /** The sheet to read, by id; the active sheet when absent. */
  sheetId?: string;
  /** ExcelApi 1.13: read merged areas with the values. */
  mergedAreas: boolean;
  /** ExcelApi 1.4: the used range as a null object on an empty sheet. */
  nullObjects: boolean;
}

/**
 * Reads a sheet's used range into the grid with one `sync`: values, value types (for
 * formula errors), number formats, and merged areas where the host has them. Never
 * addresses whole columns.
 */
export async function readSheet(context: ExcelContext, o: ReadOptions): Promise<SheetRead> {
  const worksheets = context.workbook.worksheets;
  const sheet = o.sheetId ? worksheets.getItem(o.sheetId) : worksheets.getActiveWorksheet();
  sheet.load(['id', 'name']);
  const used: ExcelRange = o.nullObjects ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange();
  used.load(['rowIndex', 'columnIndex', 'cellCount', 'values', 'valueTypes', 'numberFormat']);
  let merged: ExcelRangeAreas | null = null;
  if (o.mergedAreas) {
    merged = used.getMergedAreasOrNullObject();
    merged.load(['address']);
  }
  await context.sync();

  const base = { ok: true as const, sheetId: sheet.id, mergesUnknown: !o.mergedAreas };
  if (o.nullObjects && used.isNullObject) return { ...base, grid: { sheet: sheet.name, rows: [], merges: [] } };
  if (used.cellCount > MAX_READ_CELLS || !used.values) {
    return { ok: false, issue: issueAt('error', 'sheet.too_large', sheetAddress(sheet.name, 0, 0), { cells: used.cellCount, limit: MAX_READ_CELLS }) };
  }
  return {
    ...base,
    grid: gridFromExcelValues({
      sheet: sheet.name,
      rowIndex: used.rowIndex,
      columnIndex: used.columnIndex,
      values: used.values,
      valueTypes: used.valueTypes,
      numberFormat: used.numberFormat,
      mergedAddress: merged && !merged.isNullObject ? merged.address : null,
    }),
  };
}
