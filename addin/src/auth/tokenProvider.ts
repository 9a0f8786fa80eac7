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

/**
 * Nested app authentication (MSAL `createNestablePublicClientApplication`), as Microsoft
 * recommends for Office add-ins: a silent token from the user Office is signed in with,
 * and a popup only when consent or sign-in is needed. `create` is injected for tests.
 */
export async function entraProvider(s: EntraSettings, create: (cfg: { auth: { clientId: string; authority: string } }) => Promise<IPublicClientApplication>): Promise<TokenProvider> {
  const pca = await create({ auth: { clientId: s.clientId, authority: `https://login.microsoftonline.com/${s.tenantId}` } });
  const scopes = [s.scope];
  return async () => {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    try {
      if (!account) throw new Error('no account yet');
      return (await pca.acquireTokenSilent({ scopes, account })).accessToken;
    } catch {
      const r = await pca.acquireTokenPopup({ scopes });
      if (r.account) pca.setActiveAccount(r.account);
      return r.accessToken;
    }
  };
}
