import { startAzurite, type Azurite } from '@returns-hub/functions/dev/startAzurite';
import { startLocalHost, type LocalHost } from '@returns-hub/functions/dev/localHost';
import { makeDeps } from '@returns-hub/functions/deps';
import { configFromEnv, type ApiConfig } from '@returns-hub/functions/config';
import { routes } from '@returns-hub/functions/routes';
import type { TableStoreOptions } from '@returns-hub/functions/store/tableReturnStore';
import { createApiClient } from '@returns-hub/shared/api/client';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import { checkFile } from '@returns-hub/cli/checkFiles';
import type { Deps } from '@returns-hub/functions/http/endpoint';

export interface Api {
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
 */
export async function startApi(
  opts: { location?: string; env?: Record<string, string>; config?: Partial<ApiConfig>; additionalPolicies?: TableStoreOptions['additionalPolicies'] } = {},
): Promise<Api> {
  const azurite = await startAzurite({ location: opts.location });
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
  const deps = makeDeps(config, { additionalPolicies: opts.additionalPolicies });
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

/** What the CLI and the add-in send for a file: every return located in it. */
export async function requestFor(file: string): Promise<SubmitRequest> {
  const f = await checkFile(file);
  return { fileName: f.file, returns: f.sheets.flatMap((s) => s.located) };
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
