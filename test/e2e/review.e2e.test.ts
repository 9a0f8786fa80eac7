import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { builtInForm } from '../support/builtIn';
import { blankFormLayout } from '@returns-hub/shared/forms/blankFormLayout';
import { a1 } from '@returns-hub/shared/sheet/address';
import { t, type Lang } from '@returns-hub/addin/pane/i18n';
import { rt } from '@returns-hub/addin/pane/reviewText';
import { MARK_COLOURS } from '@returns-hub/addin/excel/openStoredReturn';
import { requestFor, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import { ALL_SETS } from '../support/excelFake/fakeBook';
import type { FakeOfficeConfig, FakeOfficeWindow } from './officeInBrowser';
import { ARTIFACTS, button, eventually, openPaneIn, type Rig, servePaneBuild, startRig } from './paneHarness';

const NOW = new Date('2020-06-15T03:00:00Z'); // the pane's period choices default to FY 2563, the samples' year
const FORM = builtInForm('bma-community-plan-return');
const UNIT_SHEET = 'แบบรายงาน 1';

let rig: Rig;
let api: Api;
let served: Awaited<ReturnType<typeof servePaneBuild>>;
let browser: Browser;
let officeFake: string;

beforeAll(async () => {
  ({ pane: served, api, officeFake, browser } = rig = await startRig());
}, 180_000);
afterAll(async () => rig?.close());

/** The built pane at 350 px on the office.js fake holding a sample's sheets, signed in with a key; only loopback traffic. */
async function openPane(path: string, lang: Lang, apiKey: string): Promise<Page> {
  const read = await readWorkbookFile(sample(path));
  if (!read.ok) throw new Error(`sample unreadable: ${path}`);
  const config: FakeOfficeConfig = { grids: read.grids.filter((g) => g.rows.length > 1), sets: ALL_SETS, displayLanguage: lang === 'th' ? 'th-TH' : 'en-US' };
  const page = await openPaneIn(browser, officeFake, { url: served.url, config, apiUrl: api.url, apiKey, height: 900, now: NOW });
  await page.getByRole('tab', { name: t(lang, 'checkTab') }).waitFor();
  return page;
}

const book = {
  sheet: (page: Page, name: string) => page.evaluate((n) => (window as FakeOfficeWindow).__BOOK__!.describe(n), name),
  names: (page: Page) => page.evaluate(() => (window as FakeOfficeWindow).__BOOK__!.sheets.map((s) => s.name)),
  select: (page: Page, name: string, cell: string) => page.evaluate((a) => (window as FakeOfficeWindow).__BOOK__!.select(a.name, a.cell), { name, cell }),
  selection: (page: Page) => page.evaluate(() => (window as FakeOfficeWindow).__BOOK__!.selection),
};
const shot = (page: Page, name: string) => page.screenshot({ path: resolve(ARTIFACTS, `e2e-review-${name}.png`), fullPage: true });

describe.each([
  ['th', '1045'],
  ['en', '1047'],
] as const)('review in the pane (%s)', (lang, unit) => {
  test('HQ opens a return into a sheet and sends it back with a comment on a cell; the district pane shows that comment at that cell', async () => {
    const sent = await api.client(`dev-unit-${unit}`).submit(await requestFor(sample(`community-plan/districts/${unit}.xlsx`)));
    const disbursed = (await api.client().getReturn({ form: FORM.id, fy: 2563, period: 'FY', orgUnit: unit })).fields as Record<string, unknown>;

    // ——— headquarters ———
    const hq = await openPane('community-plan/districts/1001.xlsx', lang, 'dev-hq');
    await hq.getByRole('tab', { name: rt(lang, 'reviewTab'), exact: true }).click(); // shown once the API says the key is a reviewer's
    await button(hq, rt(lang, 'load')).click();
    await hq.locator(`[data-testid="review-row"][data-unit="${unit}"]`).waitFor();
    await shot(hq, `${lang}-1-list`);
    await hq.locator(`[data-testid="review-row"][data-unit="${unit}"]`).click();
    await hq.getByTestId('opened-return').waitFor();

    // The new sheet is the form's blank layout holding what the district sent.
    const opened = (await book.names(hq)).find((n) => n.startsWith(unit))!;
    expect(opened).toBe(`${unit} ${lang === 'th' ? 'วังทองหลาง' : 'บางนา'} ฉบับที่ ${sent.receipts[0].version}`);
    const layout = blankFormLayout(FORM);
    const header = layout.table!.headerRow;
    const cellOf = (id: string) => a1(header + 1, layout.table!.columns.indexOf(id));
    const values = (await book.sheet(hq, opened)).values;
    expect(values[a1(header, 0)]).toBe(FORM.table!.columns[0].label_th);
    expect(values[cellOf('budget_disbursed')]).toBe(disbursed.budget_disbursed);
    expect(values[cellOf('communities_total')]).toBe(disbursed.communities_total);

    // A comment on the selected cell, then send back with a reason.
    await hq
      .getByTestId('opened-return')
      .getByRole('button', { name: `${rt(lang, 'sendBack')}…` })
      .click();
    await book.select(hq, opened, cellOf('budget_disbursed'));
    await hq.getByLabel(rt(lang, 'commentText'), { exact: true }).fill('ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ');
    await button(hq, rt(lang, 'addComment')).click();
    await hq.locator(`[data-cell="'${UNIT_SHEET}'!C14"]`).waitFor(); // the district's own cell
    await eventually(async () => (await book.sheet(hq, opened)).fills[cellOf('budget_disbursed')], MARK_COLOURS.comment);
    // A label is no value of the return: refused, said plainly.
    await book.select(hq, opened, a1(header, 0));
    await hq.getByLabel(rt(lang, 'commentText'), { exact: true }).fill('หัวตาราง');
    await button(hq, rt(lang, 'addComment')).click();
    await hq.getByText(rt(lang, 'selectValueCell')).waitFor();
    await hq.getByLabel(rt(lang, 'reason'), { exact: true }).fill('กรุณาตรวจสอบยอดเบิกจ่าย');
    await button(hq, rt(lang, 'sendBack')).click();
    await hq.getByText(lang === 'th' ? /ส่งกลับฉบับที่ 1 ให้แก้ไขแล้ว พร้อมความเห็น 1 รายการ/ : /Version 1 sent back with 1 comment\./).waitFor();
    await shot(hq, `${lang}-2-sent-back`);
    await hq.close();
    const stored = await api.client().review({ form: FORM.id, fy: 2563, period: 'FY', orgUnit: unit });
    expect(stored).toMatchObject({ status: 'returned', reason: 'กรุณาตรวจสอบยอดเบิกจ่าย', comments: [{ cell: `'${UNIT_SHEET}'!C14`, text: 'ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ' }] });
    const h = await api.client().history({ form: FORM.id, fy: 2563, period: 'FY', orgUnit: unit });
    expect(h.events.at(-1)).toMatchObject({ action: 'send_back', client: 'returns-addin' });

    // ——— the district ———
    // The first screen says it, before any check: sent back, why, by whom, what to do; the sheet is not coloured yet.
    const district = await openPane(`community-plan/districts/${unit}.xlsx`, lang, `dev-unit-${unit}`);
    const first = district.getByTestId('hq-status');
    await first.getByText(lang === 'th' ? 'ส่วนกลางส่งฉบับที่ 1 กลับให้แก้ไข' : 'Headquarters sent version 1 back to be corrected').waitFor();
    await first.getByText('กรุณาตรวจสอบยอดเบิกจ่าย', { exact: false }).waitFor();
    expect(await first.innerText()).not.toMatch(/hq-key|unit-key|bma-community|T\d\d:\d\d/);
    expect((await book.sheet(district, UNIT_SHEET)).fills.C14).toBeUndefined();
    await shot(district, `${lang}-3-district-first-screen`);
    await button(district, t(lang, 'check')).click();
    await district.getByText(t(lang, 'clean')).waitFor();
    await district.getByRole('tab', { name: t(lang, 'sendTab') }).click();
    const status = district.getByTestId('hq-status');
    await status.getByText('กรุณาตรวจสอบยอดเบิกจ่าย', { exact: false }).waitFor();
    const comment = status.locator(`[data-cell="'${UNIT_SHEET}'!C14"]`);
    await comment.getByText('ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ').waitFor();
    // Highlighted in the district's sheet like the checker's findings, in the reviewers' colour.
    await eventually(async () => (await book.sheet(district, UNIT_SHEET)).fills.C14, MARK_COLOURS.comment);
    await comment.click();
    await eventually(async () => (await book.selection(district))?.cell, 'C14');
    // A unit has no Review tab.
    expect(await district.getByRole('tab', { name: rt(lang, 'reviewTab') }).count()).toBe(0);
    await shot(district, `${lang}-4-district-sees-comment`);
    await district.close();
  }, 120_000);
});

describe.each([
  ['th', '1049'],
  ['en', '1050'],
] as const)('a return headquarters accepted (%s)', (lang, unit) => {
  test('the first screen says it is accepted and locked, once, in prose; Send is not offered', async () => {
    await api.client(`dev-unit-${unit}`).submit(await requestFor(sample(`community-plan/districts/${unit}.xlsx`)));
    await api.client().accept({ form: FORM.id, fy: 2563, period: 'FY', orgUnit: unit });
    const district = await openPane(`community-plan/districts/${unit}.xlsx`, lang, `dev-unit-${unit}`);
    const status = district.getByTestId('hq-status');
    await status.getByText(lang === 'th' ? 'ส่วนกลางตรวจรับฉบับที่ 1 แล้ว' : 'Headquarters accepted version 1').waitFor();
    const text = await status.innerText();
    expect(text).not.toMatch(/hq-key|bma-community-plan-return|FY2563/);
    if (lang === 'th') expect(text.replace(/[\u0E00-\u0E7F\d\s.,:()·/–“”"-]/g, '')).toBe(''); // Thai prose only
    await shot(district, `${lang}-5-accepted-first-screen`);
    await button(district, t(lang, 'check')).click();
    await district.getByText(t(lang, 'clean')).waitFor();
    await district.getByRole('tab', { name: t(lang, 'sendTab') }).click();
    await district.getByTestId('hq-lock').waitFor();
    expect(await district.getByTestId('hq-lock').count()).toBe(1); // the lock said once
    expect(await button(district, t(lang, 'send')).isDisabled()).toBe(true);
    await shot(district, `${lang}-6-accepted-send`);
    await district.close();
  }, 120_000);
});
