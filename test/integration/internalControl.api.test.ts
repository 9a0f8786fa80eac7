import { ApiError } from '@returns-hub/shared/api/client';
import type { Tally } from '@returns-hub/shared/consolidate/tally';
import { computeReport } from '@returns-hub/shared/report/computeReport';
import { reportCsvRows } from '@returns-hub/shared/report/reportCsv';
import { checkFile } from '@returns-hub/cli/checkFiles';
import { total, useFigureSource } from '@returns-hub/addin/functions/customFunctions';
import { FigureSource } from '@returns-hub/addin/functions/figureSource';
import { startApi, requestFor, type Api } from '../support/apiHarness';
import { sample, sampleFiles } from '../support/samples';
import { UNITS, builtInForm } from '../support/builtIn';
import { formsInternalControl } from '../support/formsTables';

/**
 * Form 5 (`codi-internal-control`), made as data only: forms/codi-internal-control.xlsx and its
 * twin, CODI's 17 units in forms/units-codi.*; nothing of it is code. Its 17 samples, uploaded
 * to the API on Azurite, give CODI's table in FORMS.md exactly: in the tally, on the report
 * sheet and through RETURNS.TOTAL.
 */
const FORM = 'codi-internal-control';
const Q = { form: FORM, fy: 2563, period: 'Q2' };
const COUNTS = ['assessed', 'controlled', 'residual'] as const;
/** FORMS.md shows 0 as `–`. */
const asShown = (n: number) => (n === 0 ? '–' : n.toLocaleString('en-US'));

let api: Api;
beforeAll(async () => (api = await startApi()), 60_000);
afterAll(async () => api?.close());

/** Each risk level (Thai, as FORMS.md names it) → its three counts, and `รวม` → the totals, from a group of a tally. */
function byLevel(t: Tally, group: string): Map<string, string[]> {
  const g = t.groups.find((x) => x.orgUnit === group);
  if (!g) throw new Error(`no group ${group}`);
  const value = (id: string) => g.measures.find((m) => m.id === id)?.value ?? null;
  const out = new Map<string, string[]>();
  for (const level of ['สูงสุด', 'สูง', 'ปานกลาง', 'ต่ำ'])
    out.set(
      level,
      COUNTS.map((c) => asShown(Number(value(`item:${level}:${c}`)))),
    );
  out.set(
    'รวม',
    COUNTS.map((c) => asShown(Number(value(`total:${c}`)))),
  );
  return out;
}

describe('Form 5, a form made as data: the 17 CODI units through the API on Azurite', () => {
  test("CODI's table by risk level (58 · 46 · 42): check, upload, tally, completeness, report sheet and RETURNS.TOTAL", async () => {
    const hq = api.client();
    const files = sampleFiles('internal-control');
    expect(files).toHaveLength(17);
    for (const file of files) {
      const res = await hq.submit(await requestFor(file));
      expect(res.receipts.map((r) => [r.formId, r.fiscalYear, r.period, r.warnings])).toEqual([[FORM, 2563, 'Q2', 0]]);
    }
    const national = await hq.tallies({ ...Q, by: 'hq' });
    const codi = national.groups.find((g) => g.orgUnit === 'CODI')!;
    expect([national.groups.length, codi.received, codi.expected]).toEqual([1, 17, 17]);
    expect(byLevel(national, 'CODI')).toEqual(formsInternalControl());

    // By region: the 5 regional offices have 22 plans, the 12 headquarters divisions (each its own group) 36.
    const regions = await hq.tallies({ ...Q, by: 'region' });
    const plans = (codes: string[]) => codes.reduce((a, c) => a + Number(regions.groups.find((g) => g.orgUnit === c)?.measures.find((m) => m.id === 'total:assessed')?.value), 0);
    expect(regions.groups).toHaveLength(17);
    expect(plans(['N', 'NE', 'S', 'CW', 'BE'])).toBe(22);
    expect(plans(Array.from({ length: 12 }, (_, i) => `HQ${String(i + 1).padStart(2, '0')}`))).toBe(36);
    const completeness = await hq.completeness(Q);
    expect([completeness.expected, completeness.received, completeness.missing]).toEqual([17, 17, []]);
    expect(completeness.units.map((u) => u.code)).not.toContain('21000000'); // BMA's department is not CODI's

    // The report sheet HQ prints: the form's layout over the API's tally, CODI's table row by row.
    const form = builtInForm(FORM);
    const sheet = computeReport(form.reports![0], { form, units: UNITS, tallies: { hq: national, region: regions }, completeness: null, generatedAt: new Date('2020-04-15T07:30:00Z') });
    if (!('cells' in sheet)) throw new Error(sheet.message_en);
    const rows = reportCsvRows(sheet).filter((r) => r.length === 4 && typeof r[1] === 'number');
    expect(new Map(rows.map(([level, ...n]) => [String(level), n.map((x) => asShown(Number(x)))]))).toEqual(formsInternalControl());

    // RETURNS.TOTAL in a cell: the same figures from the same API.
    useFigureSource(new FigureSource(() => api.client()));
    expect(await total(FORM, 'item:สูงสุด:assessed', 2563, 'Q2')).toBe(5);
    expect(await total(FORM, 'item:สูง:residual', 2563, 'Q2')).toBe(26);
    expect(await Promise.all(COUNTS.map((c) => total(FORM, `total:${c}`, 2563, 'Q2')))).toEqual([58, 46, 42]);
    expect(await total(FORM, 'total:assessed', 2563, 'Q2', 'ภาคเหนือ')).toBe(5);
  }, 180_000);

  test('errors/: an unknown risk level is refused naming the levels; a residual risk without control is warned; a plan without a name is refused at its cell', async () => {
    const hq = api.client();
    const unknown = await checkFile(sample('internal-control/errors/HQ04-unknown-risk-level.xlsx'));
    const issues = unknown.sheets.flatMap((s) => s.returns.flatMap((r) => r.issues));
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.cell, i.code, i.message_th, i.message_en])).toEqual([
      [
        "'ไตรมาส 2'!C6",
        'value.not_choice',
        '"ระดับความเสี่ยง" ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: "สูงสุด", "สูง", "ปานกลาง", "ต่ำ" แต่พบ "สูงมาก"',
        '"Risk level" must be one of "very high", "high", "medium", "low"; found "สูงมาก"',
      ],
    ]);
    const refused = await hq.submit(await requestFor(sample('internal-control/errors/HQ04-unknown-risk-level.xlsx'))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(422);

    const residual = await checkFile(sample('internal-control/errors/HQ06-residual-without-control.xlsx'));
    const found = residual.sheets.flatMap((s) => s.returns.flatMap((r) => r.issues)).map((i) => [i.cell, i.severity, i.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["'ไตรมาส 2'!E7", 'warning', 'rule.only_when'],
        ["'ไตรมาส 2'!B8", 'error', 'rule.row_required'],
      ]),
    );
    expect(found.filter(([, severity]) => severity === 'error')).toHaveLength(1);
  }, 60_000);
});
