import { resolve } from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from '../support/browser';
import { buildAddin } from '../../scripts/buildAddin';
import { serveAddin } from '../../scripts/serveAddin';
import { machine, median, writeSection } from './report';
import { ALL_SETS } from '../support/excelFake/fakeBook';
import type { FakeOfficeWindow } from '../e2e/officeInBrowser';

/** The pane's bundle size (gzipped) and time to interactive in headless Chromium (navigation → the Check button enabled). */
export async function addinBench(): Promise<string> {
  const size = await buildAddin();
  const pane = await serveAddin(0);
  const standIn = (await build({ entryPoints: [resolve(__dirname, '../e2e/officeInBrowser.ts')], bundle: true, write: false, format: 'iife', conditions: ['source'] })).outputFiles[0].text;
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < 8; i++) {
      const page = await browser.newPage();
      await page.addInitScript((config) => void ((window as FakeOfficeWindow).__FAKE_OFFICE__ = config), { grids: [], sets: ALL_SETS, displayLanguage: 'th-TH' });
      await page.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === 'appsforoffice.microsoft.com') return route.fulfill({ contentType: 'text/javascript', body: standIn });
        return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
      });
      const t0 = Date.now();
      await page.goto(`${pane.url}/taskpane.html`);
      await page.getByRole('button', { name: 'ตรวจสอบ', exact: true }).waitFor({ state: 'visible' });
      times.push(Date.now() - t0);
      await page.close();
    }
  } finally {
    await browser.close();
    await pane.close();
  }
  const body = `## Task pane: size and time to interactive

Command: \`npm run bench\` (test/bench/addinBench.ts) · ${machine()} · Debian chromium, headless, served from loopback (office.js replaced by the test fake)

| measure | value |
|---|---|
| taskpane.js (esbuild, minified: React, Fluent UI v9, MSAL, custom functions, shared core) | ${(size.bytes / 1024).toFixed(0)} KB, **${(size.gzipBytes / 1024).toFixed(0)} KB gzipped** |
| time to interactive (navigation → Check button shown), median of 8 | **${median(times)} ms** (min ${Math.min(...times)}, max ${Math.max(...times)}) |
`;
  writeSection('addin', body);
  return body;
}
