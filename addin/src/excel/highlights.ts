import type { Issue } from '@returns-hub/shared/issues/issue';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';

/** A cell's fill before we highlighted it, so clearing restores exactly that. */
export interface SavedFill {
  sheet: string;
  cell: string;
  color: string;
  pattern: string;
}

export const HIGHLIGHT: Record<string, string> = { error: '#FFC7CE', warning: '#FFEB9C' };

/**
 * Fills each cell with an error or warning (errors win), saving its previous fill first.
 * Two syncs whatever the number of cells: one to read the fills, one to write.
 */
export async function highlightIssues(context: Excel.RequestContext, issues: readonly Issue[]): Promise<SavedFill[]> {
  const worst = new Map<string, string>();
  for (const i of issues) {
    if (!HIGHLIGHT[i.severity] || !i.cell.includes('!')) continue;
    if (worst.get(i.cell) !== 'error') worst.set(i.cell, i.severity);
  }
  const targets = [...worst.entries()].map(([address, severity]) => {
    const { sheet, cell } = splitSheetAddress(address);
    const range = context.workbook.worksheets.getItem(sheet).getRange(cell);
    range.format.fill.load(['color', 'pattern']);
    return { sheet, cell, severity, range };
  });
  if (targets.length === 0) return [];
  await context.sync();
  const saved = targets.map((t) => ({ sheet: t.sheet, cell: t.cell, color: t.range.format.fill.color, pattern: String(t.range.format.fill.pattern) }));
  for (const t of targets) t.range.format.fill.color = HIGHLIGHT[t.severity];
  await context.sync();
  return saved;
}

/** Puts every highlighted cell's fill back as it was (no fill stays no fill). One sync. */
export async function clearHighlights(context: Excel.RequestContext, saved: readonly SavedFill[]): Promise<void> {
  if (saved.length === 0) return;
  for (const s of saved) {
    const fill = context.workbook.worksheets.getItem(s.sheet).getRange(s.cell).format.fill;
    if (s.pattern === 'None') fill.clear();
    else fill.color = s.color;
  }
  await context.sync();
}

/** Selects the cell an issue points at (clicking an issue in the pane). One sync. */
export async function selectCell(context: Excel.RequestContext, address: string): Promise<void> {
  const { sheet, cell } = splitSheetAddress(address);
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
