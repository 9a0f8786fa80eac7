import type { Issue } from '@returns-hub/shared/issues/issue';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';
import type { ExcelContext } from './excelApi';
import { highlightCells } from './highlightCells';

/** A cell's fill before we highlighted it, so clearing restores exactly that. */
export interface SavedFill {
  /** The sheet's stable id: clearing still finds it after a rename. */
  sheetId: string;
  cell: string;
  color: string;
  /** `None` for no fill; null where the host cannot tell (before ExcelApi 1.9): white then counts as no fill. */
  pattern: string | null;
}

export const HIGHLIGHT: Record<string, string> = { error: '#FFC7CE', warning: '#FFEB9C' };

/** What Excel reports as the colour of a cell with no fill. */
const NO_FILL_COLOR = '#FFFFFF';

/** Each cell gets the worst of its findings' severities (errors win); notes are not highlighted. */
export function cellsToHighlight(issues: readonly Issue[]): Map<string, 'error' | 'warning'> {
  const worst = new Map<string, 'error' | 'warning'>();
  for (const i of issues) {
    if ((i.severity !== 'error' && i.severity !== 'warning') || !i.cell.includes('!')) continue;
    const { cell } = splitSheetAddress(i.cell);
    if (worst.get(cell) !== 'error') worst.set(cell, i.severity);
  }
  return worst;
}

/** Fills each finding's cell on the checked sheet (found by id) with an error or warning colour, saving its previous fill first. */
export async function highlightIssues(context: ExcelContext, sheetId: string, issues: readonly Issue[], o: { fillPattern: boolean }): Promise<SavedFill[]> {
  return highlightCells(
    context,
    sheetId,
    [...cellsToHighlight(issues)].map(([cell, severity]) => ({ cell, color: HIGHLIGHT[severity] })),
    o,
  );
}

/** Puts every highlighted cell's fill back as it was (no fill stays no fill). One sync. */
export async function clearHighlights(context: ExcelContext, saved: readonly SavedFill[]): Promise<void> {
  if (saved.length === 0) return;
  for (const s of saved) {
    const fill = context.workbook.worksheets.getItem(s.sheetId).getRange(s.cell).format.fill;
    const hadNoFill = s.pattern === null ? s.color.toUpperCase() === NO_FILL_COLOR : s.pattern === 'None';
    if (hadNoFill) fill.clear();
    else fill.color = s.color;
  }
  await context.sync();
}

/** Selects a cell of the checked sheet (clicking a finding in the pane), found by the sheet's id. One sync. */
export async function selectCell(context: ExcelContext, sheetId: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheetId);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
