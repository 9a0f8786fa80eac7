import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { buildAddin, PANE_BUNDLE_OPTIONS } from '../../scripts/buildAddin';
import { serveAddin } from '../../scripts/serveAddin';
import { machine, median, writeSection } from './report';
import { ALL_SETS } from '../support/excelFake/fakeBook';

const RUNS = 15;

/** The yardstick: a React + Fluent UI v9 page showing one button, bundled with the pane's own esbuild options. */
async function buildHello(dir: string): Promise<{ bytes: number; gzipBytes: number }> {
  await build({ ...PANE_BUNDLE_OPTIONS, entryPoints: [resolve(__dirname, 'hello/helloPane.tsx')], outfile: join(dir, 'hello.js'), sourcemap: false });
  cpSync(resolve(__dirname, 'hello/hello.html'), join(dir, 'hello.html'));
  const js = readFileSync(join(dir, 'hello.js'));
  return { bytes: js.length, gzipBytes: gzipSync(js).length };
}

/**
 * Time to interactive of one page load, measured inside the page: from navigation start to
 * the first moment the primary button (`ตรวจสอบ`) is in the document and enabled, seen by a
 * MutationObserver; and the longest task up to then.
 */
export async function loadOnce(browser: Browser, url: string, standIn: string): Promise<{ tti: number; longest: number; settled: number }> {
  const page = await browser.newPage({ viewport: { width: 350, height: 800 } });
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.addInitScript(`
    window.__FAKE_OFFICE__ = ${JSON.stringify({ grids: [], sets: ALL_SETS, displayLanguage: 'th-TH' })};
    window.__LONGEST__ = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__LONGEST__ = Math.max(window.__LONGEST__, e.duration)))).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      if (window.__TTI__ !== undefined && window.__SETTLED__ !== undefined) return;
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'ตรวจสอบ' && !x.disabled);
      if (b && window.__TTI__ === undefined) window.__TTI__ = performance.now();
      if (window.__SETTLED__ === undefined && document.querySelector('main[data-pane="ready"]')) window.__SETTLED__ = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  `);
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === 'appsforoffice.microsoft.com') return route.fulfill({ contentType: 'text/javascript', body: standIn });
    return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as { __TTI__?: number }).__TTI__ !== undefined);
  // The pane (not the hello page) then loads the rest of itself and glances at the sheet: settled.
  if (url.endsWith('/taskpane.html')) await page.waitForFunction(() => (window as { __SETTLED__?: number }).__SETTLED__ !== undefined, undefined, { timeout: 20_000 });
  await page.waitForTimeout(300); // let the tasks after the first paint report themselves
  const out = await page.evaluate(() => {
    const w = window as { __TTI__?: number; __LONGEST__?: number; __SETTLED__?: number };
    return { tti: w.__TTI__ ?? NaN, longest: w.__LONGEST__ ?? 0, settled: w.__SETTLED__ ?? NaN };
  });
  await page.close();
  return out;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/**
 * The pane beside a React + Fluent "hello" page, in one run: gzipped size, and time to
 * interactive in headless Chromium (median of interleaved loads, so load on the machine
 * weighs on both alike).
 */
export async function addinBench(): Promise<string> {
  const size = await buildAddin();
  const dir = mkdtempSync(join(tmpdir(), 'hello-pane-'));
  const hello = await buildHello(dir);
  const pane = await serveAddin(0);
  const yard = await serveAddin(0, dir);
  const standIn = (await build({ entryPoints: [resolve(__dirname, '../e2e/officeInBrowser.ts')], bundle: true, write: false, format: 'iife', conditions: ['source'], logLevel: 'error' }))
    .outputFiles[0].text;
  const browser = await launchChromium({ wholeBrowser: true });
  const runs = { pane: [] as number[], hello: [] as number[], paneLongest: [] as number[], helloLongest: [] as number[], paneSettled: [] as number[] };
  try {
    await loadOnce(browser, `${pane.url}/taskpane.html`, standIn); // warm-up: the browser's own caches
    await loadOnce(browser, `${yard.url}/hello.html`, standIn);
    for (let i = 0; i < RUNS; i++) {
      const p = await loadOnce(browser, `${pane.url}/taskpane.html`, standIn);
      const h = await loadOnce(browser, `${yard.url}/hello.html`, standIn);
      runs.pane.push(p.tti);
      runs.paneLongest.push(p.longest);
      runs.paneSettled.push(p.settled);
      runs.hello.push(h.tti);
      runs.helloLongest.push(h.longest);
    }
  } finally {
    await browser.close();
    await pane.close();
    await yard.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const [p, h] = [median(runs.pane), median(runs.hello)];
  const load = (await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const body = `## Task pane: size and time to interactive, beside a React + Fluent "hello" page

Command: \`npm run bench -- addin\` (test/bench/addinBench.ts) · ${machine()} · load average ${load} · Debian chromium, headless, 350 px, served from loopback (office.js replaced by the test stand-in) · the two pages loaded in turn, ${RUNS} times each after a warm-up

Time to interactive: from navigation start to the first moment the primary button (ตรวจสอบ) is in the page and enabled, seen from inside the page (a MutationObserver), median of ${RUNS}. The pane's first screen (\`taskpane.js\`) is what the hello page is compared with; the rest of the pane (\`pane.js\`: flows, Excel, API, zod) follows as a module script and takes over where the clerk left it: *settled* is when it has, and has glanced at the open sheet (\`main[data-pane=ready]\`), median of ${RUNS}; the longest task is the page's, up to then. *Whole pane* is every script the pane may load: the first screen, \`pane.js\`, the checker's worker and MSAL (\`msal.js\`, loaded only by a deployment build with Entra settings).

| | first screen (minified) | gzipped | time to interactive | longest task (median) | whole pane, gzipped | settled |
|---|---|---|---|---|---|---|
| the pane (\`addin/src/taskpane.tsx\`, then \`paneMain.tsx\`) | ${kb(size.bytes)} | **${kb(size.gzipBytes)}** | **${p.toFixed(0)} ms** (min ${Math.min(...runs.pane).toFixed(0)}, max ${Math.max(...runs.pane).toFixed(0)}) | ${median(runs.paneLongest).toFixed(0)} ms | ${kb(size.totalGzipBytes)} | ${median(runs.paneSettled).toFixed(0)} ms |
| React + Fluent "hello" (\`test/bench/hello/helloPane.tsx\`) | ${kb(hello.bytes)} | ${kb(hello.gzipBytes)} | ${h.toFixed(0)} ms (min ${Math.min(...runs.hello).toFixed(0)}, max ${Math.max(...runs.hello).toFixed(0)}) | ${median(runs.helloLongest).toFixed(0)} ms | ${kb(hello.gzipBytes)} | |
| **pane ÷ hello** | ${(size.bytes / hello.bytes).toFixed(2)}× | ${(size.gzipBytes / hello.gzipBytes).toFixed(2)}× | **${(p / h).toFixed(2)}×** (target ≤ 1.5×) | | ${(size.totalGzipBytes / hello.gzipBytes).toFixed(2)}× | |
`;
  writeSection('addin', body);
  return body;
}
