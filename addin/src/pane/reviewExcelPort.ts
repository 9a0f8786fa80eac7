import type { SavedFill } from '../excel/highlights';
import type { ExcelOutcome } from '../excel/excelRunner';
import type { OpenedLayout } from './reviewSheetLayout';

/** What the review needs from Excel, beside the pane's port: each call answers with a value or a problem. */
export interface ReviewExcelPort {
  /** A new sheet holding a stored return (named from `title`, made unique), activated. */
  openStoredReturn(title: string, layout: OpenedLayout): Promise<ExcelOutcome<{ sheet: string; sheetId: string }>>;
  /** The selected cells and the sheet they are on. */
  selectedCells(): Promise<ExcelOutcome<{ sheetId: string; cells: string[] }>>;
  highlightCells(sheetId: string, cells: readonly { cell: string; color: string }[]): Promise<ExcelOutcome<SavedFill[]>>;
  clearHighlights(saved: readonly SavedFill[]): Promise<ExcelOutcome<void>>;
  selectCell(sheetId: string, cell: string): Promise<ExcelOutcome<void>>;
}
