import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { FakeOfficeConfig } from './officeInBrowser';
import { cachedPaneBuild } from '../support/cachedPaneBuild';
import { serveAddin } from '../../scripts/serveAddin';
import { startApi, type Api } from '../support/apiHarness';
import { launchChromium } from '../support/browser';

/** Where the browser tests leave their screenshots. */
export const ARTIFACTS = resolve(__dirname, '../../test-artifacts');

/** The pane built with these build settings (one build per content of its sources, shared by the test files), served on a free loopback port. */
export async function servePaneBuild(env: Record<string, string>): Promise<{ url: string; dir: string; close: () => Promise<void> }> {
  const { dir } = await cachedPaneBuild(env);
  const served = await serveAddin(0, dir);
  return { url: served.url, dir, close: () => served.close() };
}

/** The office.js stand-in as one script, served in place of appsforoffice.microsoft.com's. */
export async function bundleOfficeFake(): Promise<string> {
  const out = await build({ entryPoints: [resolve(__dirname, 'officeInBrowser.ts')], bundle: true, write: false, format: 'iife', conditions: ['source'], logLevel: 'error' });
  return out.outputFiles[0].text;
}

/** Waits until a reading of the page's workbook settles on what is expected (the pane's Excel calls are asynchronous). */
export async function eventually<T>(read: () => Promise<T>, expected: unknown, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const got = await read();
    try {
      expect(got).toEqual(expected);
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** How a browser test opens the built pane. */
export interface OpenPane {
  /** The served build's address. */
  url: string;
  /** The workbook and host behind the page. */
  config: FakeOfficeConfig;
  /** The API the pane's development settings point at, and the key they hold. */
  apiUrl: string;
  apiKey: string;
  /** The pane's width (Excel's default task pane is about 350 px) and height. */
  width?: number;
  height?: number;
  /** A pinned clock; without one the page runs on the real clock. */
  now?: Date;
  /** Script run in the page before its own (a string: tsx would wrap named functions in a helper the page lacks). */
  initScript?: string;
  /** False: return as soon as the page is loaded, without waiting for the pane to settle. */
  ready?: boolean;
}

/** Opens the built pane on the office.js stand-in; only loopback traffic is allowed, office.js's address serves the stand-in. */
export async function openPaneIn(browser: Browser, officeFake: string, o: OpenPane): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: o.width ?? 350, height: o.height ?? 800 } });
  if (o.now) await page.clock.setFixedTime(o.now);
  if (o.initScript) await page.addInitScript(o.initScript);
  await page.addInitScript(
    ({ config, apiUrl, apiKey }) => {
      (window as { __FAKE_OFFICE__?: FakeOfficeConfig }).__FAKE_OFFICE__ = config;
      localStorage.setItem('returns-hub.settings', JSON.stringify({ apiUrl, apiKey }));
    },
    { config: o.config, apiUrl: o.apiUrl, apiKey: o.apiKey },
  );
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === 'appsforoffice.microsoft.com') return route.fulfill({ contentType: 'text/javascript', body: officeFake });
    if (host === 'localhost' || host === '127.0.0.1') return route.continue();
    return route.abort();
  });
  await page.goto(`${o.url}/taskpane.html`);
  // The whole pane has taken over from the first screen and glanced at the open sheet: a test's own Excel calls start after its.
  if (o.ready !== false) await page.locator('main[data-pane="ready"]').waitFor();
  return page;
}

/**
 * Watches the page's main thread from before its scripts run: the longest task (Long Tasks
 * API) and the longest input-to-paint delay (Event Timing), read back by `responsiveness`.
 */
export const WATCH_MAIN_THREAD = `
  window.__LONG__ = { task: 0, tasks: 0, event: 0, events: 0, top: [] };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => {
    const w = window.__LONG__;
    w.task = Math.max(w.task, e.duration); w.tasks++;
    w.top.push([Math.round(e.startTime), Math.round(e.duration)]); w.top.sort((a, b) => b[1] - a[1]); w.top.length = Math.min(w.top.length, 3);
  })).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__LONG__.event = Math.max(window.__LONG__.event, e.duration); window.__LONG__.events++; })).observe({ type: 'event', durationThreshold: 16, buffered: true });
`;

/** What the page's main thread went through: the longest task and input delay (ms), how many tasks over 50 ms and inputs over 16 ms, and the three longest tasks ([start, ms], page time). */
export interface MainThread {
  task: number;
  tasks: number;
  event: number;
  events: number;
  top: [number, number][];
}

/** What WATCH_MAIN_THREAD saw since it was last reset. */
export async function responsiveness(page: Page, reset = false): Promise<MainThread> {
  return page.evaluate((r) => {
    const w = window as { __LONG__?: MainThread };
    const seen = { ...w.__LONG__!, top: [...w.__LONG__!.top] };
    if (r) w.__LONG__ = { task: 0, tasks: 0, event: 0, events: 0, top: [] };
    return seen;
  }, reset);
}

/**
 * The page's main-thread tasks as Chromium's trace records them, by thread time: what the
 * pane itself made the thread do, apart from the time it waited for a core. On a machine
 * shared by several test runs a 15 ms task can take 160 ms on the clock; a task that blocks
 * the page takes as long in thread time as on the clock, however busy the machine.
 */
export async function traceMainThread(browser: Browser, page: Page): Promise<{ stop(): Promise<{ cpu: number; wall: number; tasks: number }> }> {
  await browser.startTracing(page, { categories: ['toplevel'] });
  return {
    async stop() {
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      const main = new Set(trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
      const tasks = trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`));
      return {
        cpu: Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000)),
        wall: Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000)),
        tasks: tasks.length,
      };
    },
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * How much slower than a quiet machine the clock runs for the page now: the load average per
 * core, at least 1. Wall-clock budgets are judged against budget × this; thread time is not.
 */
export function slowdown(): number {
  return Math.max(1, loadavg()[0] / availableParallelism());
}

/** What a browser test of the pane runs on: a development build served on loopback, the API on Azurite answering it, the office.js stand-in, Chromium. */
export interface Rig {
  pane: Awaited<ReturnType<typeof servePaneBuild>>;
  api: Api;
  officeFake: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const pane = await servePaneBuild({}); // a development build: API address and key from Settings
  const api = await startApi({ config: { corsOrigins: [pane.url] } });
  const officeFake = await bundleOfficeFake();
  const browser = await launchChromium();
  return {
    pane,
    api,
    officeFake,
    browser,
    close: async () => {
      await browser.close();
      await pane.close();
      await api.close();
    },
  };
}
