import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { startApi, requestFor, uploadFiles, type Api } from '../support/apiHarness';
import { sampleFiles } from '../support/samples';
import { expectCodiKpi51ByRegion, expectCodiNationalFigures, expectCommunityPlanFigures } from '../support/formsFigures';

let api: Api;
beforeAll(async () => (api = await startApi({ memory: new MemoryStorage() })), 60_000);
afterAll(async () => api?.close());

describe('the FORMS.md figures, through the API (the handlers on the in-memory stores: the store contract holds them to Azurite)', () => {
  test('Form 2: 50 district uploads, then the other layouts: every figure, unchanged', async () => {
    const hq = api.client();
    for (const file of sampleFiles('community-plan/districts')) {
      const res = await hq.submit(await requestFor(file));
      expect(res.receipts).toHaveLength(1);
      expect(res.receipts[0].version).toBe(1);
    }
    const q = { form: 'bma-community-plan-return', fy: 2563, period: 'FY' };
    expectCommunityPlanFigures(await hq.tallies({ ...q, by: 'hq' }));
    const c = await hq.completeness(q);
    expect([c.expected, c.received, c.missing]).toEqual([50, 50, []]);

    await uploadFiles(hq, sampleFiles('community-plan/layouts'));
    expectCommunityPlanFigures(await hq.tallies({ ...q, by: 'hq' }));

    // 1030 was sent twice: version 2 replaced version 1, which stays readable.
    const r = await hq.getReturn({ ...q, orgUnit: '1030' });
    expect(r.version).toBe(2);
    expect((r.versions as { version: number }[]).map((v) => v.version)).toEqual([1, 2]);
    const v1 = await hq.getReturn({ ...q, orgUnit: '1030', version: 1 });
    expect(v1.fileName).toBe('1030.xlsx');
  }, 120_000);

  test('Form 3: the 10 CODI files: national figures through Q2 and KPI 5.1 by region', async () => {
    const hq = api.client();
    // Q1 first: Q2's cumulative results are then checked against Q1's, across submissions.
    const files = sampleFiles('codi-kpi').sort((a, b) => (a.includes('Q1') === b.includes('Q1') ? a.localeCompare(b) : a.includes('Q1') ? -1 : 1));
    for (const file of files) {
      const res = await hq.submit(await requestFor(file));
      expect(res.receipts[0].warnings).toBe(0);
    }
    const q = { form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2' };
    expectCodiNationalFigures(await hq.tallies({ ...q, by: 'hq' }));
    expectCodiKpi51ByRegion(await hq.tallies({ ...q, by: 'region' }));
    expect((await hq.completeness(q)).received).toBe(5);
  }, 120_000);
});
