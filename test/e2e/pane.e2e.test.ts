import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import type { Grid } from '@returns-hub/shared/sheet/grid';
import { BUILT_IN, UNITS } from '../support/builtIn';
import { computeReport } from '@returns-hub/shared/report/computeReport';
import { defaultLayoutFor } from '@returns-hub/shared/report/formReports';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import { a1 } from '@returns-hub/shared/sheet/address';
import { t, type Lang } from '@returns-hub/addin/pane/i18n';
import { type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import { ALL_SETS, type FakeSets } from '../support/excelFake/fakeBook';
import type { FakeErrorCode } from '../support/excelFake/richApiError';
import type { FakeOfficeConfig, FakeOfficeWindow } from './officeInBrowser';
import { ARTIFACTS, button, eventually, openPaneIn, type Rig, servePaneBuild, startRig } from './paneHarness';

/** The width the pane is tried at (Excel's default task pane is about 350 px), and the narrowest Office allows. */
const WIDTH = 350;
const NARROWEST = 320;
/** A fixed clock: the pane's period choices default to FY 2563, the samples' year. */
const NOW = new Date('2020-06-15T03:00:00Z');

let rig: Rig;
let api: Api;
let pane: Awaited<ReturnType<typeof servePaneBuild>>;
let browser: Browser;
let officeFake: string;

beforeAll(async () => {
  ({ pane, api, officeFake, browser } = rig = await startRig());
}, 180_000);
afterAll(async () => rig?.close());

async function gridsOf(path: string): Promise<Grid[]> {
  const read = await readWorkbookFile(sample(path));
  if (!read.ok) throw new Error(`sample unreadable: ${path}`);
  return read.grids.filter((g) => g.rows.length > 1);
}

/** Opens the built pane at 350 px on the office.js fake holding a sample's sheets; only loopback traffic is allowed. */
async function openPane(o: { path: string; lang: Lang; sets?: FakeSets; url?: string; apiKey?: string }): Promise<Page> {
  const config: FakeOfficeConfig = { grids: await gridsOf(o.path), sets: o.sets ?? ALL_SETS, displayLanguage: o.lang === 'th' ? 'th-TH' : 'en-US' };
  const page = await openPaneIn(browser, officeFake, { url: o.url ?? pane.url, config, apiUrl: api.url, apiKey: o.apiKey ?? 'dev-hq', width: WIDTH, now: NOW });
  await page.getByRole('tab', { name: t(o.lang, 'checkTab') }).waitFor();
  return page;
}

// ——— the workbook behind the page ———
const bookDo = {
  type: (page: Page, sheet: string, cell: string, value: string | number) => page.evaluate((a) => (window as FakeOfficeWindow).__BOOK__!.type(a.sheet, a.cell, a.value), { sheet, cell, value }),
  fail: (page: Page, code: FakeErrorCode, times = 1) => page.evaluate((a) => (window as FakeOfficeWindow).__BOOK__!.failNextSync(a.code, a.times), { code, times }),
  protect: (page: Page, sheet: string, on = true) => page.evaluate((a) => (window as FakeOfficeWindow).__BOOK__!.protect(a.sheet, a.on), { sheet, on }),
  rename: (page: Page, from: string, to: string) => page.evaluate((a) => (window as FakeOfficeWindow).__BOOK__!.rename(a.from, a.to), { from, to }),
  addSheet: (page: Page, name: string) => page.evaluate((n) => void (window as FakeOfficeWindow).__BOOK__!.addSheet(n), name),
  activate: (page: Page, name: string) => page.evaluate((n) => (window as FakeOfficeWindow).__BOOK__!.activate(n), name),
  sheet: (page: Page, name: string) => page.evaluate((n) => (window as FakeOfficeWindow).__BOOK__!.describe(n), name),
  names: (page: Page) => page.evaluate(() => (window as FakeOfficeWindow).__BOOK__!.sheets.map((s) => s.name)),
  active: (page: Page) => page.evaluate(() => (window as FakeOfficeWindow).__BOOK__!.activeSheet.name),
  selection: (page: Page) => page.evaluate(() => (window as FakeOfficeWindow).__BOOK__!.selection),
};

/** No sideways scrolling: the page is no wider than the pane. */
async function expectNoSideScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** A screenshot of the state at 350 px, and the same state checked at 320 px for sideways scrolling. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(150); // let Fluent's transitions settle
  await expectNoSideScroll(page);
  await page.screenshot({ path: resolve(ARTIFACTS, `e2e-${name}.png`), fullPage: true });
  await page.setViewportSize({ width: NARROWEST, height: 800 });
  await expectNoSideScroll(page);
  await page.setViewportSize({ width: WIDTH, height: 800 });
}

const tab = (page: Page, lang: Lang, key: Parameters<typeof t>[1]) => page.getByRole('tab', { name: t(lang, key) }).click();
/** Picks a title in one of the pane's Fluent dropdowns (forms, layouts). */
async function choose(page: Page, label: string, title: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('listbox').getByRole('option', { name: title, exact: true }).click();
}

describe.each(['th', 'en'] as const)('the task pane in Chromium at 350 px (%s)', (lang) => {
  const L = (k: Parameters<typeof t>[1]) => t(lang, k);
  const sheet = 'แบบรายงาน 1';

  test('first screen: one sentence says what to do; check → findings → highlights; a click selects the cell', async () => {
    const page = await openPane({ path: 'community-plan/errors/1017-huai-khwang.xlsx', lang });
    await page.getByText(L('firstStep')).waitFor();
    await shot(page, `${lang}-1-start`);
    await button(page, L('check')).click();
    await page.getByText(`${L('errors')} (2)`).waitFor();
    await page.getByText(`${L('warnings')} (1)`).waitFor();
    const fills = (await bookDo.sheet(page, sheet)).fills;
    expect([fills.C13, fills.C15, fills.C12]).toEqual(['#FFC7CE', '#FFC7CE', '#FFEB9C']);
    await page
      .getByTestId('return-summary')
      .getByText(lang === 'th' ? 'ทั้งปี 2563' : 'FY2563')
      .waitFor();
    await page.locator('[data-cell$="!C13"]').click();
    await eventually(async () => (await bookDo.selection(page))?.cell, 'C13');
    await shot(page, `${lang}-2-check-findings`);
    await page.close();
  }, 60_000);

  test('an edit after Check: Send says what changed, then sends the edited values', async () => {
    const unit = lang === 'th' ? '1040' : '1041';
    const page = await openPane({ path: `community-plan/districts/${unit}.xlsx`, lang });
    await button(page, L('check')).click();
    await page.getByText(L('clean')).waitFor();
    const received = Number((await bookDo.sheet(page, sheet)).values.C13);
    await bookDo.type(page, sheet, 'C15', 1000); // the clerk records 1,000 baht returned, after the check
    await bookDo.type(page, sheet, 'C16', received - 1000);
    await tab(page, lang, 'sendTab');
    await button(page, L('send')).click();
    await page.getByText(lang === 'th' ? /ชีตเปลี่ยนไปหลังการตรวจสอบครั้งล่าสุด \(C15, C16\)/ : /changed after it was last checked \(C15, C16\)/).waitFor();
    await shot(page, `${lang}-3-send-changed`);
    await button(page, L('sendCurrent')).click();
    await page
      .getByTestId('receipt')
      .getByText(`${L('version')} 1`)
      .waitFor();
    const stored = await api.client().getReturn({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', orgUnit: unit });
    expect(stored).toMatchObject({ fields: { budget_returned: 1000 } });
    // Headquarters' status of the return, in words: the version as the receipt says it, no `v1`.
    await page
      .getByTestId('hq-status')
      .getByText(`${L('version')} 1`, { exact: false })
      .waitFor();
    expect(await page.getByTestId('hq-status').innerText()).not.toMatch(/\bv\d/);
    await shot(page, `${lang}-4-send-receipt`);
    await page.close();
  }, 60_000);

  test('cell-edit mode during Check, Send and Pull: a bilingual message each time, and Retry works', async () => {
    const page = await openPane({ path: 'community-plan/districts/1042.xlsx', lang });
    const busy = lang === 'th' ? /กำลังแก้ไขเซลล์/ : /a cell is being edited/;
    await bookDo.fail(page, 'InvalidOperationInCellEditMode', 4); // outlasts the automatic retries
    await button(page, L('check')).click();
    await page.getByText(busy).waitFor();
    await shot(page, `${lang}-5-cell-edit-check`);
    await button(page, L('retry')).click();
    await page.getByText(L('clean')).waitFor();

    await tab(page, lang, 'sendTab');
    await bookDo.fail(page, 'InvalidOperationInCellEditMode', 4);
    await button(page, L('send')).click();
    await page.getByText(busy).waitFor();
    await shot(page, `${lang}-6-cell-edit-send`);
    await button(page, L('retry')).click();
    await page.getByTestId('receipt').waitFor();

    await tab(page, lang, 'pullTab');
    await bookDo.fail(page, 'InvalidOperationInCellEditMode', 4);
    await button(page, L('pull')).click();
    await page.getByText(busy).waitFor();
    await shot(page, `${lang}-7-cell-edit-pull`);
    await button(page, L('retry')).click();
    await page.getByTestId('tally-summary').waitFor();
    await page.close();
  }, 90_000);

  test('a protected sheet during Check, Send and Pull: findings still listed, a bilingual message, a working pane', async () => {
    const page = await openPane({ path: 'community-plan/errors/1017-huai-khwang.xlsx', lang });
    const locked = lang === 'th' ? /ถูกป้องกัน/ : /protected/;
    await bookDo.protect(page, sheet);
    await button(page, L('check')).click();
    await page.getByText(`${L('errors')} (2)`).waitFor();
    await page.getByText(L('protectedNoColour')).waitFor();
    await shot(page, `${lang}-8-protected-check`);

    await tab(page, lang, 'sendTab');
    await bookDo.fail(page, 'AccessDenied');
    await button(page, L('send')).click();
    await page.getByText(locked).waitFor();
    await shot(page, `${lang}-9-protected-send`);

    await tab(page, lang, 'pullTab');
    await button(page, L('pull')).click();
    await page.getByTestId('tally-summary').waitFor();
    const tally = (await bookDo.names(page)).find((n) => n.endsWith('ทั้งปี 2563'))!; // the report sheet: layout and period
    await bookDo.protect(page, tally);
    await button(page, L('refresh')).click();
    await page.getByText(locked).waitFor();
    await shot(page, `${lang}-10-protected-pull`);
    await bookDo.protect(page, tally, false);
    await button(page, L('retry')).click();
    await page.getByTestId('tally-summary').waitFor();
    await page.close();
  }, 60_000);

  test('a sheet renamed after Check: a click on a finding and Clear colours still find it', async () => {
    const page = await openPane({ path: 'community-plan/errors/1017-huai-khwang.xlsx', lang });
    await button(page, L('check')).click();
    await page.getByText(`${L('errors')} (2)`).waitFor();
    await bookDo.rename(page, sheet, 'เขตห้วยขวาง');
    await bookDo.addSheet(page, 'อื่น ๆ');
    await bookDo.activate(page, 'อื่น ๆ');
    await page.locator('[data-cell$="!C15"]').click();
    await eventually(() => bookDo.active(page), 'เขตห้วยขวาง');
    expect(await bookDo.selection(page)).toMatchObject({ cell: 'C15' });
    await button(page, L('clearHighlights')).click();
    await eventually(async () => (await bookDo.sheet(page, 'เขตห้วยขวาง')).fills, {});
    await shot(page, `${lang}-11-renamed`);
    await page.close();
  }, 60_000);

  test('refresh after a smaller tally leaves no stale cell', async () => {
    const page = await openPane({ path: 'community-plan/districts/1043.xlsx', lang });
    await tab(page, lang, 'pullTab');
    await shot(page, `${lang}-12-pull-form`);
    await button(page, L('pull')).click(); // by district: one row per district and indicator
    await page.getByTestId('tally-summary').waitFor();
    const name = (await bookDo.names(page)).find((n) => n.endsWith('ทั้งปี 2563'))!; // the report sheet: layout and period
    const bigCells = Object.keys((await bookDo.sheet(page, name)).values).length;
    await page.getByLabel(L('groupBy'), { exact: true }).selectOption('zone');
    await button(page, L('pull')).click();
    await page
      .getByTestId('tally-summary')
      .getByText(lang === 'th' ? 'กลุ่มเขต' : 'By zone')
      .waitFor();
    // The same sheet, now by zone: exactly the cells the report has, nothing left from the districts.
    const q = { form: 'bma-community-plan-return', fy: 2563, period: 'FY' };
    const [zone, hq] = [await api.client().tallies({ ...q, by: 'zone' }), await api.client().tallies({ ...q, by: 'hq' })];
    const layout = defaultLayoutFor(BUILT_IN.formById(q.form)!, 'zone');
    if (isReportProblem(layout)) throw new Error(layout.message_en);
    const report = computeReport(layout, { form: BUILT_IN.formById(q.form)!, units: UNITS, tallies: { zone, hq }, completeness: await api.client().completeness(q), generatedAt: new Date() }, 'zone');
    if (isReportProblem(report)) throw new Error(report.message_en);
    expect(report.name).toBe(name);
    const want = Object.fromEntries(report.cells.filter((c) => c.value !== '' && c.row !== 4).map((c) => [a1(c.row, c.col), c.value])); // row 5: the time it was made
    const { A5: _made, ...got } = (await bookDo.sheet(page, name)).values;
    expect(Object.keys(got).length).toBeLessThan(bigCells);
    expect(got).toEqual(want);
    expect(Object.values(got)).toContain('รวม'); // the total row: HQ's figures close the table
    await page.getByTestId('tally-summary').waitFor();
    await shot(page, `${lang}-13-pull-refreshed`);
    await page.close();
  }, 60_000);

  test('the layout picker: the form’s report layouts by title; the chosen one is written, with its total row', async () => {
    const page = await openPane({ path: 'community-plan/districts/1043.xlsx', lang });
    await tab(page, lang, 'pullTab');
    const picker = page.getByRole('combobox', { name: L('layout') });
    await picker.click();
    const titles = lang === 'th' ? ['ตัวชี้วัดโครงการ 21000000-3142 ภาพรวม', 'ผลการดำเนินงาน รายเขต × ตัวชี้วัด'] : ['Project 21000000-3142 indicators, overall', 'Districts × indicators'];
    expect(await page.getByRole('listbox').getByRole('option').allTextContents()).toEqual(titles);
    await shot(page, `${lang}-17-layout-picker`);
    await page.getByRole('listbox').getByRole('option', { name: titles[0] }).click();
    expect(await page.getByLabel(L('groupBy'), { exact: true }).inputValue()).toBe('hq'); // the layout brings its grouping
    await button(page, L('pull')).click();
    await page.getByText(lang === 'th' ? 'เขียนยอดรวมลงชีต “ตัวชี้วัด ทั้งปี 2563” แล้ว' : 'Totals written to the sheet “ตัวชี้วัด ทั้งปี 2563”.').waitFor();
    expect(Object.values((await bookDo.sheet(page, 'ตัวชี้วัด ทั้งปี 2563')).values)).not.toContain('รวม'); // HQ's rows: no total row

    await choose(page, L('layout'), titles[1]);
    expect(await page.getByLabel(L('groupBy'), { exact: true }).inputValue()).toBe('district');
    await button(page, L('pull')).click();
    await page.getByText(lang === 'th' ? 'เขียนยอดรวมลงชีต “รายเขต ทั้งปี 2563” แล้ว' : 'Totals written to the sheet “รายเขต ทั้งปี 2563”.').waitFor();
    const values = (await bookDo.sheet(page, 'รายเขต ทั้งปี 2563')).values;
    const totalAt = Object.entries(values).find(([, v]) => v === 'รวม')?.[0];
    expect(totalAt).toMatch(/^A\d+$/);
    // The total row holds HQ's figures, the same the API answers for the whole of Bangkok.
    const hq = await api.client().tallies({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', by: 'hq' });
    const communities = hq.groups[0].measures.find((m) => m.id === 'communities_total')!.value;
    const row = totalAt!.slice(1);
    expect(
      Object.entries(values)
        .filter(([k]) => k !== totalAt && k.replace(/^[A-Z]+/, '') === row)
        .map(([, v]) => v),
    ).toContain(communities);
    await shot(page, `${lang}-18-layout-written`);
    await page.close();
  }, 60_000);

  test('insert blank form: a confirmation, unique names, the new sheet active', async () => {
    const page = await openPane({ path: 'community-plan/districts/1044.xlsx', lang });
    await tab(page, lang, 'blankTab');
    await choose(page, L('form'), lang === 'th' ? 'แบบรายงานผลการดำเนินงาน โครงการสนับสนุนการจัดทำและทบทวนแผนพัฒนาชุมชน' : 'District return: support for community development plans');
    await button(page, L('insertBlank')).click();
    await page.getByText(lang === 'th' ? /เพิ่มชีต “แบบรายงานผลการดำเนินงาน” แล้ว/ : /Added the sheet “แบบรายงานผลการดำเนินงาน”/).waitFor();
    await button(page, L('insertBlank')).click();
    await page.getByText(/“แบบรายงานผลการดำเนินงาน \(2\)”/).waitFor();
    expect(await bookDo.active(page)).toBe('แบบรายงานผลการดำเนินงาน (2)');
    await shot(page, `${lang}-14-blank-form`);
    await page.close();
  }, 60_000);

  test('what a check says about the returns it found: a project by its code and name; a table of ten districts as one card', async () => {
    const project = await openPane({ path: 'project-progress/seed000-wang-thonglang-2564.xlsx', lang });
    await button(project, L('check')).click();
    const card = project.getByTestId('return-summary');
    await card.getByText(lang === 'th' ? /รหัสโครงการ: \d{8}-\d{4}/ : /Project code: \d{8}-\d{4}/).waitFor();
    await card.getByText(lang === 'th' ? /ชื่อโครงการ\/กิจกรรม: / : /Project name: /).waitFor();
    await shot(project, `${lang}-20-project-card`);
    await project.close();

    const table = await openPane({ path: 'community-plan/layouts/zone-table-1005-1014.xlsx', lang });
    await button(table, L('check')).click();
    await table.getByTestId('return-summary').first().waitFor();
    expect(await table.getByTestId('return-summary').count()).toBe(1);
    await table
      .getByTestId('return-summary')
      .getByText(lang === 'th' ? /หน่วยงาน \(10\): .* และอีก 4 หน่วยงาน/ : /Units \(10\): .* and 4 more/)
      .waitFor();
    await shot(table, `${lang}-21-table-card`);
    await table.close();
  }, 60_000);

  test('settings in a development build: an address and an empty key field, no HQ key', async () => {
    const page = await openPane({ path: 'community-plan/districts/1044.xlsx', lang, apiKey: '' });
    await button(page, L('settings')).click();
    await page.getByLabel(L('apiKey'), { exact: true }).waitFor();
    expect(await page.getByLabel(L('apiKey'), { exact: true }).inputValue()).toBe('');
    await shot(page, `${lang}-15-settings-dev`);
    await page.close();
  }, 60_000);
});

describe('Excel 2016 or 2019 on Windows: the Internet Explorer webview', () => {
  /** Internet Explorer 11's user agent, as Office's Trident webview reports it. */
  const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';

  test('the pane says in Thai and English that it cannot open here, and what to do instead; it fits 320 px', async () => {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 800 }, userAgent: TRIDENT });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === 'appsforoffice.microsoft.com') return route.fulfill({ contentType: 'text/javascript', body: '' });
      if (url.pathname.endsWith('/taskpane.js')) return route.abort(); // ES2017: Internet Explorer cannot parse it, so none of it runs
      if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return route.continue();
      return route.abort();
    });
    await page.goto(`${pane.url}/taskpane.html`);
    const notice = page.locator('#old-browser');
    await notice.waitFor();
    const th = await notice.locator('[lang="th"]').innerText();
    const en = await notice.locator('[lang="en"]').innerText();
    expect(th).toMatch(/เปิดใน Excel เครื่องนี้ไม่ได้/);
    expect(th).toMatch(/Excel บนเว็บ/);
    expect(en).toMatch(/cannot open in this Excel/);
    expect(en).toMatch(/Excel on the web/);
    // The clerk's web page beside the pane, its whole address written out to copy into another browser.
    expect(th).toContain(`${pane.url}/send/`);
    expect(en).toContain(`${pane.url}/send/`);
    // Thai prose, with product names only (no English sentence inside the Thai).
    expect(th.replace(/https?:\/\/\S+|Microsoft Edge WebView2|Internet Explorer|Microsoft 365|Microsoft Edge|Chrome|Firefox|Excel|office\.com/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(en).not.toMatch(/[\u0E00-\u0E7F]/);
    await shot(page, 'th-19-internet-explorer');
    await page.close();
  }, 60_000);

  test('in a modern webview the notice stays hidden', async () => {
    const page = await openPane({ path: 'community-plan/districts/1044.xlsx', lang: 'th' });
    expect(await page.locator('#old-browser').isHidden()).toBe(true);
    await page.close();
  }, 60_000);
});

describe('a deployment build with Entra settings', () => {
  let served: Awaited<ReturnType<typeof servePaneBuild>>;
  beforeAll(async () => {
    // The address only shapes the build (nothing is asked of the API before sign-in): a fixed one, so that every run
    // serves one cached build instead of building the pane anew for the API's port of the day.
    served = await servePaneBuild({
      API_URL: 'https://api.returns-hub.invalid',
      ENTRA_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
      ENTRA_TENANT_ID: '00000000-0000-0000-0000-000000000002',
      ENTRA_API_SCOPE: 'api://returns-hub/access_as_user',
    });
  }, 120_000);
  afterAll(async () => served?.close());

  test.each(['th', 'en'] as const)(
    'Settings offers sign-in with Microsoft, and no address or key (%s)',
    async (lang) => {
      const page = await openPane({ path: 'community-plan/districts/1044.xlsx', lang, url: served.url });
      await button(page, t(lang, 'settings')).click();
      await button(page, t(lang, 'signIn')).waitFor();
      expect(await page.getByLabel(t(lang, 'apiKey'), { exact: true }).count()).toBe(0);
      await shot(page, `${lang}-16-settings-sign-in`);
      await page.close();
    },
    60_000,
  );
});
