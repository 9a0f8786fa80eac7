import type { ExcelPort } from '../pane/excelPort';
import { readActiveSheet } from './readActiveSheet';
import { clearHighlights, highlightIssues, selectCell } from './highlights';
import { writeTallySheet } from './writeTallySheet';
import { insertBlankForm } from './insertBlankForm';

/** The ExcelPort over office.js: each call is one Excel.run batch. */
export function officeExcelPort(): ExcelPort {
  return {
    readActiveSheet: () => Excel.run((ctx) => readActiveSheet(ctx)),
    highlight: (issues) => Excel.run((ctx) => highlightIssues(ctx, issues)),
    clearHighlights: (saved) => Excel.run((ctx) => clearHighlights(ctx, saved)),
    selectCell: (address) => Excel.run((ctx) => selectCell(ctx, address)),
    writeTallies: (t, c) => Excel.run((ctx) => writeTallySheet(ctx, t, c)),
    insertBlankForm: (form) => Excel.run((ctx) => insertBlankForm(ctx, form)),
  };
}
