import type { ExcelPort } from '../pane/excelPort';
import type { ExcelRunner } from './excelRunner';
import type { ExcelProblem } from './excelProblem';
import { readSheet } from './readSheet';
import { clearHighlights, highlightIssues, selectCell } from './highlights';
import { writeTallySheet } from './writeTallySheet';
import { insertBlankForm } from './insertBlankForm';

/** Pull on a host without the sets the tally sheet needs: said plainly, with what works instead. */
const NO_TALLY_SHEET: ExcelProblem = {
  code: 'ApiNotFound',
  wayOn: 'none',
  th: 'Excel รุ่นนี้สร้างชีตยอดรวมไม่ได้ (ต้องใช้ Excel 2021, Microsoft 365 หรือ Excel บนเว็บ) ขอรายงานยอดรวมจากส่วนกลาง หรือใช้คำสั่ง returns pull แทน',
  en: 'This version of Excel cannot build the totals sheet (it needs Excel 2021, Microsoft 365 or Excel on the web). Ask headquarters for the totals workbook, or use the returns pull command.',
};

/**
 * The pane's Excel port: each call is one batch through the runner, the one place that
 * turns office.js failures into problems. Optional features follow what the host supports.
 */
export function excelPort(runner: ExcelRunner, writeTallies: typeof writeTallySheet = writeTallySheet): ExcelPort {
  const readOptions = { mergedAreas: runner.supports('mergedAreas'), nullObjects: runner.supports('nullObjects') };
  return {
    supports: (feature) => runner.supports(feature),
    readSheet: (sheetId) => runner.run((ctx) => readSheet(ctx, { ...readOptions, sheetId })),
    highlight: (sheetId, issues) => runner.run((ctx) => highlightIssues(ctx, sheetId, issues, { fillPattern: runner.supports('fillPattern') })),
    clearHighlights: (saved) => runner.run((ctx) => clearHighlights(ctx, saved)),
    selectCell: (sheetId, cell) => runner.run((ctx) => selectCell(ctx, sheetId, cell)),
    writeTallies: async (t, c, definitions, o = {}) =>
      runner.supports('tallySheet') ? runner.run((ctx) => writeTallies(ctx, t, c, definitions, { ...o, printSetup: runner.supports('printSetup') })) : { ok: false, problem: NO_TALLY_SHEET },
    insertBlankForm: (form, units) => runner.run((ctx) => insertBlankForm(ctx, form, { dropdowns: runner.supports('dropdowns'), units })),
  };
}
