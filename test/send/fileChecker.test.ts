import { readFileSync } from 'node:fs';
import { inlineFileChecker, type ReadProgress } from '@returns-hub/addin/send/files/fileChecker';
import { readBytes } from '@returns-hub/addin/send/files/readBytes';
import { sample } from '../support/samples';

const blobOf = (path: string) => new Blob([readFileSync(path)]);

describe("the page's file checker (the worker's work, on this thread)", () => {
  test('the 1017 error sample: one return, 2 errors at C13 and C15 and a warning at C12, rows as shown text', async () => {
    const files = inlineFileChecker(readBytes);
    const progress: ReadProgress[] = [];
    const r = await files.check('f1', blobOf(sample('community-plan/errors/1017-huai-khwang.xlsx')), '1017-huai-khwang.xlsx', (p) => progress.push(p));
    expect(r.format).toBe('xlsx');
    expect(r.issues).toEqual([]);
    const sheet = r.sheets.find((s) => s.returns.length)!;
    expect(sheet.returns.map((x) => [x.formId, x.orgUnit, x.fiscalYear, x.period, x.errors, x.warnings])).toEqual([['bma-community-plan-return', '1017', 2563, 'FY', 2, 1]]);
    expect(sheet.issues.map((i) => [i.severity, i.cell.split('!')[1]])).toEqual([
      ['error', 'C13'],
      ['error', 'C15'],
      ['warning', 'C12'],
    ]);
    expect(JSON.parse(sheet.returns[0].json)).toMatchObject({ formId: 'bma-community-plan-return', fileName: '1017-huai-khwang.xlsx' });
    expect(progress[0]).toEqual({ stage: 'reading', done: 0, total: 1 });
    expect(progress.some((p) => p.stage === 'checking')).toBe(true);
    const rows = await files.rows('f1', r.sheets.indexOf(sheet), 12, 3);
    expect(rows).toHaveLength(3);
    expect(rows[0].some((c) => c.text !== '')).toBe(true);
    files.forget('f1');
    expect(await files.rows('f1', 0, 0, 3)).toEqual([]);
  });

  test('a file that is no workbook: one finding, no sheets', async () => {
    const files = inlineFileChecker(readBytes);
    const r = await files.check('f2', new Blob([Buffer.from('hello')]), 'notes.numbers', () => undefined);
    expect(r.sheets).toEqual([]);
    expect(r.issues.map((i) => i.severity)).toEqual(['error']);
  });
});
