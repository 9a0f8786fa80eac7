import { basename } from 'node:path';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import { BUILT_IN, BUILT_IN_SOURCE, UNITS } from '../support/builtIn';

const formById = (id: string) => BUILT_IN.formById(id);
import { consolidateReturns, contributionOf } from '@returns-hub/shared/consolidate/consolidateReturns';
import type { Issue } from '@returns-hub/shared/issues/issue';
import type { Grid } from '@returns-hub/shared/sheet/grid';
import { clearHighlights, highlightIssues, selectCell, HIGHLIGHT } from '@returns-hub/addin/excel/highlights';
import { insertBlankForm, LISTS_SHEET } from '@returns-hub/addin/excel/insertBlankForm';
import { chunkRowsByBytes, writeTallySheet } from '@returns-hub/addin/excel/writeTallySheet';
import { fakeExcel, installExcelEnums, readGrid } from '../support/excelFake/fakeExcel';
import { FakeBook } from '../support/excelFake/fakeBook';
import { FakeContext } from '../support/excelFake/fakeContext';
import { sampleFiles, sample } from '../support/samples';

beforeAll(installExcelEnums);

const allIssues = (grids: Parameters<typeof checkSheets>[0]) =>
  checkSheets(grids, BUILT_IN_SOURCE)
    .flatMap((s) => [...s.issues, ...s.returns.flatMap((r) => r.issues)])
    // Excel computes every formula; only a file no spreadsheet saved has an uncomputed one.
    .filter((i) => i.code !== 'cell.uncomputed')
    .map((i: Issue) => `${i.severity} ${i.code} ${i.cell}`)
    .sort();

const SAMPLES = ['community-plan/districts', 'community-plan/layouts', 'community-plan/errors', 'codi-kpi', 'project-progress', 'welfare'].flatMap(sampleFiles);
const FULL = { mergedAreas: true, nullObjects: true };

async function gridOf(path: string): Promise<Grid> {
  const r = await readWorkbookFile(sample(path));
  if (!r.ok) throw new Error('unreadable');
  return r.grids.find((g) => g.rows.length > 1)!;
}

describe('reading a sheet through office.js (the fake)', () => {
  test.each(SAMPLES.map((f) => [basename(f), f]))('%s: same findings as the CLI, in two syncs (the used range, its cells)', async (_n, file) => {
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error('sample unreadable');
    for (const grid of read.grids) {
      const { book, context } = fakeExcel([grid]);
      const { read: got, grid: back } = await readGrid(context, FULL);
      if (!got.ok) throw new Error(got.issue.message_en);
      expect(book.syncs).toBe(got.rows ? 2 : 1);
      expect(got.sheetId).toBe(book.sheets[0].id);
      expect(allIssues([back])).toEqual(allIssues([grid]));
      expect(checkSheets([back], BUILT_IN_SOURCE).map((s) => s.returns.map((r) => [r.formId, r.orgUnit, r.period]))).toEqual(
        checkSheets([grid], BUILT_IN_SOURCE).map((s) => s.returns.map((r) => [r.formId, r.orgUnit, r.period])),
      );
    }
  });

  test('on Excel 2016 (ExcelApi 1.1): the used range without null objects, no merged areas, same return read', async () => {
    const grid = await gridOf('community-plan/districts/1045.xlsx');
    const { book, context } = fakeExcel([grid], { sets: { ExcelApi: '1.1' } });
    const { read: got, grid: back } = await readGrid(context, { mergedAreas: false, nullObjects: false });
    if (!got.ok) throw new Error(got.issue.message_en);
    expect(got.mergesUnknown).toBe(true);
    expect(book.syncs).toBe(2);
    expect(checkSheets([back], BUILT_IN_SOURCE)[0].returns.map((r) => [r.formId, r.orgUnit])).toEqual([['bma-community-plan-return', '1045']]);
  });

  test('an empty sheet reads as an empty grid, with and without null objects', async () => {
    for (const nullObjects of [true, false]) {
      const { context } = fakeExcel([{ sheet: 'Empty', rows: [], merges: [] }]);
      const { read: got, grid } = await readGrid(context, { mergedAreas: nullObjects, nullObjects });
      expect(got.ok && grid.rows.flat().filter(Boolean).length).toBe(0);
    }
  });

  test('a sheet is read by its id after it was renamed, under its new name', async () => {
    const { book, context } = fakeExcel([await gridOf('community-plan/districts/1045.xlsx')]);
    const id = book.sheets[0].id;
    book.addSheet('Other');
    book.activate('Other');
    book.rename(book.sheets[0].name, 'เขตวังทองหลาง');
    const { read: got, grid } = await readGrid(context, { ...FULL, sheetId: id });
    expect(got.ok && grid.sheet).toBe('เขตวังทองหลาง');
  });
});

describe('highlights', () => {
  const sheet = 'แบบรายงาน 1';
  const issues: Issue[] = [
    { severity: 'warning', code: 'a', cell: `'${sheet}'!C12`, message_th: '', message_en: '' },
    { severity: 'error', code: 'b', cell: `'${sheet}'!C13`, message_th: '', message_en: '' },
    { severity: 'warning', code: 'c', cell: `'${sheet}'!C13`, message_th: '', message_en: '' },
    { severity: 'info', code: 'd', cell: `'${sheet}'!A1`, message_th: '', message_en: '' },
  ];
  function withUserFill() {
    const book = new FakeBook();
    const s = book.addSheet(sheet);
    book.cellForWrite(s, 11, 2).fill = { color: '#00B0F0', pattern: 'Solid' }; // C12: a fill the user had
    book.cellForWrite(s, 13, 2).fill = { color: '#FFFFFF', pattern: 'Solid' }; // C14: a white fill
    return { book, s, context: new FakeContext(book) };
  }

  test('errors and warnings are filled (errors win), in two syncs; clearing restores each previous fill in one', async () => {
    const { book, s, context } = withUserFill();
    const saved = await highlightIssues(context, s.id, issues, { fillPattern: true });
    expect(book.syncs).toBe(2);
    expect(saved.map((x) => [x.cell, x.pattern])).toEqual([
      ['C12', 'Solid'],
      ['C13', 'None'],
    ]);
    expect([book.fillAt(sheet, 'C12').color, book.fillAt(sheet, 'C13').color, book.fillAt(sheet, 'A1').pattern]).toEqual([HIGHLIGHT.warning, HIGHLIGHT.error, 'None']);

    book.rename(sheet, 'ส่งแล้ว'); // the clerk renames the sheet before clearing
    await clearHighlights(context, saved);
    expect(book.syncs).toBe(3);
    expect(book.fillAt('ส่งแล้ว', 'C12')).toEqual({ color: '#00B0F0', pattern: 'Solid' });
    expect(book.fillAt('ส่งแล้ว', 'C13').pattern).toBe('None'); // no fill stays no fill
  });

  test('before ExcelApi 1.9 (no fill pattern): white counts as no fill', async () => {
    const { book, s, context } = withUserFill();
    const saved = await highlightIssues(context, s.id, [{ ...issues[1], cell: `'${sheet}'!C14` }], { fillPattern: false });
    expect(saved[0].pattern).toBeNull();
    await clearHighlights(context, saved);
    expect(book.fillAt(sheet, 'C14').pattern).toBe('None');
    expect(book.used.has('RangeFill.pattern')).toBe(false);
  });

  test('clicking a finding selects its cell on the checked sheet, found by id', async () => {
    const { book, s, context } = withUserFill();
    book.addSheet('Other');
    book.activate('Other');
    book.rename(sheet, 'renamed');
    await selectCell(context, s.id, 'C13');
    expect(book.selection).toEqual({ sheetId: s.id, cell: 'C13' });
    expect(book.activeSheet.name).toBe('renamed');
    expect(book.syncs).toBe(1);
  });
});

describe('insert blank form', () => {
  const form = formById('bma-community-plan-return')!;

  test('a new sheet under a unique name, with dropdowns, activated; a second insert gets the next name', async () => {
    const { book, context } = fakeExcel([]);
    const first = await insertBlankForm(context, form, { dropdowns: true, units: UNITS.all });
    const second = await insertBlankForm(context, form, { dropdowns: true, units: UNITS.all });
    expect(first.syncs).toBe(2);
    expect(first.sheet).toBe('แบบรายงานผลการดำเนินงาน');
    expect(second.sheet).toBe('แบบรายงานผลการดำเนินงาน (2)');
    expect(book.activeSheet.name).toBe(second.sheet);
    expect(book.sheet(LISTS_SHEET)?.visibility).toBe('Hidden');
    expect([...book.sheet(second.sheet)!.validations.values()].map((r) => JSON.stringify(r))).toEqual([
      JSON.stringify({ list: { inCellDropDown: true, source: `='${LISTS_SHEET}'!$A$1:$A$50` } }),
      JSON.stringify({ list: { inCellDropDown: true, source: 'ใช่,ไม่ใช่' } }),
    ]);
    expect(book.valueAt(second.sheet, 'A1')).toBe(form.title_th);
  });

  test('on a host without data validation: the sheet, no dropdowns and no list sheet', async () => {
    const { book, context } = fakeExcel([], { sets: { ExcelApi: '1.1' } });
    const out = await insertBlankForm(context, form, { dropdowns: false, units: UNITS.all });
    expect(out.dropdowns).toBe(false);
    expect(book.sheet(LISTS_SHEET)).toBeUndefined();
    expect(book.sheet(out.sheet)?.validations.size).toBe(0);
  });
});

describe('writing tallies (the report sheet; its cells against the CLI workbook: test/report/writersAgree.test.ts)', () => {
  async function codiTally(by: 'region' | 'hq' = 'region') {
    const form = formById('codi-quarterly-kpi')!;
    const grids = (await Promise.all(sampleFiles('codi-kpi').map(readWorkbookFile))).flatMap((r) => (r.ok ? r.grids : []));
    const entries = checkSheets(grids, BUILT_IN_SOURCE)
      .flatMap((s) => s.returns)
      .map((r) => ({ orgUnit: r.orgUnit!, fiscalYear: r.fiscalYear!, period: r.period!, subject: null, submittedAt: '', contribution: contributionOf(r, form) }));
    return consolidateReturns(form, UNITS, entries, { fiscalYear: 2563, period: 'Q2', by });
  }
  const completeness = { formId: 'codi-quarterly-kpi', fiscalYear: 2563, period: 'Q2', dueDate: '2020-04-15', expected: 5, received: 5, onTime: 0, late: 5, missing: [] };

  test('a new sheet: names not ids, status words with their colours, a chart, completeness, in two syncs', async () => {
    const tally = await codiTally();
    const { book, context } = fakeExcel([]);
    const out = await writeTallySheet(context, tally, completeness, BUILT_IN);
    expect([out.syncs, book.syncs]).toEqual([2, 2]);
    expect(out.sheet).toBe('ตัวชี้วัดรายภาค ไตรมาส 2-2563');
    const ws = book.sheet(out.sheet)!;
    const values = Object.values(book.describe(out.sheet).values).map(String);
    expect(values).toContain('เหนือ');
    expect(values).toContain('5.1 ผู้นำที่ได้รับการพัฒนาศักยภาพ (หน่วยนับ: คน)');
    expect(values.some((v) => v.includes('ยังไม่ส่ง'))).toBe(true);
    expect(ws.charts.map((c) => c.type)).toEqual(['ColumnClustered']); // 5 regions: columns, with the 80 % and 100 % lines
    expect(book.activeSheet.id).toBe(ws.id);
    const status = await writeTallySheet(context, await codiTally('hq'), completeness, BUILT_IN);
    expect(book.sheet(status.sheet)!.conditionalFormats.map((c) => c.text)).toEqual(['เขียว', 'เหลือง', 'แดง']);
  });

  test('refresh rewrites the same sheet; a smaller tally leaves no stale cell', async () => {
    const { book, context } = fakeExcel([]);
    const big = await codiTally('region');
    const out = await writeTallySheet(context, big, completeness, BUILT_IN);
    const small = { ...big, groups: big.groups.slice(0, 1) };
    await writeTallySheet(context, small, null, BUILT_IN);
    expect(book.sheets.filter((s) => s.name === out.sheet)).toHaveLength(1);
    const fresh = fakeExcel([]);
    await writeTallySheet(fresh.context, small, null, BUILT_IN);
    expect(book.describe(out.sheet).values).toEqual(
      Object.fromEntries(Object.entries(fresh.book.describe(out.sheet).values).map(([k, v]) => [k, k === 'A5' ? book.describe(out.sheet).values.A5 : v])),
    );
  });

  test('the report date is today in Bangkok, also before 07:00 (UTC is still yesterday then)', async () => {
    const { book, context } = fakeExcel([]);
    const out = await writeTallySheet(context, await codiTally(), null, BUILT_IN, { now: new Date('2020-06-14T20:30:00Z') }); // 03:30 on 15 June in Bangkok
    expect(Math.floor(Number(book.valueAt(out.sheet, 'A5')))).toBe(Date.UTC(2020, 5, 15) / 86_400_000 + 25569);
  });

  test('large tallies are written in batches under the 5 MB request limit, one sync each', async () => {
    const tally = await codiTally();
    const { book, context } = fakeExcel([]);
    const out = await writeTallySheet(context, tally, null, BUILT_IN, { maxBytes: 2_000 }); // a tiny limit forces several batches
    expect(
      chunkRowsByBytes(
        Array.from({ length: 30 }, () => ['x']),
        1,
      ),
    ).toHaveLength(30);
    expect(out.syncs).toBeGreaterThan(2);
    expect(book.syncs).toBe(out.syncs);
  });
});
