import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { gridFromValues } from '@returns-hub/shared/sheet/grid';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { machine, median, writeSection } from './report';

/** A project register as a district keeps it: the record header, then one row per progress report. */
export function projectRegister(rows: number): unknown[][] {
  const out: unknown[][] = [
    ['แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ'],
    ['ชื่อโครงการ/กิจกรรม : ทะเบียนโครงการทดสอบ'],
    ['รหัสโครงการ : 50450000-3247'],
    ['ปีงบประมาณ พ.ศ. : 2564'],
    ['งบประมาณที่ได้รับ : 0 บาท'],
    ['หน่วยงานที่รับผิดชอบ : สำนักงานเขตวังทองหลาง'],
    [],
    ['รายงานครั้งที่', 'วันที่รายงาน', 'ผลการดำเนินงาน/ขั้นตอน', 'ความก้าวหน้าของงานฯ', 'งบประมาณที่เบิกใช้ (บาท)', 'เป็นไปตามแผน', 'เป็นไปตามเป้าหมาย'],
  ];
  for (let i = 0; i < rows; i++) {
    const d = new Date(Date.UTC(2020, 9, 1) + Math.floor((i / rows) * 364) * 86_400_000); // inside FY 2564, in order
    out.push([i + 1, `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}`, `ขั้นตอนที่ ${i + 1}`, `${((i / rows) * 100).toFixed(2)} %`, '0', 'เป็นไปตามแผน', 'เป็นไปตามเป้าหมาย']);
  }
  return out;
}

/** The reader before this one: ExcelJS loads the whole workbook, then every cell is walked (kept here only to compare). */
async function openWithExcelJs(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let cells = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => void cells++)));
  return cells;
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const r = await f();
  return [Number(process.hrtime.bigint() - t) / 1e9, r];
}

/** Peak resident memory (KB) and seconds of a command, by GNU time. */
function peak(cmd: string, args: string[]): { kb: number; s: number } | null {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M %e', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /(\d+) ([\d.]+)\s*$/.exec(r.stderr);
  return m ? { kb: Number(m[1]), s: Number(m[2]) } : null;
}

async function writeRegister(values: unknown[][], file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('ทะเบียน');
  for (const r of values) ws.addRow(r).commit();
  await wb.commit();
}

const OPENPYXL_READ_ONLY = `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
print(sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None))`;

export async function readerBench(rows = 50_000): Promise<string> {
  const values = projectRegister(rows);
  const grid = gridFromValues('ทะเบียน', values);
  const cells = values.reduce((n, r) => n + r.length, 0);
  const times: number[] = [];
  let issues = 0;
  checkSheets([grid]); // warm-up: the JIT compiles the hot paths
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    const [s] = checkSheets([grid]);
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
    issues = s.returns[0].issues.length;
    if (s.returns[0].rows.length !== rows) throw new Error('bench register read wrongly');
  }
  const check = median(times);

  // The register in each format: .xlsx by ExcelJS's writer; .xls, .ods and .csv by SheetJS's writers.
  const dir = mkdtempSync(join(tmpdir(), 'returns-bench-'));
  const xlsx = join(dir, 'register.xlsx');
  await writeRegister(values, xlsx);
  const XLSX = await import('@e965/xlsx');
  const sheetjsBook = XLSX.read(readFileSync(xlsx), { type: 'buffer', dense: true });
  const files: [string, string][] = [['.xlsx', xlsx]];
  for (const [ext, bookType] of [
    ['.xls', 'biff8'],
    ['.ods', 'ods'],
    ['.csv', 'csv'],
  ] as const) {
    const f = join(dir, `register${ext}`);
    writeFileSync(f, XLSX.write(sheetjsBook, { type: 'buffer', bookType }));
    files.push([ext, f]);
  }
  const rowsOut: string[] = [];
  for (const [ext, f] of files) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [s, read] = await time(() => readWorkbookFile(f));
      if (!read.ok) throw new Error(`bench ${ext} unreadable: ${read.issue.message_en}`);
      runs.push(s);
    }
    const s = median(runs);
    rowsOut.push(
      `| ${ext} (${statSync(f).size.toLocaleString('en-US')} bytes) | returns-hub reader (${ext === '.xlsx' ? 'streamed' : ext === '.csv' ? 'text' : 'SheetJS'}) | ${(s * 1000).toFixed(0)} ms | ${Math.round(cells / s).toLocaleString('en-US')} |`,
    );
  }
  const [sheetjsS] = await time(async () => XLSX.read(readFileSync(xlsx), { type: 'buffer', dense: true, cellFormula: true, cellNF: true, sheetStubs: true }));
  rowsOut.push(`| .xlsx | SheetJS CE 0.20.3 alone (dense, formulas, formats; no grid) | ${(sheetjsS * 1000).toFixed(0)} ms | ${Math.round(cells / sheetjsS).toLocaleString('en-US')} |`);
  const [excelS] = await time(() => openWithExcelJs(xlsx));
  rowsOut.push(`| .xlsx | ExcelJS 4.4 (the previous reader) | ${(excelS * 1000).toFixed(0)} ms | ${Math.round(cells / excelS).toLocaleString('en-US')} |`);

  // Peak memory: checking a 200,000-row register, beside openpyxl's read-only load of the same file.
  const big = join(dir, 'register-200k.xlsx');
  await writeRegister(projectRegister(200_000), big);
  const bin = resolve(__dirname, '../../cli/bin/returns.js');
  const ours = peak(process.execPath, [bin, 'check', big]);
  const script = join(dir, 'openpyxl_read_only.py');
  writeFileSync(script, OPENPYXL_READ_ONLY);
  const theirs = existsSync('/usr/bin/python3') ? peak('/usr/bin/python3', [script, big]) : null;
  const mb = (x: { kb: number } | null) => (x ? `${Math.round(x.kb / 1024)} MiB` : 'n/a');
  const secs = (x: { s: number } | null) => (x ? `${x.s.toFixed(2)} s` : 'n/a');

  const body = `## Reader: parse + check throughput, file formats, memory

Command: \`npm run bench -- reader\` (test/bench/readerBench.ts) · ${machine()} · other processes may share the cores

Generated project register: ${rows.toLocaleString('en-US')} report rows × 7 columns + header = ${cells.toLocaleString('en-US')} cells; ${issues} findings.

| step | time | rate |
|---|---|---|
| parse + check (grid → checked return), median of 7 after a warm-up, one core | ${(check * 1000).toFixed(0)} ms | **${Math.round(cells / check).toLocaleString('en-US')} cells/s** (target ≥ 1,000,000) |

Opening the register (file → grids), median of 3 (.xls, .ods, .csv written by SheetJS from the .xlsx):

| file | reader | open time | cells/s |
|---|---|---|---|
${rowsOut.join('\n')}

Peak memory (\`/usr/bin/time -f %M\`) for the same register with 200,000 rows (1.4 million cells):

| what | peak RSS | time |
|---|---|---|
| \`returns check register-200k.xlsx\` (read + check + print) | **${mb(ours)}** | ${secs(ours)} |
| openpyxl 3.0.9 \`load_workbook(read_only=True)\`, every row iterated (nothing kept) | ${mb(theirs)} | ${secs(theirs)} |
| ratio | ${ours && theirs ? (ours.kb / theirs.kb).toFixed(2) + '×' : 'n/a'} (target ≤ 2×) | |
`;
  writeSection('reader', body);
  return body;
}
