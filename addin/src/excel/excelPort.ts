import type { ExcelPort } from '../pane/excelPort';
import type { ExcelRunner } from './excelRunner';
import type { ExcelProblem } from './excelProblem';
import { readSheet } from './readSheet';
import { clearHighlights, selectCell } from './highlights';
import { highlightCells } from './highlightCells';
import { writeTallySheet } from './writeTallySheet';
import { insertBlankForm } from './insertBlankForm';
import { sendPageAddress } from '../send/sendPageAddress';

/** Pull on a host without the sets the tally sheet needs: said plainly, with what works instead (the clerk's web page beside the pane). */
function noTallySheet(): ExcelProblem {
  const here = typeof window === 'undefined' ? undefined : window.location.href;
  const page = here ? sendPageAddress(here) : 'send/';
  return {
    code: 'ApiNotFound',
    wayOn: 'none',
    th: `Excel รุ่นนี้สร้างชีตยอดรวมไม่ได้ (ต้องใช้ Excel 2021, Microsoft 365 หรือ Excel บนเว็บ) ดูและดาวน์โหลดยอดรวมได้ที่หน้าเว็บ ${page} ในเบราว์เซอร์ Edge, Chrome หรือ Firefox หรือขอรายงานยอดรวมจากส่วนกลาง`,
    en: `This version of Excel cannot build the totals sheet (it needs Excel 2021, Microsoft 365 or Excel on the web). See and download the totals on the web page ${page} in Edge, Chrome or Firefox, or ask headquarters for the totals workbook.`,
  };
}

/**
 * The pane's Excel port: each call is one batch through the runner, the one place that
 * turns office.js failures into problems. Optional features follow what the host supports.
 */
export function excelPort(runner: ExcelRunner, writeTallies: typeof writeTallySheet = writeTallySheet): ExcelPort {
  const readOptions = { mergedAreas: runner.supports('mergedAreas'), nullObjects: runner.supports('nullObjects') };
  return {
    supports: (feature) => runner.supports(feature),
    readSheet: (sheetId, sink, o = {}) => runner.run((ctx) => readSheet(ctx, { ...readOptions, ...o, sheetId }, sink)),
    highlight: (sheetId, cells) => runner.run((ctx) => highlightCells(ctx, sheetId, cells, { fillPattern: runner.supports('fillPattern') })),
    clearHighlights: (saved) => runner.run((ctx) => clearHighlights(ctx, saved)),
    selectCell: (sheetId, cell) => runner.run((ctx) => selectCell(ctx, sheetId, cell)),
    writeTallies: async (t, c, definitions, o = {}) =>
      runner.supports('tallySheet') ? runner.run((ctx) => writeTallies(ctx, t, c, definitions, { ...o, printSetup: runner.supports('printSetup') })) : { ok: false, problem: noTallySheet() },
    insertBlankForm: (form, units) => runner.run((ctx) => insertBlankForm(ctx, form, { dropdowns: runner.supports('dropdowns'), units })),
  };
}
