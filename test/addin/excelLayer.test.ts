/* eslint-disable @typescript-eslint/no-explicit-any -- office.js stand-in: to be replaced by one typed office.js fake (issue 11) */
import { basename } from 'node:path';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { readActiveSheet } from '@returns-hub/addin/excel/readActiveSheet';
import { clearHighlights, highlightIssues, selectCell, HIGHLIGHT } from '@returns-hub/addin/excel/highlights';
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

// The tally writer's tests: test/report/writersAgree.test.ts (the same cells as the CLI's workbook, refresh, batches).

test('sample helper sanity', () => expect(sample('codi-kpi')).toContain('codi-kpi'));
