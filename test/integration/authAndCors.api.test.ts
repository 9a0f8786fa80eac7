import { SignJWT, generateKeyPair, exportJWK, createLocalJWKSet, type KeyLike } from 'jose';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

const TENANT = '00000000-0000-0000-0000-000000000001';
const AUDIENCE = 'api://returns-hub';
let api: Api;
let privateKey: KeyLike;

beforeAll(async () => {
  // Tokens signed with a local key stand in for Entra ID's; the API checks them as it checks the tenant's.
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256' };
  api = await startApi({ config: { entra: { tenantId: TENANT, audience: AUDIENCE, keys: createLocalJWKSet({ keys: [jwk] }) } } });
}, 60_000);
afterAll(async () => api?.close());

function token(claims: Record<string, unknown>, opts: { audience?: string; issuer?: string; expiresIn?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuer(opts.issuer ?? `https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(opts.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '10m')
    .sign(privateKey);
}

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
