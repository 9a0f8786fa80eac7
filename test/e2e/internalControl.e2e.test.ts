import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { parseA1 } from '@returns-hub/shared/sheet/address';
import { t, type Lang } from '@returns-hub/addin/pane/i18n';
import { sampleFiles } from '../support/samples';
import { ALL_SETS } from '../support/excelFake/fakeBook';
import { formsInternalControl } from '../support/formsTables';
import type { FakeOfficeWindow } from './officeInBrowser';
import { ARTIFACTS, button, openPaneIn, type Rig, startRig } from './paneHarness';

/**
 * Form 5 (`codi-internal-control`, a form made as data only) through the task pane: each of the
 * 17 CODI units' sheets opened in the pane on the office.js stand-in, checked and sent to the API
 * on Azurite; then Pull writes CODI's table by risk level into the workbook, and the report
 * sheet's rows are FORMS.md's table (58 · 46 · 42 plans assessed, with control, residual risk).
 * Only waits on what the page shows; nothing measures time.
 */
const FORM_TITLE = { th: 'รายงานผลการดำเนินการควบคุมภายใน', en: 'Internal control and risk return' };
/** The samples are Q2 of FY 2563; a clock in June 2020 makes the pane's years start at 2563. */
const NOW = new Date('2020-06-15T03:00:00Z');
/** FORMS.md shows 0 as `–`; an empty cell on the sheet is a 0 too. */
const asShown = (v: unknown) => (v === undefined || v === '' || Number(v) === 0 ? '–' : Number(v).toLocaleString('en-US'));

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 180_000);
afterAll(async () => rig?.close());

async function openOn(path: string, lang: Lang): Promise<Page> {
  const read = await readWorkbookFile(path);
  if (!read.ok) throw new Error(`sample unreadable: ${path}`);
  const grids = read.grids.filter((g) => g.rows.length > 1);
  const page = await openPaneIn(rig.browser, rig.officeFake, {
    url: rig.pane.url,
    config: { grids, sets: ALL_SETS, displayLanguage: lang === 'th' ? 'th-TH' : 'en-US' },
    apiUrl: rig.api.url,
    apiKey: 'dev-hq',
    now: NOW,
  });
  await page.getByRole('tab', { name: t(lang, 'checkTab') }).waitFor();
  return page;
}

/** The report sheet's rows as [first cell, …figures], read from the stand-in's workbook. */
async function sheetRows(page: Page, name: string): Promise<unknown[][]> {
  const { values } = await page.evaluate((n) => (window as FakeOfficeWindow).__BOOK__!.describe(n), name);
  const rows = new Map<number, unknown[]>();
  for (const [cell, v] of Object.entries(values)) {
    const { row: r, col: c } = parseA1(cell)!;
    const row = rows.get(r) ?? [];
    row[c] = v;
    rows.set(r, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => Array.from(r));
}

/** Pull in the pane: Form 5, FY 2563, Q2, all of CODI (its risk-level layout); returns the report sheet's name (the pane says it). */
async function pullForm5(page: Page, lang: Lang): Promise<string> {
  await page.getByRole('tab', { name: t(lang, 'pullTab') }).click();
  await page.getByRole('combobox', { name: t(lang, 'form'), exact: true }).click();
  await page.getByRole('listbox').getByRole('option', { name: FORM_TITLE[lang], exact: true }).click();
  await page.getByLabel(t(lang, 'fiscalYear'), { exact: true }).selectOption('2563');
  await page.getByLabel(t(lang, 'period'), { exact: true }).selectOption('Q2');
  await page.getByLabel(t(lang, 'groupBy'), { exact: true }).selectOption('hq'); // CODI as a whole: FORMS.md's table
  await button(page, t(lang, 'pull')).click();
  await page.getByTestId('tally-summary').waitFor({ timeout: 60_000 });
  const names = await page.evaluate(() => (window as FakeOfficeWindow).__BOOK__!.sheets.map((s) => s.name));
  const name = names.find((n) => n.startsWith('ควบคุมภายใน'));
  if (!name) throw new Error(`no report sheet among ${names.join(', ')}`);
  await page.getByText(lang === 'th' ? `เขียนยอดรวมลงชีต “${name}” แล้ว` : `Totals written to the sheet “${name}”.`).waitFor();
  return name;
}

/** The table by risk level as the sheet shows it: level → assessed | with control | residual (`รวม`: the total row). */
function byLevel(rows: unknown[][]): Map<string, string[]> {
  const wanted = new Set(formsInternalControl().keys());
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const at = r.findIndex((v) => v !== undefined); // the row's first cell: its level, or `รวม`
    if (at >= 0 && wanted.has(String(r[at]))) out.set(String(r[at]), r.slice(at + 1, at + 4).map(asShown));
  }
  return out;
}

describe('Form 5 through the task pane (office.js stand-in, API on Azurite)', () => {
  test("the 17 CODI units' sheets checked and sent from the pane; Pull writes CODI's table by risk level (58 · 46 · 42)", async () => {
    const files = sampleFiles('internal-control');
    expect(files).toHaveLength(17);
    for (const file of files) {
      const page = await openOn(file, 'th');
      await button(page, t('th', 'check')).click();
      await page.getByText(t('th', 'clean')).waitFor({ timeout: 60_000 });
      await page.getByRole('tab', { name: t('th', 'sendTab') }).click();
      await button(page, t('th', 'send')).click();
      await page
        .getByTestId('receipt')
        .getByText(`${t('th', 'version')} 1`)
        .waitFor({ timeout: 60_000 });
      await page.close();
    }
    // What the API holds: 17 of 17 CODI units for Q2 FY 2563.
    const completeness = await rig.api.client().completeness({ form: 'codi-internal-control', fy: 2563, period: 'Q2' });
    expect([completeness.expected, completeness.received]).toEqual([17, 17]);

    const page = await openOn(files[0], 'th');
    const name = await pullForm5(page, 'th');
    const rows = await sheetRows(page, name);
    expect(byLevel(rows)).toEqual(formsInternalControl());
    expect(byLevel(rows).get('รวม')).toEqual(['58', '46', '42']);
    await page.screenshot({ path: resolve(ARTIFACTS, 'e2e-th-form5-pulled.png'), fullPage: true });
    await page.close();
  }, 600_000);

  test('the same table in an English pane: the figures do not depend on the language', async () => {
    const page = await openOn(sampleFiles('internal-control')[0], 'en');
    const name = await pullForm5(page, 'en');
    expect(byLevel(await sheetRows(page, name))).toEqual(formsInternalControl());
    await page.screenshot({ path: resolve(ARTIFACTS, 'e2e-en-form5-pulled.png'), fullPage: true });
    await page.close();
  }, 120_000);
});
