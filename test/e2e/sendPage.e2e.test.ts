import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import type { Lang } from '@returns-hub/addin/text/bilingual';
import { startApi, requestFor, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import { launchChromium } from '../support/browser';
import { writeRegister } from '../bench/readerBench';
import { projectRegister } from '../support/projectRegister';
import { ARTIFACTS, eventually, servePaneBuild } from './paneHarness';
import { chooseFiles, DESKTOP, expectAccessible, openSendPage, PHONE, shot, text } from './sendPageHarness';

// Each state is screenshot and scanned by axe-core at two widths and in two languages: minutes, on a busy machine.
jest.setTimeout(120_000);

/** A day in FY 2563, the samples' year: "My returns" opens on it. */
const IN_FY_2563 = new Date('2020-06-15T03:00:00Z');
const FIXTURES = resolve(__dirname, '../fixtures/formats');

let api: Api;
let pane: Awaited<ReturnType<typeof servePaneBuild>>;
let browser: Browser;
let dir: string;
/** The registers the page reads: 60,000 rows (the size the issue names) and a tenth of it for the same states in the other language. */
const registers: Record<number, string> = {};

beforeAll(async () => {
  pane = await servePaneBuild({}); // a development build: the API address and a development key from Settings
  api = await startApi({ config: { corsOrigins: [pane.url] } });
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'send-page-'));
  for (const rows of [60_000, 6_000]) await writeRegister(projectRegister(rows), (registers[rows] = join(dir, `ทะเบียนโครงการ-${rows}.xlsx`)));
  // HQ sends district 1033's return back, with a comment at its cell C14.
  const hq = api.client('dev-hq');
  await hq.submit(await requestFor(sample('community-plan/districts/1033.xlsx')));
  await hq.sendBack(
    { form: 'bma-community-plan-return', fy: 2563, period: 'FY', orgUnit: '1033' },
    { reason: 'งบประมาณที่เบิกจ่ายไม่ตรงกับรายงานการเงิน', comments: [{ cell: "'แบบรายงาน 1'!C14", text: 'ยอดเบิกจ่ายต้องเป็น 6,782 บาทตามรายงานการเงิน' }] },
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The cell of the rendered sheet, and what it is marked as (its fill). */
async function cellMark(page: Page, cell: string): Promise<string | null> {
  return page.locator(`[data-testid=sheet-view] td[data-cell="${cell}"]`).evaluate((td) => (td as HTMLElement).style.backgroundColor || null);
}
const RED = 'rgb(255, 199, 206)';
const YELLOW = 'rgb(255, 235, 156)';
const BLUE = 'rgb(189, 215, 238)';

/** Text a Thai clerk reads: no English word inside it (file extensions and format names aside). */
function expectThaiOnly(s: string) {
  const english = s.replace(/\.[a-z]{2,5}\b|Excel|LibreOffice|Calc|Numbers|Apple|OpenDocument|CSV|XML|HTML/g, '').match(/[A-Za-z]{3,}/g);
  expect(english).toBeNull();
}

describe.each([
  ['th', DESKTOP],
  ['th', PHONE],
  ['en', DESKTOP],
  ['en', PHONE],
] as [Lang, number][])('the clerk’s web page in Chromium (%s, %i px)', (lang, width) => {
  const o = { lang, width };
  const T = (k: Parameters<typeof text>[1]) => text(lang, k);

  test('first screen (real clock): what to do in one sentence; My returns for this fiscal year', async () => {
    const page = await openSendPage(browser, { url: pane.url, apiUrl: api.url, key: 'dev-unit-1017', ...o });
    await page.getByText(T('intro')).waitFor();
    await page.getByTestId('my-return').first().waitFor();
    // The real clock: 2026-12-07 is FY 2570 (Oct 2026 – Sep 2027).
    await expect(
      page
        .getByRole('region', { name: T('mineTitle') })
        .getByLabel(T('fiscalYear'))
        .inputValue(),
    ).resolves.toBe(String(new Date().getUTCFullYear() + 543 + (new Date().getUTCMonth() >= 9 ? 1 : 0)));
    await shot(page, o, 'start');
    await expectAccessible(page, `${lang}-${width}-start`);
    await page.context().close();
  });

  test('the 1017 error sample: 2 errors and 1 warning at C13, C15, C12 on the rendered sheet; a finding pressed shows its cell', async () => {
    const page = await openSendPage(browser, { url: pane.url, apiUrl: api.url, key: 'dev-unit-1017', ...o });
    await chooseFiles(page, [sample('community-plan/errors/1017-huai-khwang.xlsx')]);
    await page.getByText(`${T('errors')} (2)`).waitFor();
    await page.getByText(`${T('warnings')} (1)`).waitFor();
    await page.locator('[data-testid=sheet-view] td[data-cell="C13"]').waitFor();
    expect([await cellMark(page, 'C13'), await cellMark(page, 'C15'), await cellMark(page, 'C12'), await cellMark(page, 'C14')]).toEqual([RED, RED, YELLOW, null]);
    const card = page.getByTestId('return-summary');
    await expect(card.textContent()).resolves.toContain(lang === 'th' ? 'ห้วยขวาง' : 'Huai Khwang');
    await expect(card.textContent()).resolves.toContain(lang === 'th' ? 'ทั้งปี 2563' : 'FY2563');
    await page.locator('button[data-cell$="C15"]').click();
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell')), 'C15');
    await shot(page, o, '1017-findings');
    await expectAccessible(page, `${lang}-${width}-1017-findings`);
    // Nothing with errors goes: Send says why.
    await expect(page.getByTestId('send-plan').textContent()).resolves.toMatch(lang === 'th' ? /ข้อผิดพลาด/ : /errors/);
    await page.context().close();
  });

  test('a clean district .ods (LibreOffice) is sent and shows the receipt and its status at headquarters', async () => {
    const page = await openSendPage(browser, { url: pane.url, apiUrl: api.url, key: 'dev-unit-1045', ...o });
    await chooseFiles(page, [join(FIXTURES, 'community-plan/districts/1045.ods')]);
    await page.getByText(T('noFindings')).waitFor();
    await expect(page.getByTestId('file-card').textContent()).resolves.toContain('(.ods)');
    await page.getByRole('button', { name: lang === 'th' ? 'ส่ง 1 ไฟล์' : 'Send 1 file' }).click();
    await page.getByTestId('receipt').waitFor();
    await page.getByText(T('sent')).waitFor();
    await expect(page.getByTestId('receipt').textContent()).resolves.toMatch(lang === 'th' ? /ฉบับที่ \d+.*วังทองหลาง/ : /Version \d+.*Wang Thonglang/);
    await page
      .getByTestId('hq-status')
      .getByText(lang === 'th' ? 'ส่งแล้ว รอตรวจ' : 'submitted', { exact: false })
      .waitFor();
    await shot(page, o, '1045-ods-sent');
    await expectAccessible(page, `${lang}-${width}-1045-ods-sent`);
    await page.context().close();
  });

  test('a sent-back return: the reason, and the comment at its cell, with the file and without it (My returns, pinned to FY 2563)', async () => {
    const page = await openSendPage(browser, { url: pane.url, apiUrl: api.url, key: 'dev-unit-1033', now: IN_FY_2563, ...o });
    const mine = page.getByTestId('my-return').filter({ hasText: lang === 'th' ? 'ส่งกลับให้แก้ไข' : 'sent back' });
    await mine.waitFor();
    await expect(mine.textContent()).resolves.toContain('งบประมาณที่เบิกจ่ายไม่ตรงกับรายงานการเงิน');
    await expect(mine.textContent()).resolves.toContain('C14');
    await shot(page, o, 'my-returns-sent-back');
    await expectAccessible(page, `${lang}-${width}-my-returns-sent-back`);
    await mine.getByRole('button', { name: T('showSent') }).click();
    await page.getByTestId('stored-return').waitFor();
    await eventually(() => page.locator('[data-testid=stored-return] td').evaluateAll((tds) => tds.filter((td) => (td as HTMLElement).style.backgroundColor === 'rgb(189, 215, 238)').length), 1);
    await shot(page, o, 'stored-return');
    await expectAccessible(page, `${lang}-${width}-stored-return`);
    await page.getByRole('button', { name: T('back') }).click();
    await chooseFiles(page, [sample('community-plan/districts/1033.xlsx')]);
    await page.getByTestId('hq-status').waitFor();
    await expect(page.getByTestId('hq-status').textContent()).resolves.toContain('งบประมาณที่เบิกจ่ายไม่ตรงกับรายงานการเงิน');
    await page.locator('[data-testid=sheet-view] td[data-cell="C14"]').waitFor();
    expect(await cellMark(page, 'C14')).toBe(BLUE);
    await page
      .getByRole('button', { name: /ยอดเบิกจ่ายต้องเป็น/ })
      .first()
      .click();
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell')), 'C14');
    await shot(page, o, '1033-sent-back');
    await expectAccessible(page, `${lang}-${width}-1033-sent-back`);
    await page.context().close();
  });

  test('totals where Excel cannot build them: the report HQ prints, for FY 2563, and its CSV', async () => {
    const page = await openSendPage(browser, { url: pane.url, apiUrl: api.url, key: 'dev-unit-1045', ...o });
    const totals = page.getByTestId('totals');
    await totals.getByLabel(lang === 'th' ? 'ปีงบประมาณ (พ.ศ.)' : 'Fiscal year (BE)').selectOption('2563');
    await totals.getByRole('button', { name: T('showTotals') }).click();
    await totals.getByTestId('sheet-view').waitFor();
    await expect(totals.getByTestId('sheet-view').textContent()).resolves.toContain('งบประมาณที่ได้รับโอน');
    const [download] = await Promise.all([page.waitForEvent('download'), totals.getByRole('button', { name: T('downloadCsv') }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('งบประมาณที่ได้รับโอน');
    await totals.screenshot({ path: resolve(ARTIFACTS, `send-${lang}-${width}-totals.png`) });
    await expectAccessible(page, `${lang}-${width}-totals`);
    await page.context().close();
  });

  test('a password-protected .xls, a truncated .xlsx and a .numbers file: one clear sentence each', async () => {
    const truncated = join(dir, `1045-${lang}-${width}-ตัดท้าย.xlsx`);
    const whole = readFileSync(sample('community-plan/districts/1045.xlsx'));
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const numbers = join(dir, `รายงาน-${lang}-${width}.numbers`);
    writeFileSync(numbers, zipSync({ 'Index/Document.iwa': new Uint8Array([0, 1, 2]), 'Metadata/Properties.plist': new TextEncoder().encode('<plist/>') }));
    const page = await openSendPage(browser, { url: pane.url, apiUrl: api.url, key: 'dev-unit-1045', ...o });
    await chooseFiles(page, [join(FIXTURES, 'special/encrypted.xls'), truncated, numbers]);
    await eventually(() => page.getByTestId('file-problem').count(), 3, 30_000);
    for (const card of await page.getByTestId('file-card').all()) {
      const problems = await card.getByTestId('file-problem').allTextContents();
      expect(problems).toHaveLength(1);
      if (lang === 'th') expectThaiOnly(problems[0]);
    }
    await expect(page.getByTestId('file-card').nth(0).textContent()).resolves.toMatch(lang === 'th' ? /รหัสผ่าน/ : /password/);
    await shot(page, o, 'special-files');
    await expectAccessible(page, `${lang}-${width}-special-files`);
    await page.context().close();
  });
});

/**
 * A 60,000-row register read in the worker, in Thai at 1280 px, while the clerk switches the page to English and back;
 * the same states in English at 360 px on a tenth of the rows (the size is the Thai run's: reading it again in English
 * showed nothing more, at a minute's cost on a busy machine).
 */
describe.each([
  ['th', DESKTOP, 60_000],
  ['en', PHONE, 6_000],
] as [Lang, number, number][])('a register in the clerk’s web page (%s, %i px, %i rows)', (lang, width, rows) => {
  test('read in the worker with progress; the page answers the clerk meanwhile', async () => {
    const o = { lang, width };
    const page = await openSendPage(browser, { url: pane.url, apiUrl: api.url, key: 'dev-unit-1045', ...o });
    await chooseFiles(page, [registers[rows]]);
    const bar = page.locator('[data-testid=file-card]').getByRole('progressbar'); // the file's bar, not My returns' spinner
    await bar.waitFor();
    if (rows === 60_000) {
      // While the worker reads, the page answers a press at once: the language changes before the read ends.
      const other: Lang = lang === 'th' ? 'en' : 'th';
      await page.getByRole('button', { name: text(lang, 'otherLanguage') }).click();
      await page.getByRole('heading', { name: text(other, 'pageTitle') }).waitFor({ timeout: 2000 });
      expect(await bar.count()).toBe(1);
      await page.getByRole('button', { name: text(other, 'otherLanguage') }).click();
      await page.getByRole('heading', { name: text(lang, 'pageTitle') }).waitFor({ timeout: 2000 });
    }
    // The reading state's picture and scan, if the read is still going (a quiet machine may finish first): whichever
    // the page shows first, the percentage read or the return read, never a wait for a state that has passed.
    const reading = page.getByText(new RegExp(`${text(lang, 'reading')} \\d+ %`));
    const summary = page.getByTestId('return-summary');
    await reading.or(summary).first().waitFor({ timeout: 180_000 });
    if (await reading.isVisible()) {
      await shot(page, o, `register-${rows / 1000}k-reading`);
      await expectAccessible(page, `${lang}-${width}-register-${rows / 1000}k-reading (its card)`, '[data-testid=file-card]');
    }
    await summary.waitFor({ timeout: 180_000 });
    const count = rows.toLocaleString('en-US');
    await expect(page.getByTestId('return-summary').textContent()).resolves.toContain(lang === 'th' ? `${count} แถว` : `${count} rows`);
    // The rendering scrolls to the last rows without reading them again.
    const last = `A${rows + 8}`;
    await page.getByTestId('sheet-view').evaluate((el) => (el.scrollTop = el.scrollHeight));
    // The window of rows drawn may show the cell a frame before its value: read it until it settles.
    await page.locator(`[data-testid=sheet-view] td[data-cell="${last}"]`).waitFor();
    await eventually(() => page.locator(`[data-testid=sheet-view] td[data-cell="${last}"]`).textContent(), String(rows));
    await shot(page, o, `register-${rows / 1000}k-read`);
    await expectAccessible(page, `${lang}-${width}-register-${rows / 1000}k-read`);
    await page.context().close();
  }, 300_000);
});
