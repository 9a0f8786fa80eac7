/* eslint-disable @typescript-eslint/no-explicit-any -- office.js stand-in: to be replaced by one typed office.js fake (issue 11) */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { buildAddin } from '../../scripts/buildAddin';
import { serveAddin } from '../../scripts/serveAddin';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { startApi, type Api } from '../support/apiHarness';
import { usedRangeOf } from '../support/excelMock';
import { sample } from '../support/samples';
import { launchChromium } from '../support/browser';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts');
let api: Api;
let pane: Awaited<ReturnType<typeof serveAddin>>;
let browser: Browser;
let standIn: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildAddin();
  pane = await serveAddin(0);
  api = await startApi({ config: { corsOrigins: [pane.url] } });
  standIn = (await build({ entryPoints: [resolve(__dirname, 'excelStandIn.ts')], bundle: true, write: false, format: 'iife' })).outputFiles[0].text;
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await api?.close();
});

/** Opens the built pane on a workbook stand-in loaded from a sample; only loopback traffic is allowed. */
async function openPane(samplePath: string): Promise<Page> {
  const read = await readWorkbookFile(sample(samplePath));
  if (!read.ok) throw new Error('sample unreadable');
  const grid = read.grids.find((g) => g.rows.length > 1)!;
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  await page.addInitScript(
    ({ used, apiUrl }) => {
      (window as any).__USED__ = used;
      localStorage.setItem('returns-hub.settings', JSON.stringify({ apiUrl, apiKey: 'dev-hq' }));
    },
    { used: { ...usedRangeOf(grid), sheet: grid.sheet }, apiUrl: api.url },
  );
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === 'appsforoffice.microsoft.com') return route.fulfill({ contentType: 'text/javascript', body: standIn });
    if (host === 'localhost' || host === '127.0.0.1') return route.continue();
    return route.abort();
  });
  await page.goto(`${pane.url}/taskpane.html`);
  await page.getByRole('tab', { name: 'ตรวจสอบ' }).waitFor();
  return page;
}

const book = (page: Page) => page.evaluate(() => (window as any).__BOOK__);

describe('the task pane in Chromium, on the local backend', () => {
  test('check → findings listed in Thai and cells highlighted', async () => {
    const page = await openPane('community-plan/errors/1017-huai-khwang.xlsx');
    await page.getByRole('button', { name: 'ตรวจสอบ', exact: true }).click();
    await page.getByText('ข้อผิดพลาด (2)').waitFor();
    await page.getByText('คำเตือน (1)').waitFor();
    const fills = (await book(page)).sheets['แบบรายงาน 1'].fills;
    expect([fills.C13.color, fills.C15.color, fills.C12.color]).toEqual(['#FFC7CE', '#FFC7CE', '#FFEB9C']);
    await page.locator('[data-cell$="!C13"]').click();
    expect((await book(page)).sheets['แบบรายงาน 1'].selected).toContain('C13');
    await page.screenshot({ path: resolve(ARTIFACTS, 'e2e-check.png') });
    await page.close();
  }, 60_000);

  test('send → receipt from the backend', async () => {
    const page = await openPane('community-plan/districts/1045.xlsx');
    await page.getByRole('button', { name: 'ตรวจสอบ', exact: true }).click();
    await page.getByText('ไม่พบข้อผิดพลาด พร้อมส่ง').waitFor();
    await page.getByRole('tab', { name: 'ส่งข้อมูล' }).click();
    await page.getByRole('button', { name: 'ส่งข้อมูล', exact: true }).click();
    await page.getByTestId('receipt').getByText('ฉบับที่ 1').waitFor();
    const list = await api.client().list({ form: 'bma-community-plan-return', fy: 2563 });
    expect(list.returns.map((r) => r.orgUnit)).toContain('1045');
    await page.screenshot({ path: resolve(ARTIFACTS, 'e2e-send.png') });
    await page.close();
  }, 60_000);

  test('pull → a tally sheet written with the backend figures', async () => {
    const page = await openPane('community-plan/districts/1045.xlsx');
    await page.getByRole('tab', { name: 'ดึงยอดรวม' }).click();
    await page.getByRole('button', { name: 'ดึงยอดรวม', exact: true }).click();
    await page.getByText(/เขียนยอดรวมลงชีต/).waitFor();
    const b = await book(page);
    const tallySheet = Object.values(b.sheets).find((s: any) => s.name.startsWith('ยอดรวม')) as any;
    const rows = Object.entries(tallySheet.writes).find(([k]) => k.startsWith('3,0,'))![1] as unknown[][];
    const received = rows.find((r) => r[4] === 'districts')!;
    expect(received[6]).toBeGreaterThanOrEqual(1); // 1045 was sent in the test before
    expect(tallySheet.charts).toEqual(['ColumnClustered']);
    await page.screenshot({ path: resolve(ARTIFACTS, 'e2e-pull.png') });
    await page.close();
  }, 60_000);
});
