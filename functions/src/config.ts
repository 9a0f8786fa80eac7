import type { JWTVerifyGetKey } from 'jose';
import { orgUnitsOfKind } from '@returns-hub/shared/orgUnits/orgUnits';

/** `zone`: a reviewer of the districts of its zone (`orgUnit` is the zone's code). */
export type Role = 'hq' | 'zone' | 'unit';
export interface KeyGrant {
  role: Role;
  orgUnit?: string;
}

export interface ApiConfig {
  /** Table Storage connection string (Azurite by default). */
  storage: string;
  /** API keys (local/dev): key → grant. */
  apiKeys: Record<string, KeyGrant>;
  /** Microsoft Entra ID: bearer tokens are validated against the tenant's keys. */
  entra?: { tenantId: string; audience: string; issuer?: string; keys?: JWTVerifyGetKey };
  /** Bodies above this are refused (413) before they are parsed. */
  maxBodyBytes: number;
  /** Origins allowed to call the API from a browser (the add-in's). */
  corsOrigins: string[];
}

/** Azurite's well-known development account; the table endpoint port is configurable. */
export function azuriteConnection(port = Number(process.env.AZURITE_TABLE_PORT ?? 10002), host = '127.0.0.1'): string {
  return (
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
    'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
    `TableEndpoint=http://${host}:${port}/devstoreaccount1;`
  );
}

/**
 * Development keys, used only when RETURNS_API_KEYS is not set and the code does not run
 * in Azure: `dev-hq` (headquarters) and `dev-unit-<code>` for every district and region
 * (`dev-unit-1045`, `dev-unit-N`), and `dev-zone-<zone code>` for every zone (`dev-zone-Z-C`).
 */
export function devApiKeys(): Record<string, KeyGrant> {
  const keys: Record<string, KeyGrant> = { 'dev-hq': { role: 'hq' } };
  for (const u of [...orgUnitsOfKind('district'), ...orgUnitsOfKind('region'), ...orgUnitsOfKind('department')]) keys[`dev-unit-${u.code}`] = { role: 'unit', orgUnit: u.code };
  for (const z of orgUnitsOfKind('zone')) keys[`dev-zone-${z.code}`] = { role: 'zone', orgUnit: z.code };
  return keys;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const inAzure = !!env.WEBSITE_INSTANCE_ID;
  const keys = env.RETURNS_API_KEYS ? (JSON.parse(env.RETURNS_API_KEYS) as Record<string, KeyGrant>) : inAzure ? {} : devApiKeys();
  return {
    storage: env.RETURNS_STORAGE ?? env.AzureWebJobsStorage ?? azuriteConnection(),
    apiKeys: keys,
    entra: env.ENTRA_TENANT_ID && env.ENTRA_AUDIENCE ? { tenantId: env.ENTRA_TENANT_ID, audience: env.ENTRA_AUDIENCE } : undefined,
    maxBodyBytes: Number(env.RETURNS_MAX_BODY_BYTES ?? 16 * 1024 * 1024),
    corsOrigins: (env.RETURNS_CORS_ORIGINS ?? 'https://localhost:3000,http://localhost:3000')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
