import ExcelJS from 'exceljs';
import { reportsOf } from '@returns-hub/shared/report/formReports';
import { computeReport, type ReportInput } from '@returns-hub/shared/report/computeReport';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import JSZip from 'jszip';
import { renderTallyWorkbook, tallyWorkbookBytes } from '@returns-hub/cli/xlsx/writeTallyWorkbook';
import { columnLetters } from '@returns-hub/shared/sheet/address';
import { rectA1 } from '@returns-hub/shared/report/rectAddress';
import { CHART_TYPE, renderReportSheet, writeTallySheet } from '@returns-hub/addin/excel/writeTallySheet';
import { FakeBook } from '../support/excelFake/fakeBook';
import { FakeContext } from '../support/excelFake/fakeContext';
import { renderedByExcelJs, renderedByOffice } from '../support/renderedSheet';
import { sampleReportInputs } from '../support/sampleReports';
import { BUILT_IN, builtInForm } from '../support/builtIn';

let inputs: Record<string, ReportInput>;
beforeAll(async () => (inputs = await sampleReportInputs()), 60_000);

function sheetOf(form: string, name: string, input = inputs[form]): ReportSheet {
  const l = reportsOf(builtInForm(form)).find((x) => x.name === name)!;
  const s = computeReport(l, input);
  if (isReportProblem(s)) throw new Error(s.message_en);
  return s;
}

const LAYOUTS = [
  ['codi-quarterly-kpi', 'kpi-table'],
  ['codi-quarterly-kpi', 'kpi-by-region'],
  ['codi-quarterly-kpi', 'regions-by-kpi'],
  ['bma-community-plan-return', 'indicators'],
  ['bma-community-plan-return', 'districts-by-indicator'],
  ['bma-project-progress', 'projects-by-agency'],
  ['welfare-fund-tally', 'welfare-types'],
];

/** A workbook in the office.js fake (every requirement set), and a request context on it. */
function office() {
  const book = new FakeBook();
  book.addSheet('Sheet1');
  const context = new FakeContext(book);
  const sheet = (name: string) => {
    const s = book.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  return { book, context, sheet };
}

describe('the add-in writer (office.js) and the CLI writer (.xlsx) give the same sheet', () => {
  test.each(LAYOUTS)('%s · %s', async (form, name) => {
    const sheet = sheetOf(form, name);
    const bytes = await renderTallyWorkbook([sheet]).xlsx.writeBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const cli = await renderedByExcelJs(wb.getWorksheet(sheet.name)!, bytes, 0);

    const x = office();
    await renderReportSheet(x.context, sheet);
    const addin = renderedByOffice(x.sheet(sheet.name));

    expect(Object.keys(addin.cells).length).toBeGreaterThan(20);
    expect(addin).toEqual(cli);
    // The chart: clustered bars over the layout's chart data (the CLI adds the same as DrawingML parts).
    expect(x.sheet(sheet.name).charts.map((c) => [c.type, c.title, c.source, c.seriesTypes ?? {}])).toEqual(
      sheet.charts.map((c) => [CHART_TYPE[c.kind], c.title, rectA1(c.data), Object.fromEntries(c.targets.map((_, k) => [c.data.right - c.data.left - c.targets.length + k, 'Line']))]),
    );
  });

  test('a name that starts like a formula is text in both', async () => {
    const input = inputs['welfare-fund-tally'];
    const t = input.tallies.hq!;
    const g = t.groups[0];
    const evil = { ...g, measures: g.measures.map((m) => ({ ...m, id: m.id.replace(/^item:[^:]+:/, 'item:=HYPERLINK("http://x","y"):') })) };
    const sheet = sheetOf('welfare-fund-tally', 'welfare-types', { ...input, tallies: { hq: { ...t, groups: [evil] } } });
    const x = office();
    await renderReportSheet(x.context, sheet);
    const cell = [...x.sheet(sheet.name).cells.values()].find((c) => String(c.value).startsWith('=HYPERLINK'))!;
    expect(cell.formula).toBeUndefined(); // written with Excel's quote prefix: text
    const bytes = await renderTallyWorkbook([sheet]).xlsx.writeBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const texts: ExcelJS.Cell[] = [];
    wb.getWorksheet(sheet.name)!.eachRow((row) => row.eachCell((c) => void (String(c.value).includes('HYPERLINK') && texts.push(c))));
    expect(texts.length).toBeGreaterThan(0);
    for (const c of texts) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe('=HYPERLINK("http://x","y")');
    }
  });
});

describe('the add-in writer in office.js terms', () => {
  test('refresh after a smaller tally leaves no stale cell (values, formats, merges, status colours)', async () => {
    const x = office();
    const big = sheetOf('bma-community-plan-return', 'districts-by-indicator');
    await renderReportSheet(x.context, big);
    // The same sheet name, now with 10 districts reporting.
    const input = inputs['bma-community-plan-return'];
    const district = input.tallies.district!;
    const fewer = { ...input, tallies: { ...input.tallies, district: { ...district, groups: district.groups.slice(0, 10) } } };
    const small = sheetOf('bma-community-plan-return', 'districts-by-indicator', fewer);
    expect(small.name).toBe(big.name);
    const before = x.book.syncs;
    await renderReportSheet(x.context, small);
    expect(x.book.syncs - before).toBe(3); // find the sheet; load what it holds; write
    const fresh = office();
    await renderReportSheet(fresh.context, small);
    expect(renderedByOffice(x.sheet(small.name))).toEqual(renderedByOffice(fresh.sheet(small.name)));
    expect(x.sheet(small.name).charts).toHaveLength(1);
  });

  test('a new sheet is written in two syncs; large sheets in batches under the request limit', async () => {
    const sheet = sheetOf('bma-community-plan-return', 'districts-by-indicator');
    const x = office();
    expect((await renderReportSheet(x.context, sheet)).syncs).toBe(2);
    const small = office();
    const out = await renderReportSheet(small.context, sheet, { maxBytes: 2_000 });
    expect(out.syncs).toBeGreaterThan(4);
    expect(renderedByOffice(small.sheet(sheet.name))).toEqual(renderedByOffice(x.sheet(sheet.name)));
  });

  test('without ExcelApi 1.9 the sheet is written without print setup and indents, nothing else missing', async () => {
    const sheet = sheetOf('codi-quarterly-kpi', 'kpi-table');
    const book = new FakeBook({ ExcelApi: '1.8' });
    book.addSheet('Sheet1');
    await renderReportSheet(new FakeContext(book), sheet, { printSetup: false });
    const s = book.sheets.find((w) => w.name === sheet.name)!;
    expect(s.layout.page.printArea).toBe('');
    expect(s.layout.frozen).toEqual(sheet.freeze);
    await expect(renderReportSheet(new FakeContext(book), sheet)).rejects.toMatchObject({ code: 'ApiNotFound' }); // 1.9 members on a 1.8 host
  });

  test('writeTallySheet picks the form layout of the tally grouping and names the sheet by layout and period', async () => {
    const input = inputs['codi-quarterly-kpi'];
    const x = office();
    const out = await writeTallySheet(x.context, input.tallies.region!, input.completeness, BUILT_IN, { total: input.tallies.hq, now: input.generatedAt });
    expect(out.sheet).toBe('ตัวชี้วัดรายภาค ไตรมาส 2-2563');
    expect(x.book.activeId).toBe(x.sheet(out.sheet).id);
    await expect(writeTallySheet(x.context, input.tallies.hq!, null, BUILT_IN, { layout: 'no-such' })).rejects.toThrow(/kpi-table, kpi-by-region, regions-by-kpi/);
  });
});

describe('the chart in the CLI workbook', () => {
  test('clustered columns over the sheet’s chart data, the 80 % and 100 % as dashed lines, anchored where the layout puts it; ExcelJS still reads the file', async () => {
    const sheet = sheetOf('codi-quarterly-kpi', 'regions-by-kpi');
    const bytes = await tallyWorkbookBytes([sheet]);
    const zip = await JSZip.loadAsync(bytes);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    const { top, left, bottom, right } = sheet.charts[0].data;
    const ref = (r1: number, c1: number, r2: number, c2: number) => `'${sheet.name}'!$${columnLetters(c1)}$${r1 + 1}:$${columnLetters(c2)}$${r2 + 1}`;
    expect(chart).toContain(`<c:cat><c:strRef><c:f>${ref(top + 1, left, bottom, left)}</c:f>`);
    expect([...chart.matchAll(/<c:ser>/g)]).toHaveLength(right - left);
    expect(sheet.charts[0]).toMatchObject({ kind: 'column', targets: [80, 100] }); // 5 regions: columns, with the reference lines
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    // The last two series are the reference lines: every row 80 (then 100), drawn as dashed lines over the same axes.
    const lines = /<c:lineChart>(.*)<\/c:lineChart>/.exec(chart)![1];
    expect([...lines.matchAll(/<c:ser>/g)]).toHaveLength(2);
    expect(lines).toContain('<a:prstDash val="dash"/>');
    expect(lines).toContain(`<c:f>${ref(top + 1, right - 1, bottom, right - 1)}</c:f>`);
    expect(sheet.cells.filter((c) => c.col === right - 1 && c.row > top && c.row <= bottom).map((c) => c.value)).toEqual(Array(bottom - top).fill(80));
    expect(chart).toContain(`<a:t>${sheet.charts[0].title}</a:t>`);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/<drawing r:id="rIdReportDrawing"\/><\/worksheet>$|<drawing r:id="rIdReportDrawing"\/>/);
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    expect(drawing).toContain(`<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${sheet.charts[0].at.row}</xdr:row>`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([sheet.name]);
  });

  test('50 districts: horizontal bars sorted by value, largest on top (the data block runs up), names all shown', async () => {
    const sheet = sheetOf('bma-community-plan-return', 'districts-by-indicator');
    const c = sheet.charts[0];
    expect(c).toMatchObject({ kind: 'bar', targets: [] });
    const values = sheet.cells.filter((x) => x.col === c.data.left + 1 && x.row > c.data.top && x.row <= c.data.bottom).map((x) => Number(x.value));
    expect(values).toHaveLength(50);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const chart = await (await JSZip.loadAsync(await tallyWorkbookBytes([sheet]))).file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toContain('<c:tickLblSkip val="1"/>');
    expect(chart).not.toContain('<c:legend>'); // one series: nothing to tell apart
  });
});
