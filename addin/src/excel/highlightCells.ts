import type { ExcelContext } from './excelApi';
import type { SavedFill } from './highlights';

/**
 * Fills cells of a sheet (found by id) with given colours, saving each one's fill first so
 * clearHighlights puts it back. Two syncs whatever the number of cells (the pane colours at
 * most MAX_HIGHLIGHTS at a time, well within a request).
 */
export async function highlightCells(context: ExcelContext, sheetId: string, cells: readonly { cell: string; color: string }[], o: { fillPattern: boolean }): Promise<SavedFill[]> {
  if (cells.length === 0) return [];
  const sheet = context.workbook.worksheets.getItem(sheetId);
  const targets = cells.map((c) => {
    const range = sheet.getRange(c.cell);
    range.format.fill.load(o.fillPattern ? ['color', 'pattern'] : ['color']);
    return { ...c, range };
  });
  await context.sync();
  const saved = targets.map((t) => ({ sheetId, cell: t.cell, color: t.range.format.fill.color, pattern: o.fillPattern ? t.range.format.fill.pattern : null }));
  for (const t of targets) t.range.format.fill.color = t.color;
  await context.sync();
  return saved;
}
