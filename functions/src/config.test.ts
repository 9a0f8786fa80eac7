import { builtInDefinitions } from './definitions/builtInDefinitions';
import { HttpRequest } from '@azure/functions';
import { azuriteConnection, DEFAULT_MAX_BODY_BYTES, DEVELOPMENT_NEEDS_LOCAL_AZURITE, DEFAULT_STORAGE_TIMEOUT_MS, loadConfig, type ApiConfig } from './config';
import { authenticate } from './http/auth';
import { isProblem } from './http/problem';

const STORAGE = { RETURNS_STORAGE: 'UseDevelopmentStorage=true' };
const REAL_ACCOUNT = 'DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net';
const ENTRA = { ENTRA_TENANT_ID: '00000000-0000-0000-0000-000000000001', ENTRA_AUDIENCE: 'api://returns-hub' };
const AZURE_SITE = { WEBSITE_SITE_NAME: 'returns-hub-prod' };
const AZURE_INSTANCE = { WEBSITE_INSTANCE_ID: 'f00d' };

function config(env: Record<string, string>): ApiConfig {
  const out = loadConfig(env);
  if (!out.ok) throw new Error(out.errors.join('; '));
  return out.config;
}

/** Which role the key `key` gets under a configuration, or its refusal's status. */
async function as(cfg: ApiConfig, key: string): Promise<string> {
  const p = await authenticate(
    new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/forms', headers: { authorization: `Bearer ${key}` } }),
    cfg,
    async () => builtInDefinitions().forYear(null).units,
  );
  return isProblem(p) ? String(p.status) : p.role;
}

describe('development keys fail closed: a matrix over the environment', () => {
  test.each<[string, Record<string, string>, string, string]>([
    ['nothing set', { ...STORAGE }, '401', 'production'],
    ['RETURNS_ENV=development', { ...STORAGE, RETURNS_ENV: 'development' }, 'hq', 'development'],
    ['RETURNS_ENV=production', { ...STORAGE, RETURNS_ENV: 'production' }, '401', 'production'],
    ['the Functions host says Development (not our switch)', { ...STORAGE, AZURE_FUNCTIONS_ENVIRONMENT: 'Development' }, '401', 'production'],
    [
      'the probe: WEBSITE_SITE_NAME, AZURE_FUNCTIONS_ENVIRONMENT=Production, Entra, no RETURNS_API_KEYS',
      { ...STORAGE, ...AZURE_SITE, ...ENTRA, AZURE_FUNCTIONS_ENVIRONMENT: 'Production' },
      '401',
      'production',
    ],
    ['in Azure (site name) with RETURNS_ENV=development', { ...STORAGE, ...AZURE_SITE, ...ENTRA, RETURNS_ENV: 'development' }, '401', 'production'],
    ['in Azure (instance id) with RETURNS_ENV=development', { ...STORAGE, ...AZURE_INSTANCE, ...ENTRA, RETURNS_ENV: 'development' }, '401', 'production'],
    ['development with explicit RETURNS_API_KEYS', { ...STORAGE, RETURNS_ENV: 'development', RETURNS_API_KEYS: '{"hq-key-0001":{"role":"hq"}}' }, '401', 'development'],
    ['production against a real account, outside App Service', { RETURNS_STORAGE: REAL_ACCOUNT, RETURNS_ENV: 'production' }, '401', 'production'],
    ['development with Azurite on loopback (as npm start runs it)', { RETURNS_STORAGE: azuriteConnection(10019), RETURNS_ENV: 'development' }, 'hq', 'development'],
  ])('%s: dev-hq → %s (%s)', async (_name, env, expected, mode) => {
    const cfg = config(env);
    expect(cfg.env).toBe(mode);
    expect(await as(cfg, 'dev-hq')).toBe(expected);
    expect(await as(cfg, 'dev-unit-1045')).toBe(expected === 'hq' ? 'unit' : '401');
  });

  test('explicit keys work in production and in Azure', async () => {
    const cfg = config({ ...STORAGE, ...AZURE_SITE, ...ENTRA, RETURNS_API_KEYS: '{"hq-key-0001":{"role":"hq"},"unit-key-1045":{"role":"unit","orgUnit":"1045"}}' });
    expect([await as(cfg, 'hq-key-0001'), await as(cfg, 'unit-key-1045'), await as(cfg, 'dev-hq')]).toEqual(['hq', 'unit', '401']);
  });

  test.each<[string, Record<string, string>, RegExp]>([
    ['in Azure (site name) without Entra', { ...STORAGE, ...AZURE_SITE }, /running in Azure without ENTRA_TENANT_ID and ENTRA_AUDIENCE/],
    ['in Azure (instance id) without Entra, even in development', { ...STORAGE, ...AZURE_INSTANCE, RETURNS_ENV: 'development' }, /running in Azure without ENTRA_TENANT_ID/],
    ['in Azure with a tenant but no audience', { ...STORAGE, ...AZURE_SITE, ENTRA_TENANT_ID: 't' }, /together or not at all/],
    ['RETURNS_ENV misspelt', { ...STORAGE, RETURNS_ENV: 'Development' }, /RETURNS_ENV/],
    ['no storage outside development', {}, /no storage/],
    ['two storages', { ...STORAGE, RETURNS_STORAGE_ACCOUNT_URL: 'https://a.table.core.windows.net' }, /not both/],
  ])('refuses to start: %s', (_name, env, message) => {
    const out = loadConfig(env);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.join('; ')).toMatch(message);
  });

  test.each<[string, Record<string, string>]>([
    ['a real account (connection string)', { RETURNS_STORAGE: REAL_ACCOUNT }],
    ['a real account (table endpoint)', { RETURNS_STORAGE_ACCOUNT_URL: 'https://prodacct.table.core.windows.net' }],
    ['the development account on another machine', { RETURNS_STORAGE: azuriteConnection(10002, '10.0.0.5') }],
    ['the development account named, its endpoint elsewhere', { RETURNS_STORAGE: 'AccountName=devstoreaccount1;AccountKey=x;TableEndpoint=https://devstoreaccount1.example.net/' }],
  ])('development asked for against %s, outside App Service: refused, in English and Thai (never the development keys or the start-up repair)', (_name, env) => {
    const out = loadConfig({ ...env, RETURNS_ENV: 'development' });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors).toEqual([`${DEVELOPMENT_NEEDS_LOCAL_AZURITE.en} — ${DEVELOPMENT_NEEDS_LOCAL_AZURITE.th}`]);
    // Thai prose; only the settings' names, their values and Azurite's name stay as they are written.
    expect(DEVELOPMENT_NEEDS_LOCAL_AZURITE.th.replace(/[A-Z_]{3,}(=[a-z]+)?|Azurite|127\.0\.0\.1/g, '')).toMatch(/^[\u0E00-\u0E7F ()]+$/);
  });
});

describe('every setting is validated', () => {
  test.each<[string, string, RegExp]>([
    ['RETURNS_MAX_BODY_BYTES', '16MB', /RETURNS_MAX_BODY_BYTES must be a whole number written in digits only/],
    ['RETURNS_MAX_BODY_BYTES', '-1', /RETURNS_MAX_BODY_BYTES/],
    ['RETURNS_MAX_BODY_BYTES', '99999999999', /RETURNS_MAX_BODY_BYTES/],
    ['RETURNS_STORAGE_TIMEOUT_MS', '5s', /RETURNS_STORAGE_TIMEOUT_MS/],
    ['RETURNS_STORAGE_TIMEOUT_MS', '10', /RETURNS_STORAGE_TIMEOUT_MS/],
    ['RETURNS_API_KEYS', '{not json', /RETURNS_API_KEYS is not JSON/],
    ['RETURNS_API_KEYS', '{"hq-key-0001":{"role":"boss"}}', /RETURNS_API_KEYS/],
    ['RETURNS_API_KEYS', '{"unit-key-0001":{"role":"unit","orgUnit":"9999"}}', /not a known org unit/],
    ['RETURNS_API_KEYS', '{"unit-key-0001":{"role":"unit"}}', /RETURNS_API_KEYS/],
    ['RETURNS_CORS_ORIGINS', 'https://pane.example/app', /RETURNS_CORS_ORIGINS/],
    ['RETURNS_STORAGE_ACCOUNT_URL', 'http://acct.table.core.windows.net', /RETURNS_STORAGE_ACCOUNT_URL must be the https table endpoint/],
    ['AZURITE_TABLE_PORT', '70000', /AZURITE_TABLE_PORT/],
  ])('%s=%s is refused with a message naming it', (name, value, message) => {
    const out = loadConfig({ RETURNS_ENV: 'development', [name]: value });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.join('; ')).toMatch(message);
  });

  test('defaults, and what each setting becomes', () => {
    expect(config({ ...STORAGE })).toMatchObject({ storageTimeoutMs: DEFAULT_STORAGE_TIMEOUT_MS, maxBodyBytes: DEFAULT_MAX_BODY_BYTES, corsOrigins: [], apiKeys: {}, entra: undefined });
    expect(config({ RETURNS_ENV: 'development', AZURITE_TABLE_PORT: '12345' }).storage).toEqual({ connectionString: expect.stringContaining('127.0.0.1:12345') });
    expect(config({ RETURNS_ENV: 'development' }).corsOrigins).toContain('https://localhost:3000');
    const cloud = config({
      ...AZURE_SITE,
      ...ENTRA,
      RETURNS_STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net',
      RETURNS_STORAGE_TIMEOUT_MS: '2500',
      RETURNS_MAX_BODY_BYTES: '1048576',
      RETURNS_CORS_ORIGINS: 'https://pane.example, https://other.example:8443',
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=x',
    });
    expect(cloud).toMatchObject({
      env: 'production',
      storage: { accountUrl: 'https://acct.table.core.windows.net' },
      storageTimeoutMs: 2500,
      maxBodyBytes: 1048576,
      corsOrigins: ['https://pane.example', 'https://other.example:8443'],
      entra: { tenantId: ENTRA.ENTRA_TENANT_ID, audience: ENTRA.ENTRA_AUDIENCE },
      appInsightsConnectionString: 'InstrumentationKey=x',
    });
  });

  test('blank settings count as absent (an app setting left empty)', () => {
    expect(config({ ...STORAGE, RETURNS_MAX_BODY_BYTES: '', ENTRA_TENANT_ID: ' ', ENTRA_AUDIENCE: '' }).maxBodyBytes).toBe(DEFAULT_MAX_BODY_BYTES);
  });
});
