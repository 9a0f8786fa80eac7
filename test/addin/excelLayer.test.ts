/* eslint-disable @typescript-eslint/no-explicit-any -- office.js stand-in: to be replaced by one typed office.js fake (issue 11) */
import { basename } from 'node:path';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import { formById } from '@returns-hub/shared/forms/index';
import { consolidateReturns, contributionOf } from '@returns-hub/shared/consolidate/consolidateReturns';
import { TALLY_COLUMNS } from '@returns-hub/shared/consolidate/tallyTable';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { readActiveSheet } from '@returns-hub/addin/excel/readActiveSheet';
import { clearHighlights, highlightIssues, selectCell, HIGHLIGHT } from '@returns-hub/addin/excel/highlights';
import { chunkRowsByBytes, tallySheetName, tallyTableName, writeTallySheet } from '@returns-hub/addin/excel/writeTallySheet';
import { installExcelEnums, mockWorkbook } from '../support/excelMock';
import { sampleFiles, sample } from '../support/samples';

beforeAll(installExcelEnums);

const allIssues = (grids: Parameters<typeof checkSheets>[0]) =>
  checkSheets(grids)
    .flatMap((s) => [...s.issues, ...s.returns.flatMap((r) => r.issues)])
    // Excel computes every formula; only a file no spreadsheet saved has an uncomputed one.
    .filter((i) => i.code !== 'cell.uncomputed')
    .map((i: Issue) => `${i.severity} ${i.code} ${i.cell}`)
    .sort();

const SAMPLES = ['community-plan/districts', 'community-plan/layouts', 'community-plan/errors', 'codi-kpi', 'project-progress', 'welfare'].flatMap(sampleFiles);

describe('reading the active sheet through office.js (office-addin-mock)', () => {
  test.each(SAMPLES.map((f) => [basename(f), f]))('%s: same findings as the CLI, in one sync', async (_n, file) => {
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error('sample unreadable');
    for (const grid of read.grids) {
      const { context, rec } = mockWorkbook({ active: grid });
      const got = await readActiveSheet(context);
      expect(rec.syncs).toBe(1);
      if (!got.ok) throw new Error(got.issue.message_en);
      expect(allIssues([got.grid])).toEqual(allIssues([grid]));
      expect(checkSheets([got.grid]).map((s) => s.returns.map((r) => [r.formId, r.orgUnit, r.period]))).toEqual(checkSheets([grid]).map((s) => s.returns.map((r) => [r.formId, r.orgUnit, r.period])));
    }
  });

  test('an empty sheet reads as an empty grid', async () => {
    const { context } = mockWorkbook({ active: { sheet: 'Empty', rows: [], merges: [] } });
    const got = await readActiveSheet(context);
    expect(got.ok && got.grid.rows.length).toBe(0);
  });
});

describe('highlights', () => {
  const issues: Issue[] = [
    { severity: 'warning', code: 'a', cell: "'แบบรายงาน 1'!C12", message_th: '', message_en: '' },
    { severity: 'error', code: 'b', cell: "'แบบรายงาน 1'!C13", message_th: '', message_en: '' },
    { severity: 'warning', code: 'c', cell: "'แบบรายงาน 1'!C13", message_th: '', message_en: '' },
    { severity: 'info', code: 'd', cell: "'แบบรายงาน 1'!A1", message_th: '', message_en: '' },
  ];

  test('errors and warnings are filled (errors win), in two syncs; clearing restores each previous fill in one', async () => {
    const { context, rec } = mockWorkbook();
    const ws = (context.workbook.worksheets as any).byName('แบบรายงาน 1');
    const c12 = ws.getRange('C12');
    c12.format.fill.color = '#00B0F0'; // a fill the user had
    c12.format.fill.pattern = 'Solid';
    const saved = await highlightIssues(context, issues);
    expect(rec.syncs).toBe(2);
    expect(saved.map((s) => [s.cell, s.pattern])).toEqual([
      ['C12', 'Solid'],
      ['C13', 'None'],
    ]);
    expect(ws.getRange('C12').format.fill.color).toBe(HIGHLIGHT.warning);
    expect(ws.getRange('C13').format.fill.color).toBe(HIGHLIGHT.error);
    expect([...rec.ranges.keys()].some((k) => k.endsWith('|A1'))).toBe(false); // info is not highlighted

    await clearHighlights(context, saved);
    expect(rec.syncs).toBe(3);
    expect(ws.getRange('C12').format.fill.color).toBe('#00B0F0');
    expect(ws.getRange('C13').format.fill.cleared).toBe(true); // no fill stays no fill
  });

  test('clicking an issue selects its cell', async () => {
    const { context, rec } = mockWorkbook();
    await selectCell(context, "'แบบรายงาน 1'!C13");
    expect((context.workbook.worksheets as any).byName('แบบรายงาน 1').getRange('C13').selected).toBe(true);
    expect(rec.syncs).toBe(1);
  });
});

describe('writing tallies', () => {
  async function codiTally() {
    const form = formById('codi-quarterly-kpi')!;
    const grids = (await Promise.all(sampleFiles('codi-kpi').map(readWorkbookFile))).flatMap((r) => (r.ok ? r.grids : []));
    const entries = checkSheets(grids)
      .flatMap((s) => s.returns)
      .map((r) => ({ orgUnit: r.orgUnit!, fiscalYear: r.fiscalYear!, period: r.period!, subject: null, submittedAt: '', contribution: contributionOf(r, form) }));
    return consolidateReturns(form, entries, { fiscalYear: 2563, period: 'Q2', by: 'region' });
  }
  const completeness = { formId: 'codi-quarterly-kpi', fiscalYear: 2563, period: 'Q2', dueDate: '2020-04-15', expected: 5, received: 5, onTime: 0, late: 5, missing: [] };

  test('a new sheet: table, formats, traffic lights, chart, completeness, in two syncs', async () => {
    const tally = await codiTally();
    const { context, rec } = mockWorkbook();
    const out = await writeTallySheet(context, tally, completeness);
    expect([out.syncs, rec.syncs]).toEqual([2, 2]);
    expect(rec.added).toEqual([tallySheetName(tally)]);
    const ws = (context.workbook.worksheets as any).byName(out.sheet);
    const header = ws.getRangeByIndexes(2, 0, 1, TALLY_COLUMNS.length).values[0];
    expect(header.slice(0, 7)).toEqual(['รหัสหน่วยงาน', 'หน่วยงาน', 'ส่งแล้ว', 'ทั้งหมด', 'รหัสตัวชี้วัด', 'ตัวชี้วัด', 'ค่า']);
    const rows = ws.getRangeByIndexes(3, 0, 30, TALLY_COLUMNS.length).values as unknown[][];
    expect(rows).toHaveLength(30); // 5 regions × 6 KPIs
    const north51 = rows.find((r) => r[0] === 'N' && r[4] === '5.1')!;
    expect(north51[6]).toBe(420);
    const valueFormats = ws.getRangeByIndexes(3, 6, 30, 1).numberFormat as string[][];
    expect(valueFormats[0][0]).toContain('th-TH');
    expect(ws.getRange('A2').numberFormat[0][0]).toContain('107'); // Buddhist Era
    expect(rec.tables[out.sheet][0].name).toBe(tallyTableName(tally));
    const cfs = ws.getRangeByIndexes(
      3,
      TALLY_COLUMNS.findIndex((c) => c.key === 'status'),
      30,
      1,
    ).conditionalFormats.items;
    expect(cfs.map((c: any) => c.textComparison.rule.text)).toEqual(['green', 'yellow', 'red']);
    expect(rec.charts[out.sheet]).toHaveLength(1);
    expect(rec.charts[out.sheet][0].type).toBe('ColumnClustered');
  });

  test('refresh rewrites the same sheet and resizes the same table (formulas that point at it keep working)', async () => {
    const tally = await codiTally();
    const { context, rec } = mockWorkbook({ existingSheets: [tallySheetName(tally)], existingTable: { name: tallyTableName(tally), rows: 40 } });
    await writeTallySheet(context, tally, completeness);
    expect(rec.added).toEqual([]); // no new sheet
    const table = (context.workbook.tables as any).found;
    expect(table.resizedTo).toBeDefined();
    const ws = (context.workbook.worksheets as any).byName(tallySheetName(tally));
    expect(ws.getRangeByIndexes(33, 0, 10, TALLY_COLUMNS.length).cleared).toBe('Contents'); // 40 old rows, 30 now
    expect(rec.charts[tallySheetName(tally)]).toBeUndefined(); // the chart already reads the refreshed block
  });

  test('large tallies are written in batches under the 5 MB request limit, one sync each', async () => {
    const tally = await codiTally();
    const { context, rec } = mockWorkbook();
    const out = await writeTallySheet(context, tally, null, 2_000); // a tiny limit forces several batches
    const batches = chunkRowsByBytes(
      Array.from({ length: 30 }, () => ['x']),
      1,
    ).length;
    expect(batches).toBe(30);
    expect(out.syncs).toBeGreaterThan(2);
    expect(rec.syncs).toBe(out.syncs);
  });
});

test('sample helper sanity', () => expect(sample('codi-kpi')).toContain('codi-kpi'));
