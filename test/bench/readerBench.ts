import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { gridFromValues } from '@returns-hub/shared/sheet/grid';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { readXlsx } from '@returns-hub/readers/readXlsx';
import { readXlsx as readXlsxRegex } from './regexReader/readXlsx';
import { machine, median, writeSection } from './report';
import { projectRegister } from '../support/projectRegister';
import { BUILT_IN_SOURCE } from '../support/builtIn';

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

/** Writes rows as an .xlsx the way ExcelJS's streaming writer does (shared strings). */
export async function writeRegister(values: unknown[][], file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('ทะเบียน');
  for (const r of values) ws.addRow(r).commit();
  await wb.commit();
}

export async function readerBench(rows = 50_000): Promise<string> {
  const loadBefore = loadavg()[0];
  const values = projectRegister(rows);
  const grid = gridFromValues('ทะเบียน', values);
  const cells = values.reduce((n, r) => n + r.length, 0);
  const times: number[] = [];
  let issues = 0;
  checkSheets([grid], BUILT_IN_SOURCE); // warm-up: the JIT compiles the hot paths
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    const [s] = checkSheets([grid], BUILT_IN_SOURCE);
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
  // The tokenizer against the regular expressions it replaced: the same bytes, alternately, median of 7 each.
  const xlsxBytes = readFileSync(xlsx);
  const pair = { saxes: [] as number[], regex: [] as number[] };
  for (let i = 0; i < 7; i++) {
    for (const [k, read] of [
      ['regex', readXlsxRegex],
      ['saxes', readXlsx],
    ] as const) {
      const [s, r] = await time(() => read(xlsxBytes, 'register.xlsx'));
      if (!r.ok || r.grids[0].rows.length !== values.length) throw new Error(`bench: the ${k} reader read the register wrongly`);
      pair[k].push(s);
    }
  }
  const [saxesS, regexS] = [median(pair.saxes), median(pair.regex)];
  rowsOut.push(
    `| .xlsx | returns-hub reader, XML tokenizer saxes (bytes → grids, alternating with the next row, median of 7) | ${(saxesS * 1000).toFixed(0)} ms | ${Math.round(cells / saxesS).toLocaleString('en-US')} |`,
  );
  rowsOut.push(
    `| .xlsx | the regular-expression reader it replaced (eafcb11, kept in test/bench/regexReader) | ${(regexS * 1000).toFixed(0)} ms | ${Math.round(cells / regexS).toLocaleString('en-US')} |`,
  );
  const [sheetjsS] = await time(async () => XLSX.read(readFileSync(xlsx), { type: 'buffer', dense: true, cellFormula: true, cellNF: true, sheetStubs: true }));
  rowsOut.push(`| .xlsx | SheetJS CE 0.20.3 alone (dense, formulas, formats; no grid) | ${(sheetjsS * 1000).toFixed(0)} ms | ${Math.round(cells / sheetjsS).toLocaleString('en-US')} |`);
  const [excelS] = await time(() => openWithExcelJs(xlsx));
  rowsOut.push(`| .xlsx | ExcelJS 4.4 (the previous reader) | ${(excelS * 1000).toFixed(0)} ms | ${Math.round(cells / excelS).toLocaleString('en-US')} |`);

  const body = `## Reader: parse + check throughput, file formats, memory

Command: \`npm run bench -- reader\` (test/bench/readerBench.ts) · ${machine()} · other processes may share the cores (1-minute load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end)

Generated project register: ${rows.toLocaleString('en-US')} report rows × 7 columns + header = ${cells.toLocaleString('en-US')} cells; ${issues} findings.

| step | time | rate |
|---|---|---|
| parse + check (grid → checked return), median of 7 after a warm-up, one core | ${(check * 1000).toFixed(0)} ms | **${Math.round(cells / check).toLocaleString('en-US')} cells/s** (target ≥ 1,000,000) |

Opening the register (file → grids), median of 3 (.xls, .ods, .csv written by SheetJS from the .xlsx). Tokenizer (saxes) ÷ regular expressions it replaced, same bytes, same run: **${(saxesS / regexS).toFixed(2)}×** the time (target ≤ 1.25×).

| file | reader | open time | cells/s |
|---|---|---|---|
${rowsOut.join('\n')}

Peak memory and time for checking a 200,000-row register, beside openpyxl: see the section "The CLI beside the analyst's pandas script" (\`npm run bench -- peer\`).
`;
  writeSection('reader', body);
  return body;
}
