import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { Lang } from '@returns-hub/addin/text/bilingual';
import { st, type SendTextKey } from '@returns-hub/addin/send/sendText';
import { ARTIFACTS } from './paneHarness';

/** The widths the page is tried at: a desktop, and a phone. */
export const DESKTOP = 1280;
export const PHONE = 360;

/** Where axe-core's findings of every state checked are listed, a line a state (serious and critical ones fail the test; the rest are kept for the report). */
export const AXE_LOG = resolve(ARTIFACTS, 'send-axe.jsonl');

export interface SendPageOptions {
  url: string;
  apiUrl: string;
  lang: Lang;
  width: number;
  /** A development key (the page's sign-in in a development build); none: signed out. */
  key?: string;
  /** A pinned clock; without it the page runs on the real one. */
  now?: Date;
}

/** Opens the clerk's page in a fresh context (its own storage), only loopback traffic allowed. */
export async function openSendPage(browser: Browser, o: SendPageOptions): Promise<Page> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: o.width, height: 900 } });
  const page = await context.newPage();
  if (o.now) await page.clock.setFixedTime(o.now);
  await page.addInitScript(
    ({ apiUrl, key, lang }) => {
      localStorage.setItem('returns-hub.settings', JSON.stringify({ apiUrl, apiKey: key }));
      localStorage.setItem('returns-hub.send.lang', lang);
    },
    { apiUrl: o.apiUrl, key: o.key ?? '', lang: o.lang },
  );
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
  });
  await page.goto(`${o.url}/send/`);
  await page.getByTestId('drop-zone').waitFor();
  return page;
}

export const text = (lang: Lang, key: SendTextKey) => st(lang, key);

export async function chooseFiles(page: Page, paths: string[]): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', paths);
}

/** Drops files on the page's drop zone, as a clerk drags them from the file manager. */
export async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), data: readFileSync(p).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer });
}

/** No sideways scrolling of the page itself (the sheet scrolls inside its own box). */
export async function expectNoSideScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** A screenshot of a state, named for the guides that reuse them: `send-<lang>-<width>-<state>.png`. */
export async function shot(page: Page, o: { lang: Lang; width: number }, state: string): Promise<string> {
  await page.waitForTimeout(200); // Fluent's transitions
  await expectNoSideScroll(page);
  const name = `send-${o.lang}-${o.width}-${state}.png`;
  await page.screenshot({ path: resolve(ARTIFACTS, name), fullPage: true });
  return name;
}

/**
 * axe-core on the page as it stands (WCAG 2.1 A and AA rules, and best practices), or on the part
 * `within` selects (a state that passes too quickly for a whole-page scan): no serious or critical
 * violation. Every state checked is appended to AXE_LOG with its violations, whatever their impact,
 * and what axe could not decide alone (its "incomplete": left to a person to review).
 */
export async function expectAccessible(page: Page, state: string, within?: string): Promise<void> {
  // axe.run in the page itself ("legacy mode"): by default the builder merges the frames' results in
  // a blank page it opens for each scan, which took half of each scan's time; the page has no frame
  // from another origin, the one kind this mode leaves out (axe would report it as untested).
  // Every node only for what is read below (violations, what is left to review); of the rules passed
  // and not applicable, one node each: their nodes, serialized and checked by Playwright, were a
  // sixth of this file's CPU.
  const builder = new AxeBuilder({ page })
    .options({ resultTypes: ['violations', 'incomplete'] }) // before withTags, which it would replace
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode();
  const result = await (within ? builder.include(within) : builder).analyze();
  expect(result.passes.length).toBeGreaterThan(within ? 0 : 10); // axe ran over the page's content
  const found = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  const toReview = result.incomplete.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.length,
    why: [...(v.nodes[0]?.any ?? []), ...(v.nodes[0]?.all ?? []), ...(v.nodes[0]?.none ?? [])][0]?.message,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
  appendFileSync(AXE_LOG, JSON.stringify({ state, rulesPassed: result.passes.length, violations: found, toReview }) + '\n');
  expect(found.filter((f) => f.impact === 'serious' || f.impact === 'critical')).toEqual([]);
}
