import type { Browser, Page } from 'playwright-core';
import { startApi, type Api } from '../support/apiHarness';
import { sampleFiles } from '../support/samples';
import { launchChromium } from '../support/browser';
import { expectCommunityPlanFigures } from '../support/formsFigures';
import { renditionOf, sampleRenditions } from '../support/sampleRenditions';
import { servePaneBuild } from './paneHarness';
import { DESKTOP, dropFiles, expectAccessible, openSendPage, shot, text } from './sendPageHarness';

/**
 * Headquarters' acceptance figures through the clerk's page: the 50 district files of Form 2,
 * as Excel wrote them (.xlsx), as LibreOffice Calc writes them (.xls and .ods, converted in this run),
 * dropped on the page in one batch per format and sent; the tally at HQ, read through the API on
 * Azurite, is FORMS.md's every figure after each batch (each a new version of every return).
 */
const DISTRICTS = sampleFiles('community-plan/districts');

let api: Api;
let pane: Awaited<ReturnType<typeof servePaneBuild>>;
let browser: Browser;
let converted: string;

beforeAll(async () => {
  converted = await sampleRenditions(); // fails naming LibreOffice or openpyxl where one is missing
  pane = await servePaneBuild({});
  api = await startApi({ config: { corsOrigins: [pane.url] } });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await api?.close();
});

/** Sends one batch from the page as headquarters; answers the POST /api/returns requests it made. */
async function sendBatch(page: Page, files: string[]): Promise<number> {
  let posts = 0;
  page.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/api/returns') && posts++));
  await dropFiles(page, files);
  await page.getByTestId('send-plan').getByText('พร้อมส่ง 50 ไฟล์ (แบบรายงาน 50 ฉบับ)').waitFor({ timeout: 180_000 });
  await page.getByRole('button', { name: 'ส่ง 50 ไฟล์' }).click();
  await page.getByText(text('th', 'sent')).waitFor({ timeout: 120_000 });
  expect(await page.getByTestId('receipt').count()).toBe(50);
  return posts;
}

test.each(['xlsx', 'xls', 'ods'] as const)(
  'the 50 district files as .%s, dropped on the page in one batch, reproduce every Form 2 figure at HQ',
  async (ext) => {
    const files = ext === 'xlsx' ? DISTRICTS : DISTRICTS.map((f) => renditionOf(converted, f, ext));
    expect(files).toHaveLength(50);
    const page = await openSendPage(browser, { url: pane.url, apiUrl: api.url, key: 'dev-hq', lang: 'th', width: DESKTOP });
    const posts = await sendBatch(page, files);
    expect(posts).toBe(1); // 50 returns bundled into one request (≤100 returns, ≤4 MiB)
    await shot(page, { lang: 'th', width: DESKTOP }, `batch-50-${ext}-sent`);
    await expectAccessible(page, `th-${DESKTOP}-batch-50-${ext}-sent`);
    expectCommunityPlanFigures(await api.client('dev-hq').tallies({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', by: 'hq' }));
    await page.context().close();
  },
  400_000,
);
