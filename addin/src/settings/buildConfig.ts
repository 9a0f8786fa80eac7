import { z } from 'zod';

/**
 * What a build of the pane is configured with (scripts/buildAddin.ts, from API_URL and ENTRA_* in
 * its environment), written into its pages, taskpane.html and send/index.html, as a meta element:
 * the scripts are the same for every setting, so one bundle serves every configuration (and
 * `npm start` reuses an unchanged build). A build with an API address is a deployment build: the
 * clerk signs in with Microsoft and never sees an address or a key. Without one it is a development build.
 */
export const buildConfigSchema = z.object({
  /** Development build: the API address and a development key can be entered in Settings. */
  dev: z.boolean(),
  apiUrl: z.string(),
  /** Microsoft Entra ID sign-in (nested app authentication), when the build was given the settings. */
  entra: z.object({ clientId: z.string(), tenantId: z.string(), scope: z.string() }).nullable(),
});
export type BuildConfig = z.infer<typeof buildConfigSchema>;

/** The name of the pages' meta element whose content is the build's configuration (JSON). */
export const BUILD_CONFIG_META = 'returns-hub-build';

/** The local API `npm start` runs. */
export const DEV_API_URL = 'http://127.0.0.1:7071';

export const DEV_BUILD: BuildConfig = { dev: true, apiUrl: DEV_API_URL, entra: null };

/** The configuration the page was built with (its meta element); outside a built page (tests in Node), a development build's. */
export function buildConfig(): BuildConfig {
  if (typeof document === 'undefined') return DEV_BUILD;
  return buildConfigOf(document.querySelector<HTMLMetaElement>(`meta[name="${BUILD_CONFIG_META}"]`)?.content);
}

/** A page's meta content as a configuration: a page without one (or not of the shape) is a development build, as before any build. */
export function buildConfigOf(content: string | undefined): BuildConfig {
  if (content === undefined) return DEV_BUILD;
  try {
    const parsed = buildConfigSchema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : DEV_BUILD;
  } catch {
    return DEV_BUILD;
  }
}

/** The configuration a build gets from its environment (used by scripts/buildAddin.ts). */
export function buildConfigFrom(env: Record<string, string | undefined>): BuildConfig {
  const entra = env.ENTRA_CLIENT_ID && env.ENTRA_TENANT_ID && env.ENTRA_API_SCOPE ? { clientId: env.ENTRA_CLIENT_ID, tenantId: env.ENTRA_TENANT_ID, scope: env.ENTRA_API_SCOPE } : null;
  const apiUrl = env.API_URL?.trim();
  // A development build's API address to start from: where `npm start` runs the API (its PORT).
  return { dev: !apiUrl || env.ADDIN_DEV === '1', apiUrl: apiUrl || env.DEV_API_URL?.trim() || DEV_API_URL, entra };
}
