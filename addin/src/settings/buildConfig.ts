import type { EntraSettings } from '../auth/tokenProvider';

/**
 * What a build of the pane is configured with, fixed when it is bundled (scripts/buildAddin.ts
 * injects RETURNS_HUB_BUILD with esbuild `define`, from API_URL and ENTRA_* in its environment).
 * A build with an API address is a deployment build: the clerk signs in with Microsoft and
 * never sees an address or a key. Without one it is a development build.
 */
export interface BuildConfig {
  /** Development build: the API address and a development key can be entered in Settings. */
  dev: boolean;
  apiUrl: string;
  /** Microsoft Entra ID sign-in (nested app authentication), when the build was given the settings. */
  entra: EntraSettings | null;
}

declare const RETURNS_HUB_BUILD: BuildConfig | undefined;

/** The local API `npm start` runs. */
export const DEV_API_URL = 'http://127.0.0.1:7071';

export const DEV_BUILD: BuildConfig = { dev: true, apiUrl: DEV_API_URL, entra: null };

export function buildConfig(): BuildConfig {
  return typeof RETURNS_HUB_BUILD === 'undefined' ? DEV_BUILD : RETURNS_HUB_BUILD;
}

/** The configuration a build gets from its environment (used by scripts/buildAddin.ts). */
export function buildConfigFrom(env: Record<string, string | undefined>): BuildConfig {
  const entra = env.ENTRA_CLIENT_ID && env.ENTRA_TENANT_ID && env.ENTRA_API_SCOPE ? { clientId: env.ENTRA_CLIENT_ID, tenantId: env.ENTRA_TENANT_ID, scope: env.ENTRA_API_SCOPE } : null;
  const apiUrl = env.API_URL?.trim();
  // A development build's API address to start from: where `npm start` runs the API (its PORT).
  return { dev: !apiUrl || env.ADDIN_DEV === '1', apiUrl: apiUrl || env.DEV_API_URL?.trim() || DEV_API_URL, entra };
}
