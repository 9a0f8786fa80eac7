import type { DefinitionDocument } from '@returns-hub/shared/definitions/definitionDocument';
import type { Tally } from '@returns-hub/shared/consolidate/tally';
import { scoreFromTiers } from '@returns-hub/shared/consolidate/trafficLight';
import { ApiError } from '@returns-hub/shared/api/client';
import { startApi, uploadFiles, type Api } from '../support/apiHarness';
import { sample, sampleFiles } from '../support/samples';
import { expectCodiKpi51ByRegion, expectCodiNationalFigures } from '../support/formsFigures';
import { apiDefinitions, appendRow, gridsOf, replaceText, requestOf, setCell } from '../support/definitionSamples';

let api: Api;
beforeAll(async () => (api = await startApi()), 60_000);
afterAll(async () => api?.close());

const measure = (t: Tally, group: string, id: string) => t.groups.find((g) => g.orgUnit === group)?.measures.find((m) => m.id === id);
/** Q1 before Q2 (cumulative results are checked across submissions). */
const quarterOrder = (files: string[]) => [...files].sort((a, b) => (a.includes('Q1') === b.includes('Q1') ? a.localeCompare(b) : a.includes('Q1') ? -1 : 1));

describe('a KPI catalog published for FY 2564', () => {
  test('one KPI added and one tier changed: the FY 2564 tally has the new KPI and the new score; every FY 2563 figure is unchanged', async () => {
    const hq = api.client();
    // Headquarters takes last year's definition, adds KPI 9.1 and changes KPI 2's tiers, and publishes it for 2564.
    const doc: DefinitionDocument = (await hq.definition('codi-quarterly-kpi', { fy: 2564 })).doc;
    if (doc.kind !== 'form') throw new Error('form');
    doc.form.catalog!.push({ code: '9.1', name_th: 'ชุมชนที่มีแผนรับมือภัยพิบัติ', name_en: 'Communities with a disaster plan', unit: 'ชุมชน', kind: 'count' });
    doc.form.catalog!.find((c) => c.code === '2')!.tiers = [5000, 10000, 20000];
    expect(await hq.publishDefinition('codi-quarterly-kpi', 2564, doc, null)).toMatchObject({ version: 1, fromFiscalYear: 2564 });

    // FY 2564 returns: the samples a year on, each region reporting KPI 9.1 too (3 in Q1, 4 in Q2).
    const source = await apiDefinitions(hq, 2564);
    for (const file of quarterOrder(sampleFiles('codi-kpi'))) {
      const q1 = file.includes('Q1');
      const grids = appendRow(replaceText(await gridsOf(file), '2563', '2564'), ['9.1', 'ชุมชนที่มีแผนรับมือภัยพิบัติ', 'ชุมชน', 20, 5, 5, 5, 5, q1 ? 3 : 4, q1 ? 3 : 7]);
      const res = await hq.submit(requestOf(file.replace('2563', '2564'), grids, source));
      expect(res.receipts.map((r) => [r.fiscalYear, r.warnings])).toEqual([[2564, 0]]); // 9.1 is a known KPI in 2564: no unknown-code warning
    }
    const t2564 = await hq.tallies({ form: 'codi-quarterly-kpi', fy: 2564, period: 'Q2', by: 'hq' });
    expect(measure(t2564, 'CODI', '9.1')).toMatchObject({ value: 35, annualTarget: 100, targetToDate: 50, byQuarter: [15, 20, null, null] });
    expect(measure(t2564, 'CODI', '2')).toMatchObject({ value: 11_315, score: scoreFromTiers(11_315, [5000, 10000, 20000]) });
    expect(measure(t2564, 'CODI', '2')!.score).toBeGreaterThan(75);

    // FY 2563: the samples as they are give FORMS.md's CODI tables, score 0 and no KPI 9.1.
    await uploadFiles(hq, quarterOrder(sampleFiles('codi-kpi')));
    const t2563 = await hq.tallies({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2', by: 'hq' });
    expectCodiNationalFigures(t2563);
    expectCodiKpi51ByRegion(await hq.tallies({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2', by: 'region' }));
    expect(measure(t2563, 'CODI', '9.1')).toBeUndefined();
    // The tally of 2564 is what it was: publishing and 2563's returns changed nothing of it.
    expect(await hq.tallies({ form: 'codi-quarterly-kpi', fy: 2564, period: 'Q2', by: 'hq' })).toEqual(t2564);
    const stored = await hq.getReturn({ form: 'codi-quarterly-kpi', fy: 2564, period: 'Q2', orgUnit: 'N' });
    expect(stored.checkedWith).toEqual({ form: 1, units: 0 });
  }, 180_000);
});

describe('org units published for FY 2564', () => {
  test('a new zone and a district in it: its return is accepted and tallied under its zone; completeness expects it from 2564 only', async () => {
    const hq = api.client();
    const doc: DefinitionDocument = (await hq.definition('units:BMA', { fy: 2564 })).doc;
    if (doc.kind !== 'orgUnits') throw new Error('units');
    doc.units.push(
      { code: 'Z-X', kind: 'zone', name_th: 'กลุ่มเขตทดลอง', name_en: 'Trial zone', parent: 'BMA' },
      { code: '1051', kind: 'district', name_th: 'ทดลองใหม่', name_en: 'Thot Long Mai', parent: 'Z-X', agencyPrefix: '5051' },
    );
    expect(await hq.publishDefinition('units:BMA', 2564, doc, null)).toMatchObject({ id: 'units:BMA', version: 1 });

    // The new district's return for FY 2564 (a district's sheet, its name and year changed).
    const sheet = async (fy: number) => setCell(setCell(setCell(await gridsOf(sample('community-plan/districts/1045.xlsx')), 'A2', `ประจำปีงบประมาณ พ.ศ. ${fy}`), 'B4', 'ทดลองใหม่'), 'B5', `27/8/${fy}`);
    const res = await hq.submit(requestOf('1051.xlsx', await sheet(2564), await apiDefinitions(hq, 2564)));
    expect(res.receipts.map((r) => [r.orgUnit, r.fiscalYear])).toEqual([['1051', 2564]]);
    expect((await hq.getReturn({ form: 'bma-community-plan-return', fy: 2564, period: 'FY', orgUnit: '1051' })).checkedWith).toEqual({ form: 0, units: 1 });

    const zones = await hq.tallies({ form: 'bma-community-plan-return', fy: 2564, period: 'FY', by: 'zone' });
    const zone = zones.groups.find((g) => g.orgUnit === 'Z-X')!;
    expect([zone.name_th, zone.received, zone.expected, measure(zones, 'Z-X', 'communities_total')?.value]).toEqual(['กลุ่มเขตทดลอง', 1, 1, 26]);
    const c2564 = await hq.completeness({ form: 'bma-community-plan-return', fy: 2564, period: 'FY' });
    expect([c2564.expected, c2564.received]).toEqual([51, 1]);
    expect(c2564.missing.map((m) => m.code)).not.toContain('1051');

    // In 2563 the district does not exist: not expected, and its return is refused at the unit's cell.
    const c2563 = await hq.completeness({ form: 'bma-community-plan-return', fy: 2563, period: 'FY' });
    expect([c2563.expected, c2563.missing.map((m) => m.code)]).toEqual([50, expect.not.arrayContaining(['1051'])]);
    const refused = await hq.submit(requestOf('1051.xlsx', await sheet(2563), await apiDefinitions(hq, 2563))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(422);
    expect(((refused as ApiError).problem as { issues?: { code: string; cell: string }[] }).issues).toEqual([expect.objectContaining({ code: 'org_unit.unknown', cell: "'แบบรายงาน 1'!B4" })]);
  }, 120_000);
});
