import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
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

describe('Entra ID bearer tokens', () => {
  test('an HQ role token reads tallies', async () => {
    const r = await raw(api, '/api/tallies?form=bma-community-plan-return&fy=2563', { key: await token({ roles: ['Returns.HQ'], preferred_username: 'hq@bma.go.th' }) });
    expect(r.status).toBe(200);
  });

  test('a unit token submits for its unit, and not for another', async () => {
    const t = await token({ roles: ['Returns.Unit'], org_unit: '1045' });
    const own = await raw(api, '/api/returns', { method: 'POST', key: t, body: JSON.stringify(await requestFor(sample('community-plan/districts/1045.xlsx'))) });
    expect(own.status).toBe(201);
    const other = await raw(api, '/api/returns', { method: 'POST', key: t, body: JSON.stringify(await requestFor(sample('community-plan/districts/1047.xlsx'))) });
    expect(other.status).toBe(403);
  });

  test.each([
    ['wrong audience', { audience: 'api://someone-else' }],
    ['wrong issuer', { issuer: 'https://login.microsoftonline.com/other/v2.0' }],
    ['expired', { expiresIn: '-1m' }],
  ])('%s: 401', async (_n, opts) => {
    const r = await raw(api, '/api/forms', { key: await token({ roles: ['Returns.HQ'] }, opts) });
    expect(r.status).toBe(401);
  });

  test('a valid token with no returns-hub role: 403', async () => {
    expect((await raw(api, '/api/forms', { key: await token({ roles: [] }) })).status).toBe(403);
  });
});

describe('CORS for the add-in origin', () => {
  test('preflight from the add-in is allowed', async () => {
    const r = await raw(api, '/api/returns', { method: 'OPTIONS', key: null, headers: { Origin: 'https://localhost:3000', 'Access-Control-Request-Method': 'POST' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(r.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
  });

  test('another origin gets no CORS headers', async () => {
    const r = await raw(api, '/api/forms', { headers: { Origin: 'https://evil.example' } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});
