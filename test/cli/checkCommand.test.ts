import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { main } from '@returns-hub/cli/main';
import { sample } from '../support/samples';
import { xlsxOf } from '../support/xlsxFixture';

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

  test('worker threads (the compiled CLI) give what one thread gives, in the order given', async () => {
    const files = [sample('codi-kpi/N-2563-Q2.xlsx'), sample('welfare/wang-thonglang-2564.xlsx'), sample('codi-kpi/S-2563-Q1.xlsx')];
    const script = `require(${JSON.stringify(resolve(__dirname, '../../cli/dist/checkInParallel.js'))})
      .checkInParallel(${JSON.stringify(files)}, 'json', Number(process.argv[1])).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const inThreads = async (workers: number) => JSON.parse((await promisify(execFile)(process.execPath, ['-e', script, String(workers)])).stdout);
    const [one, two] = await Promise.all([inThreads(1), inThreads(2)]);
    expect(one.map((r: { json: { file: string } }) => r.json.file)).toEqual(['N-2563-Q2.xlsx', 'wang-thonglang-2564.xlsx', 'S-2563-Q1.xlsx']);
    expect(two).toEqual(one);
  }, 60_000);

  test('checking an .xlsx loads only the XML tokenizer (saxes; no zod, SheetJS or ExcelJS: start-up is the cost of a small check)', async () => {
    const script = `require(${JSON.stringify(resolve(__dirname, '../../cli/dist/checkInParallel.js'))})
      .checkInParallel([${JSON.stringify(sample('community-plan/districts/1045.xlsx'))}], 'text', 1)
      .then(() => process.stdout.write(JSON.stringify(Object.keys(require.cache))))`;
    const loaded: string[] = JSON.parse((await promisify(execFile)(process.execPath, ['-e', script])).stdout);
    expect(loaded.some((m) => m.includes('checkReturn'))).toBe(true);
    const libraries = new Set(loaded.filter((m) => m.includes('node_modules')).map((m) => m.split('node_modules/')[1].split('/')[0]));
    expect([...libraries].sort()).toEqual(['saxes', 'xmlchars']);
  }, 60_000);

  test("pull --json loads no library either (the API answers through Node's http)", async () => {
    const script = `const http = require('node:http');
      const s = http.createServer((q, r) => { r.statusCode = 404; r.end('{"type":"about:blank","title":"Not Found","status":404,"detail":"none"}'); });
      s.listen(0, '127.0.0.1', async () => {
        const code = await require(${JSON.stringify(resolve(__dirname, '../../cli/dist/main.js'))}).main(['pull', '--form', 'bma-community-plan-return', '--fy', '2563', '--json', '--api', 'http://127.0.0.1:' + s.address().port, '--key', 'k'], () => {});
        process.stdout.write(JSON.stringify({ code, loaded: Object.keys(require.cache) }));
        s.close();
      });`;
    const { code, loaded }: { code: number; loaded: string[] } = JSON.parse((await promisify(execFile)(process.execPath, ['-e', script])).stdout);
    expect(code).toBe(1);
    expect(loaded.some((m) => m.includes('commands/pull'))).toBe(true);
    expect(loaded.filter((m) => m.includes('node_modules'))).toEqual([]);
  }, 60_000);

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

describe('hostile files end in one clear error within a memory bound (the bin under --max-old-space-size=256)', () => {
  const bin = resolve(__dirname, '../../cli/bin/returns.js');
  const runBin = async (file: string) => {
    const r = await promisify(execFile)(process.execPath, ['--max-old-space-size=256', bin, 'check', '--json', file], { maxBuffer: 1 << 24 }).catch((e: { code: number; stdout: string }) => e);
    return { code: 'code' in r ? r.code : 0, result: JSON.parse(r.stdout)[0] };
  };

  test('one cell at row 100,000,000 (a 1 KB file): beyond Excel’s rows, refused before any row is built', async () => {
    const file = write('far.xlsx', xlsxOf({ sheets: [{ name: 'S', rows: '<row r="100000000"><c r="A100000000"><v>1</v></c></row>' }] }));
    const { code, result } = await runBin(file);
    expect(code).toBe(1);
    expect(result.issues.map((i: { code: string }) => i.code)).toEqual(['sheet.beyond_limits']);
  }, 60_000);

  test('1,000 rows × 16,384 columns (16.4 million cells): stops at the 3,000,000-cell cap', async () => {
    const row = (r: number) => Buffer.from(`<row r="${r}">${'<c><v>1</v></c>'.repeat(16_384)}</row>`);
    const sheet = Buffer.concat([
      Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
      ...Array.from({ length: 1000 }, (_, i) => row(i + 1)),
      Buffer.from('</sheetData></worksheet>'),
    ]);
    const file = write('wide.xlsx', xlsxOf({ sheets: [{ name: 'S', rows: '' }], extra: { 'xl/worksheets/sheet1.xml': sheet } }));
    const t = Date.now();
    const { code, result } = await runBin(file);
    expect(code).toBe(1);
    expect(result.issues.map((i: { code: string }) => i.code)).toEqual(['sheet.too_large']);
    expect(Date.now() - t).toBeLessThan(30_000);
  }, 120_000);

  test('cell text with terminal escapes (ESC [2J, a title sequence, BEL) is printed without its control characters', async () => {
    const csv = readFileSync(resolve(__dirname, '../fixtures/formats/special/utf8.csv'), 'utf8').replace(',85440,', ',\u001b[2J\u001b]0;pwned\u0007แปดหมื่น,');
    const { code, out } = await run('check', write('escape.csv', csv));
    expect(code).toBe(1);
    expect(out).toContain('[2J]0;pwnedแปดหมื่น');
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
