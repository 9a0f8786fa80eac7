import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { pullCommand } from '@returns-hub/cli/commands/pull';
import { UNITS, builtInForm } from '../support/builtIn';
import { consolidateReturns } from '@returns-hub/shared/consolidate/consolidateReturns';
import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { startApi, requestFor, type Api } from '../support/apiHarness';
import { sampleFiles } from '../support/samples';
import { entriesOf, returnsIn } from '../support/sampleReports';
import { shownAt } from '../support/readBackWorkbook';

const orgUnitByCode = (code: string) => UNITS.byCode(code);

/**
 * The review basis on the printed page: 50 district returns of Form 2, HQ accepts 45, sends 2
 * back for wrong budget figures, and 3 wait. Every report sheet says how many are in which state
 * and what its figures count; by default every return received (the 2 sent back marked where
 * listed), or with `include: accepted` the 45 accepted only, whose figures are the 45 files' own.
 */

const PLAN = { form: 'bma-community-plan-return', fy: 2563, period: 'FY' };
const unitOf = (file: string) => file.replace(/^.*\//, '').replace('.xlsx', '');

let api: Api;
let dir: string;
let units: string[];

beforeAll(async () => {
  api = await startApi({ memory: new MemoryStorage() }); // the review basis on the page, not storage: the in-memory stores
  dir = mkdtempSync(join(tmpdir(), 'report-basis-'));
  const files = sampleFiles('community-plan/districts');
  await Promise.all(files.map(async (f) => api.client().submit(await requestFor(f))));
  units = files.map(unitOf).sort();
  const accepted = await api.client().bulkAccept({ ...PLAN, returns: units.slice(0, 45).map((orgUnit) => ({ orgUnit, version: 1 })) });
  expect(accepted.accepted).toBe(45);
  for (const orgUnit of units.slice(45, 47)) await api.client().sendBack({ ...PLAN, orgUnit }, { version: 1, reason: 'งบประมาณที่เบิกจ่ายไม่ตรงกับหลักฐาน' });
}, 180_000);
afterAll(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The report workbook as HQ pulls it, every sheet's cells as shown text by address. */
async function pulled(name: string, include?: 'all' | 'accepted'): Promise<{ out: string; sheets: Map<string, Map<string, string>> }> {
  const file = join(dir, `${name}.xlsx`);
  const lines: string[] = [];
  const code = await pullCommand(
    { values: { form: PLAN.form, fy: PLAN.fy, period: 'FY', include, out: file }, positionals: [] },
    { api: api.url, credential: 'dev-hq' },
    (s) => lines.push(s),
    () => new Date('2020-11-02T03:00:00Z'),
  );
  expect({ code, out: lines.join('\n') }).toMatchObject({ code: 0 });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, Map<string, string>>();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, string>();
    // A merged line's text once, at its first cell.
    ws.eachRow((row) => row.eachCell((c) => void (c.isMerged && c.master.address !== c.address ? null : cells.set(c.address, shownAt(ws, Number(row.number) - 1, Number(c.col) - 1)))));
    sheets.set(ws.name, cells);
  }
  return { out: lines.join('\n'), sheets };
}

const texts = (cells: Map<string, string>) => [...cells.values()];

test('by default every sheet states the basis: 50 returns, 45 accepted · 3 waiting · 2 sent back, all counted; the 2 sent back named and marked', async () => {
  const { sheets } = await pulled('all');
  expect([...sheets.keys()]).toEqual(['ตัวชี้วัด ทั้งปี 2563', 'รายเขต ทั้งปี 2563']);
  const sentBack = units.slice(45, 47).map((u) => orgUnitByCode(u)!.name_th);
  for (const [name, cells] of sheets) {
    const all = texts(cells);
    expect({ name, basis: all.filter((t) => t.startsWith('รวม 50 ฉบับ')) }).toEqual({
      name,
      basis: ['รวม 50 ฉบับ: ตรวจรับแล้ว 45 · รอตรวจ 3 · ส่งกลับแก้ไข 2 — ตัวเลขนับทุกฉบับที่ได้รับ รวมที่ยังไม่ตรวจรับ'],
    });
    expect(all).toContain(`รวมรายงานที่ส่งกลับแก้ไข 2 ฉบับ (※ ในตาราง): ${sentBack.join(', ')}`);
    expect(all.some((t) => t.includes('50 returns: 45 accepted, 3 waiting, 2 sent back; figures count every return received.'))).toBe(true);
  }
  // Where districts are listed, the two sent back carry the mark; the others do not.
  const districts = texts(sheets.get('รายเขต ทั้งปี 2563')!);
  for (const name of sentBack) expect(districts).toContain(`${name} ※`);
  expect(districts.filter((t) => t.endsWith(' ※'))).toHaveLength(2);
  // The figures are all 50: FORMS.md's 2,068 communities.
  expect(texts(sheets.get('ตัวชี้วัด ทั้งปี 2563')!)).toContain('2,068');
});

test('include accepted: the figures of the 45 accepted returns only (the files’ own sums), and the page says so', async () => {
  const { sheets } = await pulled('accepted', 'accepted');
  const form = builtInForm(PLAN.form);
  const acceptedFiles = sampleFiles('community-plan/districts').filter((f) => units.slice(0, 45).includes(unitOf(f)));
  const want = consolidateReturns(form, UNITS, entriesOf(await returnsIn(acceptedFiles)), { fiscalYear: 2563, period: 'FY', by: 'hq' }).groups[0];
  const figure = (id: string) => want.measures.find((m) => m.id === id)!.value!.toLocaleString('en-US');
  const indicators = texts(sheets.get('ตัวชี้วัด ทั้งปี 2563')!);
  for (const [name, cells] of sheets) {
    expect({ name, basis: texts(cells).filter((t) => t.startsWith('รวม 50 ฉบับ')) }).toEqual({
      name,
      basis: ['รวม 50 ฉบับ: ตรวจรับแล้ว 45 · รอตรวจ 3 · ส่งกลับแก้ไข 2 — ตัวเลขนับเฉพาะที่ตรวจรับแล้ว 45 ฉบับ'],
    });
    // Returns sent back are not in these figures: nothing to mark.
    expect(texts(cells).some((t) => t.endsWith(' ※') || t.startsWith('รวมรายงานที่ส่งกลับ'))).toBe(false);
  }
  expect(indicators).toContain('45 / 50'); // districts whose returns the figures count
  for (const id of ['communities_total', 'budget_received', 'budget_disbursed', 'budget_balance']) expect({ id, shown: indicators.includes(figure(id)) }).toEqual({ id, shown: true });
  expect(want.measures.find((m) => m.id === 'communities_total')!.value).toBeLessThan(2068);
  const districts = texts(sheets.get('รายเขต ทั้งปี 2563')!);
  expect(districts).not.toContain(orgUnitByCode(units[49])!.name_th); // a district waiting for review has no row
  expect(districts).toContain(orgUnitByCode(units[0])!.name_th);
});
