import type ExcelJS from 'exceljs';
import { reportByName } from '@returns-hub/shared/report/formReports';
import { computeReport, type ReportInput } from '@returns-hub/shared/report/computeReport';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { FORMAT_CODES } from '@returns-hub/shared/report/numberFormats';
import { sampleReportInputs } from '../support/sampleReports';
import { formsCodiKpi51, formsCodiNational, formsCommunityPlan } from '../support/formsTables';
import { columnHeaded, shownAt, writeAndReadBack } from '../support/readBackWorkbook';
import { builtInForm } from '../support/builtIn';

let inputs: Record<string, ReportInput>;
beforeAll(async () => (inputs = await sampleReportInputs()), 60_000);

async function written(form: string, layout: string): Promise<{ sheet: ReportSheet; ws: ExcelJS.Worksheet }> {
  const l = reportByName(builtInForm(form), layout);
  if (isReportProblem(l)) throw new Error(l.message_en);
  const sheet = computeReport(l, inputs[form]);
  if (isReportProblem(sheet)) throw new Error(sheet.message_en);
  const wb = await writeAndReadBack([sheet]);
  return { sheet, ws: wb.getWorksheet(sheet.name)! };
}

const rowOf = (sheet: ReportSheet, table: number, key: string) => {
  const t = sheet.tables[table];
  const i = t.keys.indexOf(key);
  if (i < 0) throw new Error(`no row ${key}`);
  return t.body.top + i;
};

describe('the written reports equal the tables of FORMS.md, cell by cell (read back with ExcelJS)', () => {
  test('CODI national Q2 table from the 10 codi-kpi samples', async () => {
    const { sheet, ws } = await written('codi-quarterly-kpi', 'kpi-table');
    const headings = ['เป้าหมายปี', 'เป้าหมายถึงงวด', 'ไตรมาส 1', 'ไตรมาส 2', 'ผลสะสม', 'ของเป้าหมายปี', 'ของเป้าหมายถึงงวด'];
    const cols = headings.map((h) => columnHeaded(ws, sheet, 0, h));
    const score = columnHeaded(ws, sheet, 0, 'คะแนน');
    const expected = formsCodiNational();
    expect([...expected.keys()]).toEqual(sheet.tables[0].keys); // the same KPIs, in order
    for (const [kpi, cells] of expected) {
      const r = rowOf(sheet, 0, kpi);
      expect(ws.getCell(r + 1, 1).value).toBe(kpi); // the code, as text
      const shown = cols.map((k) => shownAt(ws, r, k));
      // FORMS.md writes "— (no status)" where the % is none and no light is given.
      const want = cells.slice(0, 7).map((c) => c.replace(/ \(no status\)$/, ''));
      // FORMS.md leaves KPI 8.5's Q2 open; the report shows the quarter's own disbursement, 55.59 − 9.56.
      if (kpi === '8.5') want[3] = '46.03 %';
      expect({ kpi, shown }).toEqual({ kpi, shown: want });
      const s = /score (\d+)/.exec(cells[7] ?? '');
      if (s) expect(shownAt(ws, r, score)).toBe(s[1]);
    }
    // Number formats: counts #,##0, percentages two decimals, the ratio KPI with a % sign.
    const r2 = rowOf(sheet, 0, '2');
    expect(cols.map((k) => ws.getCell(r2 + 1, k + 1).numFmt)).toEqual([...Array(5).fill(FORMAT_CODES.count), FORMAT_CODES.percent, FORMAT_CODES.percent]);
    const r85 = rowOf(sheet, 0, '8.5');
    expect(ws.getCell(r85 + 1, cols[0] + 1).numFmt).toBe(FORMAT_CODES.percentSignWhole);
    expect(ws.getCell(r85 + 1, cols[4] + 1).numFmt).toBe(FORMAT_CODES.percentSign);
    // The figures stay numbers (formulas and charts can use them), unrounded.
    expect(ws.getCell(r85 + 1, cols[4] + 1).value).toBeCloseTo(55.586268, 5);
    // Status as a word; KPIs with no target to date get none.
    const status = columnHeaded(ws, sheet, 0, 'สถานะ');
    expect(['2', '2.4', '3', '5.1', '5.3', '8.5'].map((k) => shownAt(ws, rowOf(sheet, 0, k), status))).toEqual(['เขียว', 'เขียว', '—', 'เขียว', '—', 'เขียว']);
  });

  test('KPI 5.1 by region equals the table CODI printed (– for nothing done)', async () => {
    const { sheet, ws } = await written('codi-quarterly-kpi', 'kpi-by-region');
    const block = sheet.tables.findIndex((t) => t.title.startsWith('5.1 '));
    const t = sheet.tables[block];
    const cols = ['เป้าหมายปี', 'ไตรมาส 1', 'ไตรมาส 2', 'ผลสะสม'].map((h) => columnHeaded(ws, sheet, block, h));
    const printed = formsCodiKpi51();
    const rows = Array.from({ length: t.body.bottom - t.body.top + 1 }, (_, i) => t.body.top + i);
    expect(rows.map((r) => shownAt(ws, r, 0))).toEqual([...printed.keys()]);
    for (const r of rows) expect(cols.map((k) => shownAt(ws, r, k))).toEqual(printed.get(shownAt(ws, r, 0)));
    // `–` is the format's zero: the cell holds the number 0.
    const south = t.body.top + t.keys.indexOf('S');
    expect(ws.getCell(south + 1, cols[1] + 1).value).toBe(0);
    expect(ws.getCell(south + 1, cols[1] + 1).numFmt).toBe(FORMAT_CODES.countOrDash);
  });

  test('Form 2 indicator table from the 50 districts', async () => {
    const { sheet, ws } = await written('bma-community-plan-return', 'indicators');
    const value = columnHeaded(ws, sheet, 0, 'ผลการดำเนินงาน');
    const pct = columnHeaded(ws, sheet, 0, 'ร้อยละ');
    const expected = formsCommunityPlan();
    expect(sheet.tables[0].keys).toEqual([...expected.keys()]);
    for (const [id, want] of expected) {
      const r = rowOf(sheet, 0, id);
      expect({ id, value: shownAt(ws, r, value), pct: shownAt(ws, r, pct) }).toEqual({ id, value: want.value, pct: want.pct ?? '' });
      if (want.pct) expect(ws.getCell(r + 1, pct + 1).numFmt).toBe(FORMAT_CODES.percent);
    }
    expect(ws.getCell(rowOf(sheet, 0, 'budget_received') + 1, value + 1).numFmt).toBe(FORMAT_CODES.count);
    // Names, not ids: no cell of the sheet shows an indicator id.
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    for (const id of expected.keys()) expect(texts.some((t) => t.includes(id))).toBe(false);
    expect(shownAt(ws, rowOf(sheet, 0, 'districts_with_plan_projects'), columnHeaded(ws, sheet, 0, 'สถานะ'))).toBe('เขียว');
  });
});
