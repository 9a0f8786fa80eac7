import { parseRange, splitSheetAddress, a1 } from '@returns-hub/shared/sheet/address';
import type { ExcelContext } from './excelApi';

/** Cells in one selection at most: a comment per cell, so a whole column selected by mistake is refused. */
export const MAX_SELECTED_CELLS = 50;

/** The selected cells (`C9`, `C10`…) and the sheet they are on (by id). One sync. */
export async function selectedCells(context: ExcelContext): Promise<{ sheetId: string; cells: string[] }> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load(['id']);
  const range = context.workbook.getSelectedRange();
  range.load(['address']);
  await context.sync();
  const cells: string[] = [];
  for (const part of splitSheetAddress(range.address).cell.split(',')) {
    const r = parseRange(part);
    if (!r) continue;
    for (let row = r.top; row <= r.bottom && cells.length <= MAX_SELECTED_CELLS; row++) for (let col = r.left; col <= r.right && cells.length <= MAX_SELECTED_CELLS; col++) cells.push(a1(row, col));
  }
  return { sheetId: ws.id, cells };
}
