import { createApiClient, type ApiClient, type ApiClientOptions } from '@returns-hub/shared/api/client';
import type { ConnectionValues } from './args/commandLine';
import { usageText, type UsageText } from './args/usageMessages';
import { httpFetch } from './httpFetch';

/** Where a command's requests go and what proves who sends them: an API key, or a signed-in user's token. */
export interface ApiConnection {
  api: string;
  credential: string | (() => Promise<string>);
}

/**
 * The API and credential of a command: `--api` / `--key`, else RETURNS_API_URL /
 * RETURNS_API_KEY, else the account signed in with `returns login` (its API is the default
 * address too). Refused, naming what to give, when there is neither address nor credential.
 */
export async function connectionFor(command: string, values: ConnectionValues, env: NodeJS.ProcessEnv): Promise<ApiConnection | UsageText> {
  const key = values.key ?? (env.RETURNS_API_KEY || undefined);
  const api = values.api ?? (env.RETURNS_API_URL || undefined);
  if (key) return api ? { api, credential: key } : usageText('connection.no_api', { command });
  const { signedInConnection } = await import('./login/signedIn.js');
  const signedIn = await signedInConnection(api, env);
  if (signedIn) return signedIn;
  return api ? usageText('connection.no_credentials', { command, api }) : usageText('connection.no_api', { command });
}

/** The API client of a command, named `returns-cli` in the audit trail. */
export function apiClient(c: ApiConnection, more: Partial<ApiClientOptions> = {}): ApiClient {
  return createApiClient({ baseUrl: c.api, key: c.credential, fetch: httpFetch, client: 'returns-cli', ...more });
}
