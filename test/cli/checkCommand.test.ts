import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { main } from '@returns-hub/cli/main';
import { sample } from '../support/samples';

const dir = mkdtempSync(join(tmpdir(), 'returns-cli-'));
async function run(...argv: string[]) {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('returns check', () => {
  test('clean files: exit 0 and a line per return', async () => {
    const { code, out } = await run('check', sample('codi-kpi/N-2563-Q2.xlsx'), sample('welfare/wang-thonglang-2564.xlsx'));
    expect(code).toBe(0);
    expect(out).toContain('codi-quarterly-kpi · N ภาคเหนือ · FY 2563 · Q2 · 7 records');
    expect(out).toContain('welfare-fund-tally · 1045 วังทองหลาง · FY 2564');
  });

  test('--json gives sheet, form, org unit, fiscal year, period, record count and issues', async () => {
    const { code, out } = await run('check', '--json', sample('community-plan/errors/1017-huai-khwang.xlsx'));
    expect(code).toBe(1);
    const [file] = JSON.parse(out);
    const [r] = file.sheets[0].returns;
    expect(r).toMatchObject({ form: 'bma-community-plan-return', orgUnit: '1017', fiscalYear: 2563, period: 'FY' });
    expect(r.records).toBeGreaterThan(10);
    expect(r.issues[0]).toEqual(expect.objectContaining({ severity: 'error', cell: expect.stringMatching(/!C1[35]$/) }));
  });

  test('a file with an error anywhere makes exit 1', async () => {
    const { code } = await run('check', sample('welfare/wang-thonglang-2564.xlsx'), sample('project-progress/seed001-bang-na-2564.xlsx'));
    expect(code).toBe(1);
  });

  const bad: [string, () => Promise<string>, string][] = [
    ['not a workbook', async () => write('notes.xlsx', 'hello, this is text'), 'file.unknown_format'],
    ['empty (0 bytes)', async () => write('empty.xlsx', ''), 'file.empty'],
    ['truncated', async () => write('cut.xlsx', readFileSync(sample('welfare/wang-thonglang-2564.xlsx')).subarray(0, 3000)), 'file.unreadable'],
    ['a zip that is no workbook', async () => write('zip.xlsx', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')), 'file.unreadable'],
    ['missing', async () => join(dir, 'nope.xlsx'), 'file.unreadable'],
    [
      'a workbook with no form',
      async () =>
        workbook('noform.xlsx', [
          ['hello', 1],
          ['world', 2],
        ]),
      'file.no_form',
    ],
    ['a workbook with no cells', async () => workbook('blank.xlsx', []), 'file.empty'],
  ];
  test.each(bad)('%s: one clear error, exit 1, no stack trace', async (_name, make, codeExpected) => {
    const file = await make();
    const { code, out } = await run('check', '--json', file);
    expect(code).toBe(1);
    const [result] = JSON.parse(out);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ severity: 'error', code: codeExpected });
    expect(result.issues[0].message_th.length).toBeGreaterThan(5);
    expect(out).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  test('a sheet of 60,000 junk rows: one clear error', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [`junk ${i}`, i, i * 1.5]);
    const file = await workbook('junk.xlsx', rows);
    const { code, out } = await run('check', '--json', file);
    expect(code).toBe(1);
    expect(JSON.parse(out)[0].issues.map((i: { code: string }) => i.code)).toEqual(['file.no_form']);
  }, 60_000);

  test('usage errors exit 2', async () => {
    expect((await run('check')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });

  test('the installed bin runs (npx returns check)', async () => {
    const bin = resolve(__dirname, '../../cli/bin/returns.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'check', sample('codi-kpi/S-2563-Q1.xlsx')]);
    expect(stdout).toContain('codi-quarterly-kpi · S ภาคใต้ · FY 2563 · Q1');
  }, 60_000);
});

function write(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function workbook(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  const p = join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}
