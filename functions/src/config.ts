import { z } from 'zod';
import type { JWTVerifyGetKey } from 'jose';
import { builtInDefinitions } from './definitions/builtInDefinitions';
import type { Role } from './domain/principal';

/**
 * The Functions' configuration: one zod schema over the environment, read once at start-up.
 * Every setting is validated (a bad one stops the start with a message naming it); nothing
 * is read from the environment anywhere else.
 */

/** Settings this schema reads. */
export const CONFIG_SETTINGS = [
  'RETURNS_ENV',
  'RETURNS_STORAGE',
  'RETURNS_STORAGE_ACCOUNT_URL',
  'RETURNS_STORAGE_TIMEOUT_MS',
  'RETURNS_API_KEYS',
  'RETURNS_CORS_ORIGINS',
  'RETURNS_MAX_BODY_BYTES',
  'ENTRA_TENANT_ID',
  'ENTRA_AUDIENCE',
  'AZURE_CLIENT_ID',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'AZURITE_TABLE_PORT',
  'WEBSITE_INSTANCE_ID',
  'WEBSITE_SITE_NAME',
] as const;

/** Settings of the Azure platform the schema knowingly ignores (the Functions host reads them). */
export const PLATFORM_SETTINGS = [
  'AzureWebJobsStorage',
  'AzureWebJobsStorage__accountName',
  'AzureWebJobsStorage__credential',
  'AzureWebJobsStorage__clientId',
  'FUNCTIONS_WORKER_RUNTIME',
  'AZURE_FUNCTIONS_ENVIRONMENT',
] as const;

/** Settings that must be given when running in Azure (and one of `STORAGE_SETTINGS`). */
export const REQUIRED_IN_AZURE = ['ENTRA_TENANT_ID', 'ENTRA_AUDIENCE'] as const;
/** Where storage is: exactly one of these. */
export const STORAGE_SETTINGS = ['RETURNS_STORAGE', 'RETURNS_STORAGE_ACCOUNT_URL'] as const;

export interface KeyGrant {
  role: Role;
  orgUnit?: string;
}

/** Where the returns are stored: a connection string (Azurite, or an account key), or a table endpoint reached with a managed identity. */
export type StorageSetting = { connectionString: string } | { accountUrl: string };

export interface ApiConfig {
  /** `development` only when set explicitly, not in Azure, and on Azurite on loopback: development keys and the local repair exist only then. */
  env: 'development' | 'production';
  storage: StorageSetting;
  /** Every storage call gives up after this long without progress (503 with Retry-After). */
  storageTimeoutMs: number;
  /** API keys: key → grant. */
  apiKeys: Record<string, KeyGrant>;
  /** Microsoft Entra ID: bearer tokens are validated against the tenant's keys. */
  entra?: { tenantId: string; audience: string; issuer?: string; keys?: JWTVerifyGetKey };
  /** Bodies above this are refused (413) before they are parsed. */
  maxBodyBytes: number;
  /** Origins allowed to call the API from a browser (the add-in's). */
  corsOrigins: string[];
  /** Application Insights, when configured. */
  appInsightsConnectionString?: string;
}

/**
 * Whether a connection string names Azurite's development account on this machine (loopback):
 * the only storage development mode (its published keys, the local repair) may run against.
 */
export function isLoopbackAzurite(connectionString: string): boolean {
  if (/^\s*UseDevelopmentStorage=true\s*;?\s*$/i.test(connectionString)) return true;
  const parts = new Map(connectionString.split(';').flatMap((p) => (p.includes('=') ? [[p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()] as const] : [])));
  if (parts.get('accountname') !== 'devstoreaccount1') return false;
  try {
    const host = new URL(parts.get('tableendpoint') ?? '').hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/** Azurite's well-known development account on loopback. */
export function azuriteConnection(port = 10002, host = '127.0.0.1'): string {
  return (
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
    'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
    `TableEndpoint=http://${host}:${port}/devstoreaccount1;`
  );
}

/** The org units keys are granted for: the built-in ones (what every year has until headquarters publishes its own). */
const grantUnits = () => builtInDefinitions().forYear(null).units;

/**
 * Development keys, only in development: `dev-hq` (headquarters) and `dev-unit-<code>` for
 * every built-in district, region and department (`dev-unit-1045`, `dev-unit-N`), and
 * `dev-zone-<zone code>` for every zone's reviewer (`dev-zone-Z-C`).
 */
export function devApiKeys(): Record<string, KeyGrant> {
  const units = grantUnits();
  const keys: Record<string, KeyGrant> = { 'dev-hq': { role: 'hq' } };
  for (const u of [...units.ofKind('district'), ...units.ofKind('region'), ...units.ofKind('department')]) keys[`dev-unit-${u.code}`] = { role: 'unit', orgUnit: u.code };
  for (const z of units.ofKind('zone')) keys[`dev-zone-${z.code}`] = { role: 'zone', orgUnit: z.code };
  return keys;
}

const blankIsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankIsAbsent, z.string().trim().optional());
const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    blankIsAbsent,
    z.string().regex(/^\d+$/, 'must be a whole number written in digits only (bytes or milliseconds, no unit such as "MB")').transform(Number).pipe(z.number().int().min(min).max(max)).optional(),
  );

const grantSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('hq') }).strict(),
  z.object({ role: z.literal('unit'), orgUnit: z.string().refine((c) => !!grantUnits().byCode(c), 'is not a known org unit code') }).strict(),
  z.object({ role: z.literal('zone'), orgUnit: z.string().refine((c) => grantUnits().byCode(c)?.kind === 'zone', 'is not a known zone code') }).strict(),
]);
const apiKeysSchema = z.preprocess(
  blankIsAbsent,
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not JSON (expected {"<key>": {"role": "hq"} | {"role": "zone", "orgUnit": "<zone code>"} | {"role": "unit", "orgUnit": "<code>"}})' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().min(6, 'keys must be at least 6 characters'), grantSchema))
    .optional(),
);

const origins = z.preprocess(
  blankIsAbsent,
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'each origin is scheme://host[:port], without a path')))
    .optional(),
);

const envSchema = z.object({
  RETURNS_ENV: z.preprocess(blankIsAbsent, z.enum(['development', 'production']).default('production')),
  RETURNS_STORAGE: optionalText,
  RETURNS_STORAGE_ACCOUNT_URL: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .regex(/^https:\/\/[^/\s]+\/?$/, 'must be the https table endpoint, e.g. https://<account>.table.core.windows.net')
      .optional(),
  ),
  RETURNS_STORAGE_TIMEOUT_MS: wholeNumber(100, 120_000),
  RETURNS_API_KEYS: apiKeysSchema,
  RETURNS_CORS_ORIGINS: origins,
  RETURNS_MAX_BODY_BYTES: wholeNumber(1024, 256 * 1024 * 1024),
  ENTRA_TENANT_ID: optionalText,
  ENTRA_AUDIENCE: optionalText,
  AZURE_CLIENT_ID: optionalText,
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  AZURITE_TABLE_PORT: wholeNumber(1, 65_535),
  WEBSITE_INSTANCE_ID: optionalText,
  WEBSITE_SITE_NAME: optionalText,
} satisfies Record<(typeof CONFIG_SETTINGS)[number], z.ZodType>);

/** The base deadline of one storage operation (a point read); larger writes get more for their bytes. */
export const DEFAULT_STORAGE_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
const DEV_CORS_ORIGINS = ['https://localhost:3000', 'http://localhost:3000'];

export type ConfigResult = { ok: true; config: ApiConfig } | { ok: false; errors: string[] };

/**
 * Why development is refused against storage that is not Azurite on loopback, in English and
 * Thai (`npm start` and the Functions print it): the published development keys and the start-up
 * repair must never reach a real account.
 */
export const DEVELOPMENT_NEEDS_LOCAL_AZURITE = {
  en:
    'RETURNS_ENV=development runs only on Azurite on this machine (127.0.0.1): its published keys and its start-up repair must never reach a real storage account. ' +
    'Unset RETURNS_STORAGE and RETURNS_STORAGE_ACCOUNT_URL to use Azurite, or set RETURNS_ENV=production with RETURNS_API_KEYS or ENTRA_TENANT_ID and ENTRA_AUDIENCE to serve this account.',
  th:
    'โหมดพัฒนา (RETURNS_ENV=development) ใช้ได้เฉพาะกับ Azurite บนเครื่องนี้ (127.0.0.1) เท่านั้น คีย์สำหรับพัฒนาที่เผยแพร่ไว้และการซ่อมข้อมูลตอนเริ่มระบบต้องไม่เข้าถึงบัญชีจัดเก็บข้อมูลจริง ' +
    'หากต้องการใช้ Azurite ให้ลบค่า RETURNS_STORAGE และ RETURNS_STORAGE_ACCOUNT_URL หรือหากต้องการให้บริการกับบัญชีนี้ ให้ตั้ง RETURNS_ENV=production พร้อม RETURNS_API_KEYS หรือ ENTRA_TENANT_ID และ ENTRA_AUDIENCE',
};

/**
 * Reads the configuration, failing closed: development keys, the Azurite default and the
 * localhost origins exist only when `RETURNS_ENV=development` is set, the process is not
 * in Azure (`WEBSITE_INSTANCE_ID` or `WEBSITE_SITE_NAME`) and storage is Azurite on loopback (a
 * real account is never opened with the published keys: asked for against one outside Azure, the start is
 * refused). In Azure, Entra ID settings are required (and `RETURNS_ENV=development` is ignored).
 */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(Object.fromEntries(CONFIG_SETTINGS.map((k) => [k, env[k]])));
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`) };
  const s = parsed.data;
  const errors: string[] = [];
  const inAzure = !!(s.WEBSITE_INSTANCE_ID || s.WEBSITE_SITE_NAME);
  // Development (its published keys, the local repair) only against Azurite on loopback: never a real account.
  const realStorage = !!s.RETURNS_STORAGE_ACCOUNT_URL || (!!s.RETURNS_STORAGE && !isLoopbackAzurite(s.RETURNS_STORAGE));
  const development = s.RETURNS_ENV === 'development' && !inAzure && !realStorage;
  const entra = s.ENTRA_TENANT_ID && s.ENTRA_AUDIENCE ? { tenantId: s.ENTRA_TENANT_ID, audience: s.ENTRA_AUDIENCE } : undefined;
  if (!!s.ENTRA_TENANT_ID !== !!s.ENTRA_AUDIENCE) errors.push('ENTRA_TENANT_ID and ENTRA_AUDIENCE are given together or not at all');
  else if (inAzure && !entra) errors.push('running in Azure without ENTRA_TENANT_ID and ENTRA_AUDIENCE: refusing to start (development keys are never accepted in Azure)');
  if (s.RETURNS_STORAGE && s.RETURNS_STORAGE_ACCOUNT_URL) errors.push('give RETURNS_STORAGE or RETURNS_STORAGE_ACCOUNT_URL, not both');
  else if (s.RETURNS_ENV === 'development' && !inAzure && realStorage) errors.push(`${DEVELOPMENT_NEEDS_LOCAL_AZURITE.en} — ${DEVELOPMENT_NEEDS_LOCAL_AZURITE.th}`);
  const storage: StorageSetting | null = s.RETURNS_STORAGE_ACCOUNT_URL
    ? { accountUrl: s.RETURNS_STORAGE_ACCOUNT_URL }
    : s.RETURNS_STORAGE
      ? { connectionString: s.RETURNS_STORAGE }
      : development
        ? { connectionString: azuriteConnection(s.AZURITE_TABLE_PORT ?? 10002) }
        : null;
  if (!storage)
    errors.push('no storage: set RETURNS_STORAGE_ACCOUNT_URL (Azure, with a managed identity) or RETURNS_STORAGE (a connection string); Azurite is the default only with RETURNS_ENV=development');
  if (errors.length || !storage) return { ok: false, errors };
  return {
    ok: true,
    config: {
      env: development ? 'development' : 'production',
      storage,
      storageTimeoutMs: s.RETURNS_STORAGE_TIMEOUT_MS ?? DEFAULT_STORAGE_TIMEOUT_MS,
      apiKeys: s.RETURNS_API_KEYS ?? (development ? devApiKeys() : {}),
      entra,
      maxBodyBytes: s.RETURNS_MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES,
      corsOrigins: s.RETURNS_CORS_ORIGINS ?? (development ? DEV_CORS_ORIGINS : []),
      appInsightsConnectionString: s.APPLICATIONINSIGHTS_CONNECTION_STRING,
    },
  };
}

/** The configuration, or one line saying why the Functions refuse to start. */
export class ConfigError extends Error {
  constructor(readonly errors: string[]) {
    super(`returns-hub refuses to start: ${errors.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function configFromEnv(env: Record<string, string | undefined> = process.env): ApiConfig {
  const out = loadConfig(env);
  if (!out.ok) throw new ConfigError(out.errors);
  return out.config;
}
