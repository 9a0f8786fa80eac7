import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sampleFiles } from '../support/samples';
import { checkFile } from '@returns-hub/cli/checkFiles';
import { checkReturn } from '@returns-hub/shared/check/checkReturn';
import { BUILT_IN, UNITS } from '../support/builtIn';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import type { BulkAcceptResponse } from '@returns-hub/shared/review/reviewSchemas';

const ancestorOfKind = (code: string, kind: 'zone') => UNITS.ancestorOfKind(code, kind);
const check = (loc: Parameters<typeof checkReturn>[0]) => checkReturn(loc, { definitions: BUILT_IN });

const PLAN = { form: 'bma-community-plan-return', fy: 2563, period: 'FY' };
const unitOf = (r: SubmitRequest) => r.fileName.replace('.xlsx', '');

async function districtRequests(): Promise<SubmitRequest[]> {
  return Promise.all(sampleFiles('community-plan/districts').map(requestFor));
}

describe('bulk accept of the 50 districts', () => {
  let api: Api;
  let requests: SubmitRequest[];
  beforeAll(async () => {
    api = await startApi({ memory: new MemoryStorage() });
    requests = await districtRequests();
    // One district forgets its meeting date: a warning, so "all clean" leaves it for a person.
    const held = requests.find((r) => check(r.returns[0]).fields.meeting_held === true)!;
    delete held.returns[0].fields.meeting_date;
    expect(check(held.returns[0]).issues.filter((i) => i.severity === 'warning')).toHaveLength(1);
    await Promise.all(requests.map((r) => api.client(`dev-unit-${unitOf(r)}`).submit(r)));
  }, 120_000);
  afterAll(async () => api?.close());

  test('a unit cannot bulk accept; a zone accepts only its districts, then HQ accepts every clean return, each recorded on its own', async () => {
    const byUnit = await raw(api, '/api/reviews/accept', { method: 'POST', key: 'dev-unit-1045', body: JSON.stringify({ ...PLAN, allClean: true }) });
    expect([byUnit.status, byUnit.body.code]).toEqual([403, 'review.forbidden']);

    const inZoneC = requests.map(unitOf).filter((u) => ancestorOfKind(u, 'zone')?.code === 'Z-C');
    const zone: BulkAcceptResponse = await api.client('dev-zone-Z-C').bulkAccept({ ...PLAN, allClean: true });
    const warned = (await api.client().reviews(PLAN)).returns.filter((r) => r.warnings > 0).map((r) => r.orgUnit);
    expect(warned).toHaveLength(1);
    expect(zone.results.map((r) => r.orgUnit).sort()).toEqual(inZoneC.sort());
    expect(zone.accepted).toBe(inZoneC.filter((u) => !warned.includes(u)).length);

    const hq: BulkAcceptResponse = await api.client().bulkAccept({ ...PLAN, allClean: true, note: 'ตรวจรับทั้งหมดที่ไม่มีคำเตือน' });
    expect(hq.accepted).toBe(49);
    expect(hq.results.filter((r) => r.outcome !== 'accepted')).toEqual([expect.objectContaining({ orgUnit: warned[0], outcome: 'has_warnings', detail: '1 warning(s): review it on its own.' })]);

    // The one with a warning, by selection; an unknown selection is reported, not fatal.
    const sel = await api.client().bulkAccept({ ...PLAN, returns: [{ orgUnit: warned[0] }, { orgUnit: '1045', version: 1 }] });
    expect(sel.results.map((r) => r.outcome)).toEqual(['accepted', 'review.already_accepted']);

    const list = await api.client().reviews(PLAN);
    expect(list.returns).toHaveLength(50);
    expect(list.returns.every((r) => r.status === 'accepted')).toBe(true);
    const histories = await Promise.all(requests.map((r) => api.client().history({ ...PLAN, orgUnit: unitOf(r) })));
    for (const [i, h] of histories.entries()) {
      const accepts = h.events.filter((e) => e.action === 'accept');
      const zoneFirst = inZoneC.includes(unitOf(requests[i])) && !warned.includes(unitOf(requests[i]));
      expect(accepts.map((e) => e.level)).toEqual(zoneFirst ? ['zone', 'hq'] : ['hq']);
    }
  });

  test("a zone's selection of another zone's district is refused for that one only", async () => {
    const r = await api.client('dev-zone-Z-E').bulkAccept({ ...PLAN, returns: [{ orgUnit: '1045' }] });
    expect(r.results[0]).toMatchObject({ orgUnit: '1045', outcome: 'review.forbidden' });
  });
});

describe('completeness and tallies over a mix of statuses (accept 30, send back 5, leave 15)', () => {
  let api: Api;
  let units: string[];
  let acceptedTotal: number;
  beforeAll(async () => {
    api = await startApi({ memory: new MemoryStorage() });
    const requests = await districtRequests();
    await Promise.all(requests.map((r) => api.client().submit(r)));
    units = requests.map(unitOf).sort();
    const accepted = await api.client().bulkAccept({ ...PLAN, returns: units.slice(0, 30).map((orgUnit) => ({ orgUnit, version: 1 })) });
    expect(accepted.accepted).toBe(30);
    for (const orgUnit of units.slice(30, 35)) await api.client('dev-hq').sendBack({ ...PLAN, orgUnit }, { version: 1, reason: 'ตัวเลขไม่ครบ' });
    // The figures of the 30 accepted districts, from the files themselves.
    const files = sampleFiles('community-plan/districts').filter((f) => units.slice(0, 30).some((u) => f.endsWith(`${u}.xlsx`)));
    acceptedTotal = 0;
    for (const f of files) acceptedTotal += Number((await checkFile(f)).sheets[0].returns[0].fields.communities_total);
  }, 120_000);
  afterAll(async () => api?.close());

  test('completeness: per unit status and timeliness, counts by status, accepted returns', async () => {
    const c = await api.client().completeness(PLAN);
    expect(c.byStatus).toEqual({ not_received: 0, submitted: 15, returned: 5, zone_accepted: 0, accepted: 30, reopened: 0 });
    expect(c.returns).toEqual({ total: 50, accepted: 30 });
    expect([c.expected, c.received, c.dueDate]).toEqual([50, 50, '2020-10-15']);
    expect(c.units.find((u) => u.code === units[0])).toMatchObject({ status: 'accepted', timeliness: 'late', returns: 1, accepted: 1 });
    expect(c.units.find((u) => u.code === units[30])).toMatchObject({ status: 'returned' });
    expect(c.units.find((u) => u.code === units[49])).toMatchObject({ status: 'submitted' });
    // A zone reviewer's completeness is its zone's.
    const z = await api.client('dev-zone-Z-C').completeness(PLAN);
    expect(z.units.every((u) => ancestorOfKind(u.code, 'zone')?.code === 'Z-C')).toBe(true);
    expect(z.expected).toBe(z.units.length);
  });

  test('tallies of every current return say how many of them are accepted; tallies of accepted returns include only those', async () => {
    const all = await api.client().tallies({ ...PLAN, by: 'hq' });
    expect(all).toMatchObject({ include: 'all', returns: { included: 50, accepted: 30 } });
    expect(all.groups[0]).toMatchObject({ received: 50, returns: 50, accepted: 30 });
    expect(all.groups[0].measures.find((m) => m.id === 'communities_total')?.value).toBe(2068);

    const accepted = await api.client().tallies({ ...PLAN, by: 'hq', include: 'accepted' });
    expect(accepted).toMatchObject({ include: 'accepted', returns: { included: 30, accepted: 30 } });
    expect(accepted.groups[0]).toMatchObject({ received: 30, accepted: 30 });
    expect(accepted.groups[0].measures.find((m) => m.id === 'communities_total')?.value).toBe(acceptedTotal);
    expect(acceptedTotal).toBeLessThan(2068);

    const byZone = await api.client().tallies({ ...PLAN, by: 'zone' });
    expect(byZone.groups.reduce((n, g) => n + (g.accepted ?? 0), 0)).toBe(30);
    expect((await raw(api, '/api/tallies?form=bma-community-plan-return&fy=2563&include=some')).status).toBe(400);
  });
});
