import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { ALL_SETS } from '../support/excelFake/fakeBook';
import { sample } from '../support/samples';
import type { FakeOfficeWindow } from '../e2e/officeInBrowser';
import { bundleOfficeFake, servePaneBuild } from '../e2e/paneHarness';
import { cachedPaneBuild } from '../support/cachedPaneBuild';
import { machine, median, writeSection } from './report';

const RUNS = 8;
const ERROR_SAMPLE = sample('community-plan/errors/1017-huai-khwang.xlsx');

const kb = (n: number) => `${Math.round(n / 1024)} KB`;
const gz = (dir: string, files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0);
const raw = (dir: string, files: string[]) => files.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);

export interface Load {
  /** Navigation → the first button the clerk presses is shown (the pane's Check, the page's Choose files). */
  interactive: number;
  /** The 1017 error sample checked: the pane's Check pressed, the page's file chosen → "Errors (2)" shown. */
  firstCheck: number;
  /** Bytes of scripts and pages the browser fetched for it (uncompressed, as the loopback server sends them). */
  fetched: number;
}

/** Counts what a page fetches from our server (not the office.js stand-in). */
function countFetched(page: Page): () => number {
  let bytes = 0;
  page.on('response', (r) => {
    const url = new URL(r.url());
    if ((url.hostname === 'localhost' || url.hostname === '127.0.0.1') && /\.(js|html)$/.test(url.pathname))
      void r.body().then(
        (b) => (bytes += b.length),
        () => undefined,
      );
  });
  return () => bytes;
}

/** Only loopback traffic; office.js, when asked for, is the stand-in. */
function loopbackOnly(page: Page, officeJs?: string) {
  return page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (officeJs !== undefined && host === 'appsforoffice.microsoft.com') return route.fulfill({ contentType: 'text/javascript', body: officeJs });
    return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
  });
}

/** The pane at `url` opened on the 1017 error sample: time to interactive, first check, bytes fetched. */
export async function paneLoad(browser: Browser, url: string, standIn: string, api?: { apiUrl: string; apiKey: string }): Promise<Load> {
  const read = await readWorkbookFile(ERROR_SAMPLE);
  if (!read.ok) throw new Error('sample unreadable');
  const page = await browser.newPage({ viewport: { width: 350, height: 800 } });
  await page.addInitScript((config) => void ((window as FakeOfficeWindow).__FAKE_OFFICE__ = config), { grids: read.grids.filter((g) => g.rows.length > 1), sets: ALL_SETS, displayLanguage: 'th-TH' });
  // With an API: the development pane's Settings point at it (as a clerk's pane has its API).
  if (api) await page.addInitScript((settings) => localStorage.setItem('returns-hub.settings', JSON.stringify(settings)), api);
  await loopbackOnly(page, standIn);
  const fetched = countFetched(page);
  const t0 = Date.now();
  await page.goto(`${url}/taskpane.html`);
  const check = page.getByRole('button', { name: 'ตรวจสอบ', exact: true });
  await check.waitFor({ state: 'visible' });
  const interactive = Date.now() - t0;
  const t1 = Date.now();
  await check.click();
  await page.getByText('ข้อผิดพลาด (2)').waitFor();
  const firstCheck = Date.now() - t1;
  await page.waitForLoadState('networkidle');
  const load = { interactive, firstCheck, fetched: fetched() };
  await page.close();
  return load;
}

async function sendPageLoad(browser: Browser, url: string): Promise<Load> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await loopbackOnly(page);
  const fetched = countFetched(page);
  const t0 = Date.now();
  await page.goto(`${url}/send/`);
  const choose = page.getByRole('button', { name: 'เลือกไฟล์', exact: true });
  await choose.waitFor({ state: 'visible' });
  const interactive = Date.now() - t0;
  const t1 = Date.now();
  await page.setInputFiles('[data-testid=file-input]', [ERROR_SAMPLE]);
  await page.getByText('ข้อผิดพลาด (2)').waitFor();
  const firstCheck = Date.now() - t1;
  await page.waitForLoadState('networkidle');
  const load = { interactive, firstCheck, fetched: fetched() };
  await page.close();
  return load;
}

/**
 * The clerk's web page beside the task pane, measured in one run, turn by turn: what each
 * costs to download (gzipped, as a server sends it), how long until the clerk can press the
 * first button, and how long the first check of the 1017 error sample takes (the page's
 * includes starting its worker and fetching the reader).
 */
export async function sendPageBench(): Promise<string> {
  const load = loadavg()[0];
  const served = await servePaneBuild({});
  const buildDir = served.dir;
  const { size: paneSize } = await cachedPaneBuild({}); // the same build, from the cache
  const standIn = await bundleOfficeFake();
  const browser = await launchChromium({ wholeBrowser: true });
  const pane: Load[] = [];
  const page: Load[] = [];
  try {
    // A warm-up of each, untimed (Chromium's first start of a worker and of a page).
    await paneLoad(browser, served.url, standIn);
    await sendPageLoad(browser, served.url);
    for (let i = 0; i < RUNS; i++) {
      pane.push(await paneLoad(browser, served.url, standIn));
      page.push(await sendPageLoad(browser, served.url));
    }
  } finally {
    await browser.close();
  }
  const send = join(buildDir, 'send');
  const chunks = readdirSync(join(send, 'chunks')).filter((f) => f.endsWith('.js'));
  const sheetJs = chunks.filter((f) => f.startsWith('xlsx-')).map((f) => `chunks/${f}`);
  const xlsxReader = chunks.filter((f) => f.startsWith('readXlsx-') || f.startsWith('chunk-')).map((f) => `chunks/${f}`);
  const weight = {
    // The pane's first screen: its page, taskpane.js and the chunks that imports (the rest of the pane follows it).
    pane: { raw: raw(buildDir, ['taskpane.html']) + paneSize.bytes, gz: gz(buildDir, ['taskpane.html']) + paneSize.gzipBytes },
    page: { raw: raw(send, ['index.html', 'send.js']), gz: gz(send, ['index.html', 'send.js']) },
    worker: { raw: raw(send, ['fileWorker.js', ...xlsxReader]), gz: gz(send, ['fileWorker.js', ...xlsxReader]) },
    sheetJs: { raw: raw(send, sheetJs), gz: gz(send, sheetJs) },
  };
  await served.close();
  const m = (xs: Load[], f: (l: Load) => number) => median(xs.map(f));
  const body = `## The clerk's web page beside the task pane: weight and time to interactive (issue 25)

Command: \`npm run bench -- sendpage\` (test/bench/sendPageBench.ts) · ${machine()} · load average ${load.toFixed(1)} at the start (other engineers' jobs share the 2 cores) · Debian chromium, headless, both served from loopback by \`serveAddin\` (uncompressed; gzipped sizes are what a server such as Static Web Apps sends). Medians of ${RUNS} runs, pane and page in turn in one run, after an untimed warm-up of each. The pane's office.js is the test stand-in (Office's own script is not counted); the pane is measured at 350 px, the page at 1280 px.

| | task pane (\`taskpane.html\`) | web page (\`send/\`) | page ÷ pane |
|---|---|---|---|
| loaded to open it (HTML + scripts of the first screen), gzipped | ${kb(weight.pane.gz)} (${kb(weight.pane.raw)} raw) | ${kb(weight.page.gz)} (${kb(weight.page.raw)} raw) | ${(weight.page.gz / weight.pane.gz).toFixed(2)}× |
| loaded at the first file (the worker with the readers and the checker), gzipped | — (the pane checks in its own bundle) | ${kb(weight.worker.gz)} (${kb(weight.worker.raw)} raw) | |
| loaded only for a .xls or .ods (SheetJS), gzipped | — | ${kb(weight.sheetJs.gz)} (${kb(weight.sheetJs.raw)} raw) | |
| fetched from the server for open + first check (uncompressed) | ${kb(m(pane, (l) => l.fetched))} | ${kb(m(page, (l) => l.fetched))} | |
| **time to interactive** (navigation → first button shown) | **${m(pane, (l) => l.interactive)} ms** | **${m(page, (l) => l.interactive)} ms** | ${(m(page, (l) => l.interactive) / m(pane, (l) => l.interactive)).toFixed(2)}× |
| first check of the 1017 error sample (button / file → "ข้อผิดพลาด (2)") | ${m(pane, (l) => l.firstCheck)} ms | ${m(page, (l) => l.firstCheck)} ms | ${(m(page, (l) => l.firstCheck) / m(pane, (l) => l.firstCheck)).toFixed(2)}× |

Time to interactive, every run (ms): pane ${pane.map((l) => l.interactive).join(', ')}; page ${page.map((l) => l.interactive).join(', ')}.

Neither reaches an API here (the development address refuses the connection, and the client tries again). The page shows the findings of the built-in forms at once and checks the file again if the year's forms arrive; the pane waits for them before its first check, at most \`DEFINITIONS_WAIT_MS\` (3 s), as a clerk's pane with its API out of reach does (once a minute at most: a failed year is not waited for again within \`DEFINITIONS_RETRY_MS\`). With an API on Azurite the pane's first check takes about 0.5 s (the definitions bench, issue 20).
`;
  writeSection('sendpage', body);
  return body;
}
