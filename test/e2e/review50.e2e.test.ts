import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import { t, type Lang } from '@returns-hub/addin/pane/i18n';
import { rt } from '@returns-hub/addin/pane/reviewText';
import { requestFor, type Api } from '../support/apiHarness';
import { sampleFiles } from '../support/samples';
import { ALL_SETS } from '../support/excelFake/fakeBook';
import { ARTIFACTS, button, eventually, openPaneIn, type Rig, servePaneBuild, startRig } from './paneHarness';

/**
 * Headquarters reviewing all 50 districts in the pane at 350 px, on the real clock: a compact
 * list with filters, the opened return's actions in view, a confirmation naming what "accept
 * all without warnings" takes.
 */
const FORM = 'bma-community-plan-return';
const HEIGHT = 800;

let rig: Rig;
let api: Api;
let served: Awaited<ReturnType<typeof servePaneBuild>>;
let browser: Browser;
let officeFake: string;

beforeAll(async () => {
  ({ pane: served, api, officeFake, browser } = rig = await startRig());
  // All 50 districts send their return, ten to a request as headquarters uploads them.
  const files = sampleFiles('community-plan/districts');
  for (let i = 0; i < files.length; i += 10) {
    const reqs: SubmitRequest[] = await Promise.all(files.slice(i, i + 10).map((f) => requestFor(f)));
    await api.client().submit({ fileName: 'districts.xlsx', returns: reqs.flatMap((r) => r.returns) });
  }
  // Some already decided: two sent back, three accepted.
  const key = (orgUnit: string) => ({ form: FORM, fy: 2563, period: 'FY', orgUnit });
  for (const u of ['1003', '1020']) await api.client().sendBack(key(u), { reason: 'ตรวจยอดงบประมาณอีกครั้ง' });
  for (const u of ['1005', '1006', '1007']) await api.client().accept(key(u));
}, 240_000);
afterAll(async () => rig?.close());

async function openHq(lang: Lang): Promise<Page> {
  const page = await openPaneIn(browser, officeFake, {
    url: served.url,
    config: { grids: [], sets: ALL_SETS, displayLanguage: lang === 'th' ? 'th-TH' : 'en-US' },
    apiUrl: api.url,
    apiKey: 'dev-hq',
    height: HEIGHT,
  });
  await page.getByRole('tab', { name: rt(lang, 'reviewTab'), exact: true }).click();
  // Today is in FY 2570, which nobody has sent for: Review opens on the latest year with returns.
  await eventually(() => page.getByLabel(t(lang, 'fiscalYear'), { exact: true }).inputValue(), '2563', 15_000);
  await button(page, rt(lang, 'load')).click();
  await page.getByTestId('review-row').first().waitFor();
  return page;
}

/** The element lies wholly inside the viewport. */
async function inView(l: Locator): Promise<boolean> {
  const box = await l.boundingBox();
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= HEIGHT && box.x + box.width <= 350;
}

const shot = (page: Page, name: string) => page.screenshot({ path: resolve(ARTIFACTS, `e2e-review50-${name}.png`) });

describe.each(['th', 'en'] as const)('headquarters reviewing 50 districts at 350 px (%s)', (lang) => {
  test('the list, filters, a return opened from the end of the list with every action in view, keyboard only', async () => {
    const page = await openHq(lang);
    await page.getByText(`${rt(lang, 'shown')} 50 / 50`, { exact: false }).waitFor();
    // No keys, ids or UTC in what the reviewer reads.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/hq-key|unit-key|Z-[A-Z]\b|T\d\d:\d\d|Z\)/);
    if (lang === 'th') expect(text).toMatch(/เวลา \d\d:\d\d น\./);
    await page.getByText(`${rt(lang, 'shown')} 50 / 50`, { exact: false }).evaluate((e) => e.scrollIntoView({ block: 'start' })); // the list's first rows in the picture
    await shot(page, `${lang}-1-list`);
    await page.evaluate(() => window.scrollTo(0, 0));

    // Sent back first when narrowed to it; zones by name.
    await page.getByLabel(rt(lang, 'filterStatus'), { exact: true }).selectOption('returned');
    await page.getByText(`${rt(lang, 'shown')} 2 / 50`, { exact: false }).waitFor();
    await page.getByLabel(rt(lang, 'filterStatus'), { exact: true }).selectOption('all');

    // Keyboard: into the list, to its end, Enter opens the 50th district.
    await page.locator('[data-testid="review-row"][data-unit="1001"]').focus();
    await page.keyboard.press('End');
    await page.locator('[data-testid="review-row"][data-unit="1050"]').waitFor();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('opened-return');
    await panel.waitFor();
    await panel.getByText('(1050)', { exact: false }).waitFor();
    // Every action the workflow offers here, and closing, is in view; the first is focused.
    const controls = panel.getByRole('button');
    expect(await controls.count()).toBeGreaterThanOrEqual(3);
    for (const c of await controls.all()) expect([await c.innerText(), await inView(c)]).toEqual([await c.innerText(), true]);
    expect(await panel.locator('button[data-action="accept"]').evaluate((b) => b === document.activeElement)).toBe(true);
    await shot(page, `${lang}-2-opened`);

    // Send back opens its fields: they are in view too.
    await panel.getByRole('button', { name: `${rt(lang, 'sendBack')}…` }).click();
    for (const f of [panel.getByLabel(rt(lang, 'reason'), { exact: true }), panel.getByRole('button', { name: rt(lang, 'sendBack'), exact: true })]) expect(await inView(f)).toBe(true);
    await shot(page, `${lang}-3-send-back-open`);
    await page.close();
  }, 120_000);

  test('accept all without warnings: a confirmation naming each return first; then exactly those are accepted', async () => {
    const page = await openHq(lang);
    const all = button(page, `${rt(lang, 'acceptAllClean')} (45)`);
    await all.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const names = await dialog.getByTestId('bulk-accept-names').locator('li').allInnerTexts();
    expect(names).toHaveLength(45);
    expect(names.some((n) => n.includes('(1003)') || n.includes('(1005)'))).toBe(false); // sent back, or accepted already
    await page.waitForTimeout(400); // the dialog's opening transition
    await shot(page, `${lang}-4-bulk-confirm`);
    await dialog.getByRole('button', { name: rt(lang, 'cancel') }).click();
    await dialog.waitFor({ state: 'detached' });
    if (lang === 'en') {
      await all.click();
      await page.getByRole('dialog').getByRole('button', { name: 'Accept 45' }).click();
      await page.getByText('45 accepted.').waitFor();
      await page.getByLabel(rt(lang, 'filterStatus'), { exact: true }).selectOption('accepted');
      await page.getByText(`${rt(lang, 'shown')} 48 / 50`, { exact: false }).waitFor();
      await shot(page, `${lang}-5-accepted`);
    }
    await page.close();
  }, 120_000);
});
