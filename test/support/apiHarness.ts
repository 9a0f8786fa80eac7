import { startAzurite, type Azurite } from '@returns-hub/functions/dev/startAzurite';
import { startLocalHost, type LocalHost } from '@returns-hub/functions/dev/localHost';
import { makeDeps } from '@returns-hub/functions/deps';
import { azuriteConnection, configFromEnv, type ApiConfig } from '@returns-hub/functions/config';
import type { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { routes } from '@returns-hub/functions/routes';
import type { TableStoreOptions } from '@returns-hub/functions/store/tableReturnStore';
import { createApiClient } from '@returns-hub/shared/api/client';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import { checkFile } from '@returns-hub/cli/checkFiles';
import { bundleFiles } from '@returns-hub/shared/api/bundleFiles';
import type { Deps } from '@returns-hub/functions/http/endpoint';

export interface Api {
  /** The Azurite the API stores in (absent for an API on `MemoryStorage`). */
  azurite: Azurite;
  host: LocalHost;
  url: string;
  deps: Deps;
  client: (key?: string, attempts?: number) => ReturnType<typeof createApiClient>;
  close(): Promise<void>;
}

/**
 * A real Azurite on a free loopback port and the Functions handlers on the local host,
 * configured as `npm start` is: from the environment schema, with RETURNS_ENV=development
 * set explicitly (development keys exist only then). `config` overrides what a test needs.
 * With `memory`, the handlers store in that `MemoryStorage` instead (no Azurite): for tests of
 * the HTTP layer and the services that are not about storage.
 */
export async function startApi(
  opts: { location?: string; env?: Record<string, string>; config?: Partial<ApiConfig>; additionalPolicies?: TableStoreOptions['additionalPolicies']; memory?: MemoryStorage } = {},
): Promise<Api> {
  const azurite = opts.memory ? noAzurite : await startAzurite({ location: opts.location });
  // Development, as npm start sets it; the tests' own settings (a short storage timeout) on top.
  const config: ApiConfig = {
    ...configFromEnv({
      RETURNS_ENV: 'development',
      RETURNS_STORAGE: azurite.connectionString,
      RETURNS_MAX_BODY_BYTES: String(2 * 1024 * 1024),
      RETURNS_CORS_ORIGINS: 'https://localhost:3000',
      ...opts.env,
    }),
    ...opts.config,
  };
  const deps = makeDeps(config, { additionalPolicies: opts.additionalPolicies, memory: opts.memory });
  const host = await startLocalHost(routes(deps), { port: 0, maxBodyBytes: config.maxBodyBytes });
  return {
    azurite,
    host,
    url: host.url,
    deps,
    client: (key = 'dev-hq', attempts = 1) => createApiClient({ baseUrl: host.url, key, fetch, attempts, backoffMs: 200 }),
    close: async () => {
      await host.close();
      await azurite.stop();
    },
  };
}

/** Stands for the Azurite of an API on memory: nothing to stop, no process to signal. */
const noAzurite: Azurite = {
  port: 0,
  connectionString: azuriteConnection(1),
  get pid(): number {
    throw new Error('This API stores in memory: there is no Azurite process to signal');
  },
  stop: async () => undefined,
  restart: async () => undefined,
};

/**
 * A file checked as the CLI checks it: the request that sends it (every return located in it), and each return's series
 * (form, unit, year, subject: the CLI's upload never sends one series twice in a request, nor a quarter with the next).
 */
async function checkedForSending(file: string): Promise<{ request: SubmitRequest; series: string[] }> {
  const f = await checkFile(file);
  return {
    request: { fileName: f.file, returns: f.sheets.flatMap((s) => s.located) },
    series: f.sheets.flatMap((s) => s.returns.map((r) => [r.formId, r.orgUnit, r.fiscalYear, r.subject].join('|'))),
  };
}

/** What the CLI and the add-in send for a file: every return located in it. */
export async function requestFor(file: string): Promise<SubmitRequest> {
  return (await checkedForSending(file)).request;
}

/**
 * Files sent as the CLI's upload sends them: each file's returns (naming their file), bundled in order within the API's
 * limits with shared/api/bundleFiles, a series never twice in a request; a request a bundle. For returns a test needs
 * stored: a request a file cost five times the CPU (70 files: 3.1 against 0.6 CPU-seconds).
 */
export async function uploadFiles(client: ReturnType<Api['client']>, files: string[]): Promise<void> {
  const checked = await Promise.all(files.map(checkedForSending));
  const sent = checked.map(({ request, series }) => ({ fileName: request.fileName, returns: request.returns.map((r) => ({ ...r, fileName: request.fileName })), series }));
  const bundles = bundleFiles(sent, (f) => ({ returns: f.returns.length, bytes: JSON.stringify(f.returns).length, keys: f.series }));
  for (const bundle of bundles) await client.submit({ fileName: bundle[0].fileName, returns: bundle.flatMap((f) => f.returns) });
}

/** Raw HTTP, for requests the client would never make. */
export async function raw(
  api: Api,
  path: string,
  init: RequestInit & { key?: string | null } = {},
): Promise<{ status: number; body: any; headers: Headers }> /* eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any JSON the API answers */ {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set('Authorization', `Bearer ${init.key ?? 'dev-hq'}`);
  const res = await fetch(api.url + path, { ...init, headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}
