import type { IPublicClientApplication } from '@azure/msal-browser';

/** Where the pane's bearer token comes from: Entra ID through MSAL (cloud) or an API key (development). */
export type TokenProvider = () => Promise<string>;

export function apiKeyProvider(key: string): TokenProvider {
  return async () => key;
}

export interface EntraSettings {
  clientId: string;
  tenantId: string;
  /** The API's scope, e.g. `api://returns-hub/access_as_user`. */
  scope: string;
}

/** A signed-in (or not yet) Microsoft account: tokens for the API, an explicit sign-in, and who it is. */
export interface EntraSession {
  token: TokenProvider;
  /** Signs in with a popup when Office cannot do it silently; answers the account's name. */
  signIn(): Promise<string>;
  /** The signed-in account's name, or null before sign-in. */
  account(): string | null;
}

type CreatePca = (cfg: { auth: { clientId: string; authority: string } }) => Promise<IPublicClientApplication>;

/**
 * Nested app authentication (MSAL `createNestablePublicClientApplication`), as Microsoft
 * recommends for Office add-ins: a silent token from the user Office is signed in with,
 * and a popup only when consent or sign-in is needed. `create` is injected for tests.
 */
export async function entraSession(s: EntraSettings, create: CreatePca): Promise<EntraSession> {
  const pca = await create({ auth: { clientId: s.clientId, authority: `https://login.microsoftonline.com/${s.tenantId}` } });
  const scopes = [s.scope];
  const current = () => pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  const popup = async () => {
    const r = await pca.acquireTokenPopup({ scopes });
    if (r.account) pca.setActiveAccount(r.account);
    return r.accessToken;
  };
  const token = async () => {
    const account = current();
    try {
      if (!account) throw new Error('no account yet');
      return (await pca.acquireTokenSilent({ scopes, account })).accessToken;
    } catch {
      return popup();
    }
  };
  return {
    token,
    async signIn() {
      await token();
      return current()?.username ?? '';
    },
    account: () => current()?.username ?? null,
  };
}

export async function entraProvider(s: EntraSettings, create: CreatePca): Promise<TokenProvider> {
  return (await entraSession(s, create)).token;
}
