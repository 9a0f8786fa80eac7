import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '@returns-hub/cli/main';
import { parseCsv, UTF8_BOM } from '@returns-hub/shared/report/csv';
import { startApi, raw, uploadFiles, type Api } from '../support/apiHarness';
import { sample, sampleFiles } from '../support/samples';
import { formsCommunityPlan } from '../support/formsTables';
import { SOURCE_PREFIX } from '@returns-hub/shared/report/flatRecords';
import { UNITS, builtInForm } from '../support/builtIn';
import { parseThaiDate } from '@returns-hub/shared/parse/parseThaiDate';
import { parseYesNo } from '@returns-hub/shared/parse/parseYesNo';
import { parseNumber } from '@returns-hub/shared/parse/parseNumber';

const resolveOrgUnit = (text: unknown, kinds?: Parameters<typeof UNITS.resolve>[1]) => UNITS.resolve(text, kinds);

let api: Api;
let dir: string;
const EVIL = '=HYPERLINK("http://evil.example","click")';

/** seed000 with its project renamed to something a spreadsheet would run as a formula. */
async function evilProject(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample('project-progress/seed000-wang-thonglang-2564.xlsx'));
  wb.worksheets[0].getCell('A3').value = `ชื่อโครงการ/กิจกรรม : ${EVIL}`;
  const file = join(dir, 'evil-project.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  api = await startApi({ memory: new MemoryStorage() });
  dir = mkdtempSync(join(tmpdir(), 'exports-'));
  const hq = api.client();
  await uploadFiles(hq, [...sampleFiles('community-plan/districts'), ...sampleFiles('codi-kpi'), await evilProject()]);
}, 180_000);
afterAll(async () => api?.close());

async function run(argv: string[]) {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s), { RETURNS_API_URL: api.url, RETURNS_API_KEY: 'dev-hq' });
  return { code, out: lines.join('\n') };
}

const okValue = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);
const unitCode = (r: ReturnType<typeof resolveOrgUnit>) => (r.ok ? r.unit.code : undefined);

const fmt = (x: number, decimals = 0) => x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

describe('the flat export', () => {
  test('the 50 districts as CSV (UTF-8 with BOM), read back into numbers, reproduce the Form 2 figures of FORMS.md', async () => {
    const res = await fetch(`${api.url}/api/exports/records?form=bma-community-plan-return&fy=2563&period=FY&format=csv`, { headers: { Authorization: 'Bearer dev-hq' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // The bytes begin with the BOM (fetch's text() would drop it, as every UTF-8 decoder may).
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(rows).toHaveLength(50);
    const col = (id: string) => {
      const k = header.indexOf(id);
      if (k < 0) throw new Error(`no column ${id}`);
      return rows.map((r) => r[k]);
    };
    expect(col('org_unit_name_th')).toContain('วังทองหลาง');
    expect(new Set(col('version'))).toEqual(new Set(['1']));
    expect(new Set(col('period'))).toEqual(new Set(['FY']));
    expect(col('status').every((s) => s === 'on_time' || s === 'late')).toBe(true);

    // Every indicator recomputed from the flat rows alone, as an upstream system would.
    const form = builtInForm('bma-community-plan-return');
    if (form.consolidation.kind !== 'indicators') throw new Error('kind');
    const values = new Map<string, number>();
    for (const ind of form.consolidation.indicators) {
      if (ind.kind === 'returns') values.set(ind.id, rows.length);
      else if (ind.kind === 'sum')
        values.set(
          ind.id,
          col(ind.field).reduce((a, v) => a + (v === '' ? 0 : Number(v)), 0),
        );
      else values.set(ind.id, rows.filter((_, i) => ind.fields.some((f) => (ind.when === 'yes' ? col(f)[i] === 'TRUE' : Number(col(f)[i]) > 0))).length);
    }
    for (const [id, want] of formsCommunityPlan()) {
      const ind = form.consolidation.indicators.find((x) => x.id === id)!;
      const v = values.get(id)!;
      expect({ id, value: ind.kind === 'returns' ? `${v} / 50` : fmt(v) }).toEqual({ id, value: want.value });
      if (want.pct) {
        const base = ind.kind !== 'returns' && ind.pctOf;
        const of = base === 'expected' ? 50 : base ? values.get(base.indicator)! : NaN;
        expect({ id, pct: fmt((v / of) * 100, 2) }).toEqual({ id, pct: want.pct });
      }
    }
  });

  test('as JSON: the columns with Thai and English labels; a unit key gets its own records only', async () => {
    const all = await raw(api, '/api/exports/records?form=bma-community-plan-return&fy=2563&period=FY');
    expect(all.status).toBe(200);
    expect(all.body.columns.find((c: { id: string }) => c.id === 'communities_total')).toEqual({ id: 'communities_total', label_th: 'จำนวนชุมชนทั้งหมดในพื้นที่เขต', label_en: expect.any(String) });
    expect(all.body.rows).toHaveLength(50);
    const own = await raw(api, '/api/exports/records?form=bma-community-plan-return&fy=2563&period=FY', { key: 'dev-unit-1045' });
    expect(own.body.rows.map((r: unknown[]) => r[1])).toEqual(['1045']);
  });

  test('drill-down: every Form 2 value of 1045 names its source cell, and that cell of the sample file holds it', async () => {
    const res = await raw(api, '/api/exports/records?form=bma-community-plan-return&fy=2563&period=FY');
    const { columns, rows } = res.body as { columns: { id: string; label_th: string }[]; rows: (string | number | boolean | null)[][] };
    const row = rows.find((r) => r[columns.findIndex((c) => c.id === 'org_unit')] === '1045')!;
    const at = (id: string) => row[columns.findIndex((c) => c.id === id)];
    const form = builtInForm('bma-community-plan-return');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample('community-plan/districts/1045.xlsx'));
    const checked = form.fields.map((f) => {
      const source = String(at(`${SOURCE_PREFIX}${f.id}`));
      const m = /^'(.+)'!([A-Z]+\d+)$/.exec(source);
      if (!m) return { field: f.id, source, holds: 'no cell address' };
      const cell = wb.getWorksheet(m[1])!.getCell(m[2]);
      const value = at(f.id);
      const raw = cell.value === null || cell.value === '' ? null : cell.value;
      // What the cell says, read as the field's type reads it.
      const read =
        raw === null
          ? null
          : f.type === 'orgUnit'
            ? unitCode(resolveOrgUnit(raw, f.orgUnitKinds))
            : f.type === 'date'
              ? okValue(parseThaiDate(raw))
              : f.type === 'yesno'
                ? parseYesNo(raw)
                : f.type === 'text'
                  ? String(raw)
                  : okValue(parseNumber(raw));
      return { field: f.id, source, holds: read === (value ?? null) ? 'its value' : `${JSON.stringify(read)} for ${JSON.stringify(value)}` };
    });
    expect(checked.filter((c) => c.holds !== 'its value')).toEqual([]);
    // The figure HQ asks about: 1045's part of the 583,203 disbursed.
    expect(at('cell:budget_disbursed')).toBe("'แบบรายงาน 1'!C14");
    expect(checked).toHaveLength(form.fields.length);
    // The export names each column once: one fiscal year, one unit code.
    const labels = columns.map((c) => c.label_th);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
    expect(columns.filter((c) => c.id === 'fiscal_year')).toHaveLength(1);
  });

  test('a project name that starts with = comes out as text: CSV neutralized, xlsx a string cell', async () => {
    const res = await fetch(`${api.url}/api/exports/records?form=bma-project-progress&fy=2564&period=FY&format=csv`, { headers: { Authorization: 'Bearer dev-hq' } });
    const [header, ...rows] = parseCsv(await res.text());
    const name = rows.map((r) => r[header.indexOf('project_name')]);
    expect(name.length).toBeGreaterThan(1); // one row per progress report
    expect(new Set(name)).toEqual(new Set([`'${EVIL}`]));

    const file = join(dir, 'records.xlsx');
    const { code, out } = await run(['pull', '--form', 'bma-project-progress', '--fy', '2564', '--layout', 'records', '--out', file]);
    expect([code, out]).toEqual([0, expect.stringMatching(/records\)$/)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0].eachRow((r) => r.eachCell((c) => void (String(c.value).includes('HYPERLINK') && cells.push(c))));
    expect(cells.length).toBe(name.length);
    for (const c of cells) expect([c.type, c.value]).toEqual([ExcelJS.ValueType.String, EVIL]);

    const csvFile = join(dir, 'records.csv');
    expect((await run(['pull', '--form', 'bma-project-progress', '--fy', '2564', '--layout', 'records', '--out', csvFile])).code).toBe(0);
    expect(readFileSync(csvFile, 'utf8')).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  test('the tally as CSV: a row per unit and measure, names and Thai status words; bad requests say why', async () => {
    const res = await fetch(`${api.url}/api/exports/tally?form=codi-quarterly-kpi&fy=2563&period=Q2&by=region&format=csv`, { headers: { Authorization: 'Bearer dev-hq' } });
    const [headings, header, ...rows] = parseCsv(await res.text());
    expect(rows).toHaveLength(30);
    // The CLI's shape: bilingual headings, then the ids.
    expect(headings.slice(0, 2)).toEqual(['รหัสหน่วยงาน (Unit code)', 'หน่วยงาน (Unit)']);
    const cli = parseCsv((await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--period', 'Q2', '--by', 'region', '--format', 'csv'])).out);
    expect(cli.slice(0, 2)).toEqual([headings, header]);
    expect(cli.slice(2)).toEqual(rows);
    const north51 = rows.find((r) => r[0] === 'N' && r[header.indexOf('id')] === '5.1')!;
    expect([north51[header.indexOf('unit_th')], north51[header.indexOf('value')], north51[header.indexOf('status')]]).toEqual(['ภาคเหนือ', '420', 'เขียว']);
    expect((await raw(api, '/api/exports/everything?form=codi-quarterly-kpi&fy=2563')).status).toBe(404);
    expect((await raw(api, '/api/exports/records?form=bma-community-plan-return&fy=2563&period=Q2')).body.code).toBe('query.bad_period');
  });
});

describe('returns pull --format --layout --by', () => {
  test('xlsx: a sheet per layout of the form, named by layout and period', async () => {
    const file = join(dir, 'codi.xlsx');
    const { code, out } = await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--period', 'Q2', '--out', file]);
    expect(code).toBe(0);
    expect(out).toContain('ตัวชี้วัด ไตรมาส 2-2563');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['ตัวชี้วัด ไตรมาส 2-2563', 'ตัวชี้วัดรายภาค ไตรมาส 2-2563', 'ภาค x ตัวชี้วัด ไตรมาส 2-2563']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A5').numFmt).toBe('[$-107041E]"ข้อมูล ณ วันที่ "d mmmm yyyy" เวลา "hh:mm" น."');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
  });

  test('csv of a layout: its tables with Thai headings and raw numbers; --by changes the rows', async () => {
    const { code, out } = await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--period', 'Q2', '--format', 'csv', '--layout', 'kpi-by-region']);
    expect(code).toBe(0);
    const rows = parseCsv(out);
    const block = rows.findIndex((r) => r[0].startsWith('5.1 '));
    expect(rows[block + 1]).toEqual(['ภาค', 'เป้าหมายปี', 'ผลการดำเนินงาน ไตรมาส 1', 'ผลการดำเนินงาน ไตรมาส 2', 'ผลสะสม']);
    expect(rows[block + 4]).toEqual(['ใต้', '1570', '0', '47', '47']);
    expect(rows[block + 7]).toEqual(['รวม', '8645', '271', '593', '864']);

    const zones = parseCsv((await run(['pull', '--form', 'bma-community-plan-return', '--fy', '2563', '--format', 'csv', '--layout', 'districts-by-indicator', '--by', 'zone'])).out);
    expect(zones.filter((r) => r[0].startsWith('กลุ่มเขตกรุง'))).toHaveLength(6);
    expect(zones.find((r) => r[1] === 'ชุมชนทั้งหมด')?.[0]).toBe('กลุ่มเขต'); // the rows are zones: their column says so
  });

  test('json, and an unknown layout names the ones there are', async () => {
    const { out } = await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--period', 'Q2', '--format', 'json', '--by', 'region']);
    expect(JSON.parse(out).tally.groups).toHaveLength(5);
    const bad = await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--layout', 'pie']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('kpi-table, kpi-by-region, regions-by-kpi');
  });
});
