/* eslint-disable @typescript-eslint/no-explicit-any -- office.js stand-in: to be replaced by one typed office.js fake (issue 11) */
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import type { Grid } from '@returns-hub/shared/sheet/grid';
import { createApiClient } from '@returns-hub/shared/api/client';
import { readActiveSheet } from '@returns-hub/addin/excel/readActiveSheet';
import { clearHighlights, highlightIssues, selectCell } from '@returns-hub/addin/excel/highlights';
import { writeTallySheet } from '@returns-hub/addin/excel/writeTallySheet';
import { insertBlankForm } from '@returns-hub/addin/excel/insertBlankForm';
import type { ExcelPort } from '@returns-hub/addin/pane/excelPort';
import { PaneController } from '@returns-hub/addin/pane/paneController';
import { languageFrom, t } from '@returns-hub/addin/pane/i18n';
import { installExcelEnums, mockWorkbook } from '../support/excelMock';
import { FakeWorkbook } from '../support/officeReportFake';
import { startApi, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

let api: Api;
beforeAll(async () => {
  installExcelEnums();
  api = await startApi();
}, 60_000);
afterAll(async () => api?.close());

/** The pane's Excel port over office-addin-mock: the real Excel layer, one mock workbook. */
function mockPort(grid: Grid) {
  const wb = mockWorkbook({ active: grid });
  const tallies = new FakeWorkbook(); // the report writer's typed office.js fake
  const port: ExcelPort = {
    readActiveSheet: () => readActiveSheet(wb.context),
    highlight: (i) => highlightIssues(wb.context, i),
    clearHighlights: (s) => clearHighlights(wb.context, s),
    selectCell: (a) => selectCell(wb.context, a),
    writeTallies: (tally, c) => writeTallySheet(tallies, tally, c),
    insertBlankForm: (form) => insertBlankForm(wb.context, form),
  };
  return { port, wb, tallies };
}

async function gridOf(path: string): Promise<Grid> {
  const r = await readWorkbookFile(sample(path));
  if (!r.ok) throw new Error('unreadable');
  return r.grids.find((g) => g.rows.length > 1)!;
}

const client =
  (f: typeof fetch = fetch) =>
  () =>
    createApiClient({ baseUrl: api.url, key: 'dev-hq', fetch: f, attempts: 1 });

describe('the task pane flows', () => {
  test('the language follows Office: th-TH → Thai, others → English', () => {
    expect([languageFrom('th-TH'), languageFrom('en-US'), languageFrom(undefined)]).toEqual(['th', 'en', 'en']);
  });

  test('check lists findings by severity and highlights them; send is refused while errors remain', async () => {
    const { port } = mockPort(await gridOf('community-plan/errors/1017-huai-khwang.xlsx'));
    const pane = new PaneController(port, client(), 'th');
    const seen: string[] = [];
    pane.subscribe((s) => seen.push(s.check.status));
    await pane.check();
    expect(seen).toEqual(['reading', 'done']);
    expect(pane.state.check.issues.error.map((i) => i.cell.split('!')[1])).toEqual(['C13', 'C15']);
    expect(pane.state.check.issues.warning.map((i) => i.cell.split('!')[1])).toEqual(['C12']);
    expect(pane.state.check.highlighted.map((h) => h.cell).sort()).toEqual(['C12', 'C13', 'C15']);
    expect(pane.state.check.message).toBe(t('th', 'fixFirst'));
    await pane.send();
    expect(pane.state.send.status).toBe('refused');
    await pane.clearHighlights();
    expect(pane.state.check.highlighted).toEqual([]);
  });

  test('send shows the receipt; sending again is a new version that says what changed', async () => {
    const { port } = mockPort(await gridOf('community-plan/districts/1030.xlsx'));
    const pane = new PaneController(port, client(), 'en');
    await pane.check();
    await pane.send();
    expect(pane.state.send.status).toBe('sent');
    expect(pane.state.send.receipts[0]).toMatchObject({ orgUnit: '1030', version: 1 });

    const edited = await gridOf('community-plan/districts/1030.xlsx');
    edited.rows[19][1] = { value: 'นายสมศักดิ์ รักงาน' }; // B20: a new reporter
    const other = mockPort(edited);
    const pane2 = new PaneController(other.port, client(), 'en');
    await pane2.check();
    await pane2.send();
    expect(pane2.state.send.receipts[0]).toMatchObject({ version: 2, previousVersion: 1 });
    expect(pane2.state.send.receipts[0].changes).toEqual([{ field: 'reporter', from: expect.any(String), to: 'นายสมศักดิ์ รักงาน' }]);
  });

  test('a dropped connection: clear message, retry, and no duplicate version', async () => {
    const { port } = mockPort(await gridOf('community-plan/districts/1031.xlsx'));
    let drop = true;
    // The request reaches the server and is stored, but the answer is lost on the way back.
    const flaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (drop) {
        drop = false;
        throw new TypeError('fetch failed');
      }
      return res;
    };
    const pane = new PaneController(port, client(flaky), 'th');
    await pane.check();
    await pane.send();
    expect(pane.state.send.status).toBe('offline');
    expect(pane.state.send.message).toBe(t('th', 'offline'));
    await pane.send(); // the user presses Retry
    expect(pane.state.send.status).toBe('sent');
    expect(pane.state.send.receipts[0]).toMatchObject({ version: 1, replayed: true });
  });

  test('pull writes the tally sheet, and refresh writes it again in place', async () => {
    const { port, tallies } = mockPort(await gridOf('community-plan/districts/1030.xlsx'));
    const pane = new PaneController(port, client(), 'th');
    await pane.pull({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', by: 'zone' });
    expect(pane.state.pull.status).toBe('done');
    expect([...tallies.sheets.keys()]).toHaveLength(1);
    await pane.pull(); // Refresh: the last query again
    expect(pane.state.pull.status).toBe('done');
  });

  test('insert blank form: a new sheet of the form, with org-unit and yes/no dropdowns, in two syncs', async () => {
    const { port, wb } = mockPort(await gridOf('community-plan/districts/1030.xlsx'));
    const pane = new PaneController(port, client(), 'th');
    const before = wb.rec.syncs;
    const sheet = await pane.insertBlankForm('bma-community-plan-return');
    expect(wb.rec.syncs - before).toBe(2);
    expect(wb.rec.added).toEqual(['รายชื่อหน่วยงาน', sheet]);
    const ws = (wb.context.workbook.worksheets as any).byName(sheet);
    const rules = [...wb.rec.ranges.entries()]
      .filter(([k]) => k.startsWith(`${sheet}|`))
      .map(([, r]) => r.dataValidation.rule)
      .filter((r) => typeof r === 'object');
    expect(rules.map((r: any) => r.list.source)).toEqual(["='รายชื่อหน่วยงาน'!$A$1:$A$50", 'ใช่,ไม่ใช่']);
    expect(ws.getRangeByIndexes(0, 0, 1, 1)).toBeDefined();
    expect(await pane.insertBlankForm('no-such-form')).toBeNull();
  });

  test('an unknown form on pull is a message, not a crash', async () => {
    const { port } = mockPort(await gridOf('community-plan/districts/1030.xlsx'));
    const pane = new PaneController(port, client(), 'en');
    await pane.pull({ form: 'no-such-form', fy: 2563, period: 'FY', by: 'hq' });
    expect(pane.state.pull).toMatchObject({ status: 'failed' });
    expect(pane.state.pull.message).toContain('no-such-form');
  });
});
