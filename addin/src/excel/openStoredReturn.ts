import { a1 } from '@returns-hub/shared/sheet/address';
import type { OpenedLayout, MarkKind } from '../pane/reviewSheetLayout';
import type { ExcelContext } from './excelApi';
import { uniqueSheetName } from './sheetNames';

/** The colours of the opened sheet: the checker's warning yellow, and a blue of its own for reviewers' comments. */
export const MARK_COLOURS: Record<MarkKind, string> = { warning: '#FFEB9C', comment: '#BDD7EE' };

/**
 * Writes a stored return into a new sheet, laid out as its form's blank layout, with its
 * findings and comments coloured, and activates it: the reviewer sees what the unit sent.
 * Two syncs: the sheet names, then everything else.
 */
export async function openStoredReturn(context: ExcelContext, title: string, layout: OpenedLayout): Promise<{ sheet: string; sheetId: string }> {
  const sheets = context.workbook.worksheets;
  sheets.load(['items/name']);
  await context.sync();
  const name = uniqueSheetName(
    title,
    sheets.items.map((s) => s.name),
  );
  const ws = sheets.add(name);
  const width = Math.max(1, ...layout.rows.map((r) => r.length));
  const values = layout.rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  ws.getRange(`A1:${a1(values.length - 1, width - 1)}`).values = values;
  for (const row of layout.boldRows) ws.getRange(`${a1(row, 0)}:${a1(row, width - 1)}`).format.font.bold = true;
  for (const m of layout.marks) ws.getRange(m.cell).format.fill.color = MARK_COLOURS[m.kind];
  ws.activate();
  ws.load(['id', 'name']);
  await context.sync();
  return { sheet: ws.name, sheetId: ws.id };
}
