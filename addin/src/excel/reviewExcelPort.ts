import type { ReviewExcelPort } from '../pane/reviewExcelPort';
import type { ExcelRunner } from './excelRunner';
import { openStoredReturn } from './openStoredReturn';
import { selectedCells } from './selectedCells';
import { highlightCells } from './highlightCells';
import { clearHighlights, selectCell } from './highlights';

/** The review's Excel port: each call one batch through the pane's runner. */
export function reviewExcelPort(runner: ExcelRunner): ReviewExcelPort {
  return {
    openStoredReturn: (title, layout) => runner.run((ctx) => openStoredReturn(ctx, title, layout)),
    selectedCells: () => runner.run((ctx) => selectedCells(ctx)),
    highlightCells: (sheetId, cells) => runner.run((ctx) => highlightCells(ctx, sheetId, cells, { fillPattern: runner.supports('fillPattern') })),
    clearHighlights: (saved) => runner.run((ctx) => clearHighlights(ctx, saved)),
    selectCell: (sheetId, cell) => runner.run((ctx) => selectCell(ctx, sheetId, cell)),
  };
}
