import { apiHost } from '@returns-hub/shared/api/client';
import type { ApiConnection } from '../connection';
import { readSessions, type Session } from './sessionStore';
import { SignInNeeded } from './signInNeeded';

/** Seconds before expiry at which a token held by this command is asked for afresh. */
const EARLY_SECONDS = 30;

/**
 * A token for the session's API, from MSAL's cache (renewed with its refresh token when near
 * expiry), held for the rest of the command: requests sent at once share one request for it.
 */
function tokenSource(api: string, s: Session, env: NodeJS.ProcessEnv): () => Promise<string> {
  let held: { token: string; until: number } | null = null;
  let asking: Promise<string> | null = null;
  const ask = async (): Promise<string> => {
    const { msalApp } = await import('./msalApp.js');
    const app = msalApp(s, env);
    const account = await app.getTokenCache().getAccountByHomeId(s.homeAccountId);
    if (!account) throw new SignInNeeded(api, 'no account in the token cache');
    try {
      const r = await app.acquireTokenSilent({ account, scopes: s.scopes });
      held = { token: r.accessToken, until: (r.expiresOn?.getTime() ?? Date.now()) - EARLY_SECONDS * 1000 };
      return r.accessToken;
    } catch (e) {
      // No token without the user (the refresh token expired or was revoked): not a network failure.
      if ((e as { name?: string }).name === 'InteractionRequiredAuthError') throw new SignInNeeded(api, (e as Error).message.split('\n')[0]);
      throw e;
    }
  };
  return () => {
    if (held && held.until > Date.now()) return Promise.resolve(held.token);
    asking ??= ask().finally(() => (asking = null));
    return asking;
  };
}

/** The connection of the account signed in with `returns login` to this API (or, without one, to the API signed in to last), if any. */
export async function signedInConnection(api: string | undefined, env: NodeJS.ProcessEnv): Promise<ApiConnection | null> {
  const sessions = await readSessions(env);
  const host = api ? apiHost(api) : sessions.default;
  const s = host ? sessions.apis[host] : undefined;
  if (!host || !s) return null;
  return { api: host, credential: tokenSource(host, s, env) };
}
