import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import type { Grid } from '@returns-hub/shared/sheet/grid';
import { createApiClient } from '@returns-hub/shared/api/client';
import type { ExcelPort } from '@returns-hub/addin/pane/excelPort';
import { PaneController, type Flow, type PaneState } from '@returns-hub/addin/pane/paneController';
import { bi, languageFrom } from '@returns-hub/addin/pane/i18n';
import { inlineChecker } from '@returns-hub/addin/check/inlineChecker';
import { fakeExcel, installExcelEnums } from '../support/excelFake/fakeExcel';
import type { FakeSets } from '../support/excelFake/fakeBook';
import { startApi, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import { BUILT_IN, UNITS } from '../support/builtIn';
import { computeReport } from '@returns-hub/shared/report/computeReport';
import { reportByName } from '@returns-hub/shared/report/formReports';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import { a1 } from '@returns-hub/shared/sheet/address';

let api: Api;
beforeAll(async () => {
  installExcelEnums();
  api = await startApi();
}, 60_000);
afterAll(async () => api?.close());

async function gridOf(path: string): Promise<Grid> {
  const r = await readWorkbookFile(sample(path));
  if (!r.ok) throw new Error('unreadable');
  return r.grids.find((g) => g.rows.length > 1)!;
}

const client =
  (f: typeof fetch = fetch) =>
  () =>
    createApiClient({ baseUrl: api.url, key: 'dev-hq', fetch: f, attempts: 1 });

/** A pane over a fake workbook holding one sample sheet, on the local API. */
async function paneOn(path: string, o: { lang?: 'th' | 'en'; sets?: FakeSets; f?: typeof fetch } = {}) {
  const x = fakeExcel([await gridOf(path)], { sets: o.sets });
  const pane = new PaneController(x.port, client(o.f), o.lang ?? 'th', inlineChecker());
  return { ...x, pane, sheet: x.book.sheets[0].name };
}

/** No flow left in progress, nothing busy: every button usable. */
function settled(s: PaneState) {
  expect(s.busy).toBeNull();
  expect(['reading', 'sending', 'pulling', 'inserting']).not.toContain(s.check.status);
  expect(['reading', 'sending', 'pulling', 'inserting']).not.toContain(s.send.status);
  expect(['reading', 'sending', 'pulling', 'inserting']).not.toContain(s.pull.status);
  expect(['reading', 'sending', 'pulling', 'inserting']).not.toContain(s.insert.status);
}

const PLAN_Q = { form: 'bma-community-plan-return', fy: 2563, period: 'FY', by: 'zone' } as const;

describe('the task pane flows', () => {
  test('the language follows Office: th-TH → Thai, others → English', () => {
    expect([languageFrom('th-TH'), languageFrom('en-US'), languageFrom(undefined)]).toEqual(['th', 'en', 'en']);
  });

  test('check lists findings by severity and colours them; send is refused while errors remain; clearing restores', async () => {
    const { pane, book, sheet } = await paneOn('community-plan/errors/1017-huai-khwang.xlsx');
    const seen: string[] = [];
    pane.subscribe((s) => seen.push(s.check.status));
    await pane.check();
    expect(seen).toContain('reading');
    expect(pane.state.check.status).toBe('done');
    expect(pane.state.check.issues.error.map((i) => i.cell.split('!')[1])).toEqual(['C13', 'C15']);
    expect(pane.state.check.issues.warning.map((i) => i.cell.split('!')[1])).toEqual(['C12']);
    expect([book.fillAt(sheet, 'C13').color, book.fillAt(sheet, 'C12').color]).toEqual(['#FFC7CE', '#FFEB9C']);
    expect(pane.state.check.outcome).toMatchObject({ tone: 'error', text: { th: expect.stringContaining('พบข้อผิดพลาด 2 รายการ') } });
    expect(pane.state.check.returns[0]).toMatchObject({ unit: { th: expect.stringContaining('ห้วยขวาง') }, period: { th: 'ทั้งปี 2563' } });
    await pane.send();
    expect(pane.state.send.status).toBe('refused');
    await pane.clearHighlights();
    expect(pane.state.check.highlighted).toEqual([]);
    expect(book.fillAt(sheet, 'C13').pattern).toBe('None');
    settled(pane.state);
  });

  test('the first check of a year reads the sheet once: the checker checks that read again with the year’s forms from the API', async () => {
    const x = fakeExcel([await gridOf('community-plan/districts/1030.xlsx')]);
    const checker = inlineChecker();
    const calls = { reads: 0, again: 0 };
    const [read, again] = [x.port.readSheet.bind(x.port), checker.again.bind(checker)];
    x.port.readSheet = (...a) => (calls.reads++, read(...a));
    checker.again = (...a) => (calls.again++, again(...a));
    const pane = new PaneController(x.port, client(), 'th', checker);
    await pane.check();
    expect(pane.state.check.status).toBe('done');
    expect(pane.state.check.returns[0]).toMatchObject({ period: { th: 'ทั้งปี 2563' } });
    expect(calls).toEqual({ reads: 1, again: 1 });
    // The year's forms are the checker's now: the next check is one read and one check.
    await pane.check();
    expect(calls).toEqual({ reads: 2, again: 1 });
    settled(pane.state);
  });

  test('send shows the receipt; sending again is a new version that says what changed', async () => {
    const { pane } = await paneOn('community-plan/districts/1030.xlsx', { lang: 'en' });
    await pane.check();
    await pane.send();
    expect(pane.state.send.status).toBe('sent');
    expect(pane.state.send.receipts[0]).toMatchObject({ orgUnit: '1030', version: 1 });

    const edited = await gridOf('community-plan/districts/1030.xlsx');
    edited.rows[19][1] = { value: 'นายสมศักดิ์ รักงาน' }; // B20: a new reporter
    const other = fakeExcel([edited]);
    const pane2 = new PaneController(other.port, client(), 'en', inlineChecker());
    await pane2.check();
    await pane2.send();
    expect(pane2.state.send.receipts[0]).toMatchObject({ version: 2, previousVersion: 1 });
    expect(pane2.state.send.receipts[0].changes).toEqual([{ field: 'reporter', from: expect.any(String), to: 'นายสมศักดิ์ รักงาน' }]);
  });

  test('an edit after a clean check: Send re-reads, says what changed, and the next Send sends the edited values', async () => {
    const { pane, book, sheet } = await paneOn('community-plan/districts/1032.xlsx');
    await pane.check();
    expect(pane.state.check.issues.error).toEqual([]);
    const before = book.syncs;
    // The clerk records a disbursement after Check: disbursed 0 → 10,000, balance 48,470 → 38,470.
    book.type(sheet, 'C14', 10000);
    book.type(sheet, 'C16', 38470);
    await pane.send();
    expect(book.syncs - before).toBe(2); // the used range, then its cells in one chunk
    expect(pane.state.send).toMatchObject({ status: 'changed', changedCells: ['C14', 'C16'], outcome: { text: { th: expect.stringContaining('C14, C16') } } });
    expect(pane.state.send.receipts).toEqual([]);
    await pane.send();
    expect(pane.state.send.status).toBe('sent');
    const stored = await api.client().getReturn({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', orgUnit: '1032' });
    expect(stored).toMatchObject({ version: 1, fields: { budget_disbursed: 10000, budget_balance: 38470 } });
  });

  test('an edit after check that makes an error: nothing is sent, the new findings are shown', async () => {
    const { pane, book, sheet } = await paneOn('community-plan/districts/1033.xlsx', { lang: 'en' });
    await pane.check();
    book.type(sheet, 'C16', 'lots');
    await pane.send();
    expect(pane.state.send.status).toBe('refused');
    expect(pane.state.send.outcome?.text.en).toMatch(/changed after it was checked \(C16\).*Nothing was sent/);
    expect(pane.state.check.issues.error.map((i) => i.cell.split('!')[1])).toContain('C16');
    expect(book.fillAt(sheet, 'C16').color).toBe('#FFC7CE');
  });

  test('a sheet renamed after check: the pane follows it by id (select, send)', async () => {
    const { pane, book, sheet } = await paneOn('community-plan/districts/1034.xlsx');
    await pane.check();
    book.rename(sheet, 'ส่งเขต 1034');
    book.addSheet('อื่น');
    book.activate('อื่น');
    await pane.selectIssue({ severity: 'info', code: 'x', cell: `'${sheet}'!C16`, message_th: '', message_en: '' });
    expect(book.activeSheet.name).toBe('ส่งเขต 1034');
    expect(pane.state.check.actionProblem).toBeUndefined();
    await pane.send();
    expect(pane.state.send.status).toBe('sent');
    expect(pane.state.check.sheet).toBe('ส่งเขต 1034');
  });

  test('a sheet deleted after check: Send says to check again, and nothing is sent', async () => {
    const { pane, book, sheet } = await paneOn('community-plan/districts/1035.xlsx');
    await pane.check();
    book.addSheet('อื่น');
    book.remove(sheet);
    await pane.send();
    expect(pane.state.send.status).toBe('failed');
    expect(pane.state.send.outcome?.text.th).toContain('ไม่พบชีตที่ตรวจสอบไว้');
    expect(pane.state.check.status).toBe('idle');
    settled(pane.state);
  });

  test('a dropped connection: clear message, retry, and no duplicate version', async () => {
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
    const { pane } = await paneOn('community-plan/districts/1031.xlsx', { f: flaky });
    await pane.check();
    await pane.send();
    expect(pane.state.send).toMatchObject({ status: 'offline', outcome: { text: bi('offline'), retry: true } });
    await pane.send(); // the user presses Retry
    expect(pane.state.send.status).toBe('sent');
    expect(pane.state.send.receipts[0]).toMatchObject({ version: 1, replayed: true });
  });

  describe.each([
    ['cell-edit mode', 'InvalidOperationInCellEditMode', 'กำลังแก้ไขเซลล์', 'a cell is being edited'],
    ['a protected sheet', 'AccessDenied', 'ถูกป้องกัน', 'protected'],
  ] as const)('%s during each flow ends in a bilingual message and a working pane', (_name, code, th, en) => {
    /**
     * Makes Excel refuse, on Excel without delayForCellEdit: cell-edit mode outlasts the
     * runner's retries (the first try and three more); protection stays until lifted.
     */
    function refuse(x: Awaited<ReturnType<typeof paneOn>>) {
      if (code === 'InvalidOperationInCellEditMode') x.book.failNextSync(code, 4);
      else for (const s of x.book.sheets) x.book.protect(s.name);
    }
    function allow(x: Awaited<ReturnType<typeof paneOn>>) {
      for (const s of x.book.sheets) x.book.protect(s.name, false);
    }
    const failed = { retry: true, text: { th: expect.stringContaining(th), en: expect.stringContaining(en) } };

    test('check', async () => {
      const x = await paneOn('community-plan/errors/1017-huai-khwang.xlsx');
      refuse(x);
      await x.pane.check();
      settled(x.pane.state);
      if (code === 'AccessDenied') {
        // Reading a protected sheet works: the findings are listed, the note says why the cells are not coloured.
        expect(x.pane.state.check.status).toBe('done');
        expect(x.pane.state.check.issues.error).toHaveLength(2);
        expect(x.pane.state.check.notes.map((n) => n.th).join(' ')).toContain(th);
      } else expect(x.pane.state.check).toMatchObject({ status: 'failed', outcome: { tone: 'error', ...failed } });
      allow(x);
      await x.pane.check();
      expect(x.pane.state.check.status).toBe('done');
      expect(x.pane.state.check.highlighted).toHaveLength(3);
    });

    test('send', async () => {
      const x = await paneOn('community-plan/districts/1036.xlsx');
      await x.pane.check();
      x.book.failNextSync(code, code === 'AccessDenied' ? 1 : 4); // the re-read at the moment of sending is refused
      await x.pane.send();
      settled(x.pane.state);
      expect(x.pane.state.send).toMatchObject({ status: 'failed', outcome: failed });
      await x.pane.send(); // Retry
      expect(x.pane.state.send.status).toBe('sent');
    });

    test('pull', async () => {
      const x = await paneOn('community-plan/districts/1036.xlsx');
      await x.pane.pull(PLAN_Q);
      expect(x.pane.state.pull.status).toBe('done');
      refuse(x);
      await x.pane.pull(); // Refresh onto the same, now refused, sheet
      settled(x.pane.state);
      expect(x.pane.state.pull).toMatchObject({ status: 'failed', outcome: failed });
      allow(x);
      await x.pane.pull();
      expect(x.pane.state.pull.status).toBe('done');
    });
  });

  test('a protected sheet does not stop Send: nothing is written to it', async () => {
    const x = await paneOn('community-plan/districts/1037.xlsx');
    await x.pane.check();
    x.book.protect(x.sheet);
    await x.pane.send();
    expect(x.pane.state.send.status).toBe('sent');
  });

  test('Excel 2021 and later hold a call while a cell is edited: the pane says what it waits for, and goes on when the clerk leaves the cell', async () => {
    const x = fakeExcel([await gridOf('community-plan/districts/1038.xlsx')]);
    const pane = new PaneController(x.port, client(), 'th', inlineChecker(), { slowMs: 5 });
    x.book.enterCellEdit();
    const checking = pane.check();
    await new Promise((r) => setTimeout(r, 30));
    expect(pane.state.check).toMatchObject({ status: 'reading', outcome: { tone: 'info', text: bi('excelWaiting') } });
    x.book.leaveCellEdit();
    await checking;
    expect(pane.state.check.status).toBe('done');
    expect(x.book.used.has('RunOptions.delayForCellEdit')).toBe(true);
  });

  test('cell-edit mode for a moment: the runner waits and retries, and the clerk sees no error', async () => {
    const x = await paneOn('community-plan/districts/1036.xlsx');
    x.book.failNextSync('InvalidOperationInCellEditMode');
    await x.pane.check();
    expect(x.pane.state.check.status).toBe('done');
  });

  test('an Excel layer that throws (a bug) still leaves the pane settled, with a message', async () => {
    const x = await paneOn('community-plan/districts/1036.xlsx');
    const broken: ExcelPort = { ...x.port, readSheet: () => Promise.reject(new Error('bug')) };
    const pane = new PaneController(broken, client(), 'en', inlineChecker());
    const flows: [Flow, () => Promise<void>][] = [['check', () => pane.check()]];
    for (const [, run] of flows) await run();
    settled(pane.state);
    expect(pane.state.check).toMatchObject({ status: 'failed', outcome: { retry: true, text: { en: expect.stringContaining('unexpected') } } });
  });

  test('pull writes the tally sheet and says what it holds; refresh writes it again in place', async () => {
    const { pane, book } = await paneOn('community-plan/districts/1030.xlsx');
    await pane.pull(PLAN_Q);
    expect(pane.state.pull).toMatchObject({ status: 'done', summary: { grouping: { th: 'กลุ่มเขต' }, period: { th: 'ทั้งปี 2563' } } });
    const sheets = book.sheets.length;
    await pane.pull();
    expect(pane.state.pull.status).toBe('done');
    expect(book.sheets).toHaveLength(sheets);
  });

  test('pull counting accepted returns only asks the API for them (as returns pull --include accepted) and says so', async () => {
    const urls: string[] = [];
    const spy: typeof fetch = (u, i) => (urls.push(String(u)), fetch(u, i));
    const { pane } = await paneOn('community-plan/districts/1030.xlsx', { f: spy });
    await pane.pull({ ...PLAN_Q, include: 'accepted' });
    expect(pane.state.pull).toMatchObject({ status: 'done', summary: { include: { th: 'เฉพาะฉบับที่ตรวจรับแล้ว', en: 'Accepted returns only' } } });
    expect(urls.filter((u) => u.includes('/api/tallies')).every((u) => u.includes('include=accepted'))).toBe(true);
    await pane.pull({ ...PLAN_Q });
    expect(pane.state.pull.summary!.include.en).toBe('Every return sent');
    expect(urls.filter((u) => u.includes('/api/tallies')).pop()).toContain('include=all');
  });

  test('pull by district: the table closes with the total row (HQ’s figures), as the CLI writes it; read back from the sheet', async () => {
    const { pane, book } = await paneOn('community-plan/districts/1030.xlsx');
    await pane.pull({ ...PLAN_Q, by: 'district' });
    expect(pane.state.pull.status).toBe('done');
    const name = pane.state.pull.summary!.sheet;
    const q = { form: PLAN_Q.form, fy: 2563, period: 'FY' };
    const [district, hq] = [await api.client().tallies({ ...q, by: 'district' }), await api.client().tallies({ ...q, by: 'hq' })];
    const layout = reportByName(BUILT_IN.formById(q.form)!, 'districts-by-indicator');
    if (isReportProblem(layout)) throw new Error(layout.message_en);
    const report = computeReport(
      layout,
      { form: BUILT_IN.formById(q.form)!, units: UNITS, tallies: { district, hq }, completeness: await api.client().completeness(q), generatedAt: new Date() },
      'district',
    );
    if (isReportProblem(report)) throw new Error(report.message_en);
    const table = report.tables[0];
    expect(table.keys[table.keys.length - 1]).toBe('total:BMA');
    const totalRow = table.body.bottom;
    const want = report.cells.filter((c) => c.row === totalRow && c.value !== '').map((c) => [a1(c.row, c.col), c.value]);
    expect(want.length).toBeGreaterThan(2);
    for (const [cell, value] of want) expect([cell, book.valueAt(name, String(cell))]).toEqual([cell, value]);
  });

  test('pull in a chosen layout: the layout’s sheet, its own grouping; no total fetched for HQ rows', async () => {
    const { pane, book } = await paneOn('community-plan/districts/1030.xlsx', { lang: 'en' });
    await pane.pull({ ...PLAN_Q, by: 'hq', layout: 'indicators' });
    expect(pane.state.pull.status).toBe('done');
    expect(pane.state.pull.summary!.sheet).toBe('ตัวชี้วัด ทั้งปี 2563');
    expect(book.sheet('ตัวชี้วัด ทั้งปี 2563')).toBeDefined();
    await pane.pull({ ...PLAN_Q, by: 'district', layout: 'no-such-layout' });
    expect(pane.state.pull).toMatchObject({ status: 'failed', outcome: { text: { th: expect.stringMatching(/[\u0E00-\u0E7F]/) } } });
    settled(pane.state);
  });

  test('pull on Excel 2016 (ExcelApi 1.1): says it needs a newer Excel, and what to use instead', async () => {
    const { pane, book } = await paneOn('community-plan/districts/1030.xlsx', { sets: { ExcelApi: '1.1' } });
    await pane.pull(PLAN_Q);
    expect(pane.state.pull).toMatchObject({ status: 'failed', outcome: { retry: false, text: { th: expect.stringContaining('Excel 2021') } } });
    expect(book.sheets).toHaveLength(1);
  });

  test('check on Excel 2016: the findings, with a note that merged cells are not known', async () => {
    const { pane } = await paneOn('community-plan/errors/1017-huai-khwang.xlsx', { sets: { ExcelApi: '1.1' } });
    await pane.check();
    expect(pane.state.check.issues.error).toHaveLength(2);
    expect(pane.state.check.notes).toEqual([bi('mergesUnknown')]);
  });

  test('insert blank form: unique names, a visible confirmation, the new sheet activated', async () => {
    const { pane, book } = await paneOn('community-plan/districts/1030.xlsx');
    await pane.insertBlankForm('bma-community-plan-return');
    const first = pane.state.insert.sheet!;
    expect(pane.state.insert.outcome).toMatchObject({ tone: 'success', text: { th: expect.stringContaining(`“${first}”`) } });
    await pane.insertBlankForm('bma-community-plan-return'); // again, the same minute
    const second = pane.state.insert.sheet!;
    expect(second).not.toBe(first);
    expect(book.activeSheet.name).toBe(second);
    await pane.insertBlankForm('no-such-form');
    expect(pane.state.insert.status).toBe('failed');
    settled(pane.state);
  });

  test('an unknown form on pull is a message in the clerk’s language, not a crash', async () => {
    const { pane } = await paneOn('community-plan/districts/1030.xlsx', { lang: 'en' });
    await pane.pull({ form: 'no-such-form', fy: 2563, period: 'FY', by: 'hq' });
    expect(pane.state.pull).toMatchObject({ status: 'failed' });
    expect(pane.state.pull.outcome?.text.en).toContain('no-such-form');
    expect(pane.state.pull.outcome?.text.th).not.toMatch(/[A-Za-z]{3}/);
  });

  test('Totals of a period no unit has sent yet: said so, and no sheet written (no report of 50 reds)', async () => {
    const { pane, book } = await paneOn('community-plan/districts/1030.xlsx');
    const sheets = book.sheets.length;
    await pane.pull({ form: 'bma-community-plan-return', fy: 2570, period: 'FY', by: 'district' });
    expect(pane.state.pull).toMatchObject({ status: 'failed', outcome: { tone: 'warning', text: { th: expect.stringContaining('ยังไม่มีหน่วยงานใดส่งแบบรายงานงวดทั้งปี 2570') } } });
    expect(book.sheets).toHaveLength(sheets);
    settled(pane.state);
  });

  test('Totals and Review open on the latest period with returns: today (FY 2570, empty) gives way to the samples’ FY 2563', async () => {
    const { pane } = await paneOn('community-plan/districts/1039.xlsx');
    await pane.check();
    await pane.send();
    const today = new Date('2026-12-07T03:00:00Z');
    expect(await pane.periods.latest(BUILT_IN.formById('bma-community-plan-return')!, today)).toEqual({ fy: 2563, period: 'FY' });
    expect(await pane.periods.latest(BUILT_IN.formById('welfare-fund-tally')!, today)).toBeNull(); // nothing sent: the pane keeps the latest period that has ended
  });

  test('a tally sheet the clerk renamed is refreshed where it is, under its new name: none left stale beside a new one', async () => {
    const { pane, book } = await paneOn('community-plan/districts/1030.xlsx');
    await pane.pull(PLAN_Q);
    const first = pane.state.pull.summary!.sheet;
    const sheets = book.sheets.length;
    book.rename(first, 'ยอดรวม ส่งผู้อำนวยการ');
    book.type('ยอดรวม ส่งผู้อำนวยการ', 'A1', 'แก้เอง'); // stale content the refresh must replace
    await pane.pull();
    expect(book.sheets).toHaveLength(sheets);
    expect(pane.state.pull.summary!.sheet).toBe('ยอดรวม ส่งผู้อำนวยการ');
    expect(pane.state.pull.outcome?.text.th).toContain('“ยอดรวม ส่งผู้อำนวยการ”');
    expect(book.valueAt('ยอดรวม ส่งผู้อำนวยการ', 'A1')).not.toBe('แก้เอง');
  });
});
