import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { loadConfig } from '@returns-hub/functions/config';
import { testEntra, type TestEntra } from '../support/testEntra';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

let api: Api;
let entra: TestEntra;

beforeAll(async () => {
  entra = await testEntra();
  api = await startApi({ memory: new MemoryStorage(), config: { entra: entra.config } });
}, 60_000);
afterAll(async () => api?.close());

const token: TestEntra['token'] = (claims, opts) => entra.token(claims, opts);

describe('the zone reviewer role', () => {
  test('a Returns.Zone token with its zone in org_unit reviews its districts, and reads nothing else', async () => {
    await api.client('dev-unit-1045').submit(await requestFor(sample('community-plan/districts/1045.xlsx'))); // Z-C
    await api.client('dev-unit-1010').submit(await requestFor(sample('community-plan/districts/1010.xlsx'))); // Z-E
    const zone = await token({ roles: ['Returns.Zone'], org_unit: 'Z-C', preferred_username: 'zone-c@bma.go.th' });
    expect((await raw(api, '/api/me', { key: zone })).body).toEqual({ role: 'zone', orgUnit: 'Z-C', name: 'zone-c@bma.go.th' });
    const accepted = await raw(api, '/api/returns/bma-community-plan-return/2563/FY/1045/accept', { method: 'POST', key: zone, body: '{}' });
    expect([accepted.status, accepted.body.status, accepted.body.decision.by]).toEqual([200, 'zone_accepted', 'zone-c@bma.go.th']);
    expect((await raw(api, '/api/returns/bma-community-plan-return/2563/FY/1010/accept', { method: 'POST', key: zone, body: '{}' })).status).toBe(403);
    const list = await raw(api, '/api/reviews?form=bma-community-plan-return&fy=2563', { key: zone });
    expect(list.body.returns.map((r: { orgUnit: string }) => r.orgUnit)).toEqual(['1045']);
    expect((await raw(api, '/api/returns/bma-community-plan-return/2563/FY/1010', { key: zone })).status).toBe(403);
  });

  test('Returns.Zone naming a district, or no zone, is no role', async () => {
    expect((await raw(api, '/api/me', { key: await token({ roles: ['Returns.Zone'], org_unit: '1045' }) })).status).toBe(403);
    expect((await raw(api, '/api/me', { key: await token({ roles: ['Returns.Zone'] }) })).status).toBe(403);
  });

  test('RETURNS_API_KEYS grants zone keys for known zones only', () => {
    const good = loadConfig({ RETURNS_ENV: 'production', RETURNS_STORAGE: 'UseDevelopmentStorage=true', RETURNS_API_KEYS: JSON.stringify({ 'zone-c-key-1': { role: 'zone', orgUnit: 'Z-C' } }) });
    expect(good.ok && good.config.apiKeys['zone-c-key-1']).toEqual({ role: 'zone', orgUnit: 'Z-C' });
    const bad = loadConfig({ RETURNS_ENV: 'production', RETURNS_STORAGE: 'UseDevelopmentStorage=true', RETURNS_API_KEYS: JSON.stringify({ 'zone-x-key-1': { role: 'zone', orgUnit: '1045' } }) });
    expect(bad.ok).toBe(false);
  });
});

describe('names reviewers read', () => {
  test('a decision keeps the Entra display name of who made it; the list names each unit in both languages, with its zone', async () => {
    await api.client('dev-unit-1047').submit(await requestFor(sample('community-plan/districts/1047.xlsx')));
    const hq = await token({ roles: ['Returns.HQ'], preferred_username: 'somchai.j@bma.go.th', name: 'สมชาย ใจดี' });
    const sent = await raw(api, '/api/returns/bma-community-plan-return/2563/FY/1047/send-back', { method: 'POST', key: hq, body: JSON.stringify({ reason: 'ตรวจยอดเงิน' }) });
    expect(sent.body.decision).toMatchObject({ by: 'somchai.j@bma.go.th', name: 'สมชาย ใจดี', role: 'hq' });
    const list = await raw(api, '/api/reviews?form=bma-community-plan-return&fy=2563', { key: hq });
    const row = list.body.returns.find((r: { orgUnit: string }) => r.orgUnit === '1047');
    expect(row).toMatchObject({ name_th: 'บางนา', name_en: 'Bang Na', zone: { code: expect.any(String), name_th: expect.any(String) }, decision: { name: 'สมชาย ใจดี' } });
    // An API key has no display name: none is made up.
    await api.client('dev-unit-1048').submit(await requestFor(sample('community-plan/districts/1048.xlsx')));
    const byKey = await api.client().accept({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', orgUnit: '1048' });
    expect(byKey.decision).toMatchObject({ by: 'hq-key', role: 'hq' });
    expect(byKey.decision?.name).toBeUndefined();
  });
});
