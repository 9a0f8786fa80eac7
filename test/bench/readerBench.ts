import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  const dir = mkdtempSync(join(tmpdir(), 'returns-bench-'));
  const file = join(dir, 'register.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ทะเบียน');
  values.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
  const t0 = process.hrtime.bigint();
  const read = await readWorkbookFile(file);
  const open = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!read.ok) throw new Error('bench workbook unreadable');

  const rate = cells / check;
  const body = `## Reader: parse + check throughput

Command: \`npm run bench\` (test/bench/readerBench.ts) · ${machine()}

Generated project register: ${rows.toLocaleString('en-US')} report rows × 7 columns + header = ${cells.toLocaleString('en-US')} cells; ${issues} findings.

| step | time | rate |
|---|---|---|
| parse + check (grid → checked return), median of 7 after a warm-up, one core | ${(check * 1000).toFixed(0)} ms | **${Math.round(rate).toLocaleString('en-US')} cells/s** (target ≥ 1,000,000) |
| open the .xlsx with ExcelJS (file → grid) | ${(open * 1000).toFixed(0)} ms | ${Math.round(cells / open).toLocaleString('en-US')} cells/s |
`;
  writeSection('reader', body);
  return body;
}
