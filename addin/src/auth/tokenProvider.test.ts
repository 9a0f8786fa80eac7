import { apiKeyProvider, entraProvider, entraSession } from './tokenProvider';

/** A stand-in for MSAL's nestable client application: records calls, answers like MSAL does. */
function fakePca(opts: { accounts?: { username: string }[]; silentFails?: boolean }) {
  const calls: string[] = [];
  let active: { username: string } | null = null;
  const pca = {
    getActiveAccount: () => active,
    getAllAccounts: () => opts.accounts ?? [],
    setActiveAccount: (a: { username: string }) => (active = a),
    acquireTokenSilent: async (r: { scopes: string[] }) => {
      calls.push(`silent:${r.scopes.join(' ')}`);
      if (opts.silentFails) throw new Error('interaction_required');
      return { accessToken: 'silent-token' };
    },
    acquireTokenPopup: async (r: { scopes: string[] }) => {
      calls.push(`popup:${r.scopes.join(' ')}`);
      return { accessToken: 'popup-token', account: { username: 'user@bma.go.th' } };
    },
  };
  return { pca, calls };
}

const settings = { clientId: 'client-1', tenantId: 'tenant-1', scope: 'api://returns-hub/access_as_user' };

describe('sign-in token providers', () => {
  test('an API key is sent as it is (development)', async () => expect(await apiKeyProvider('dev-hq')()).toBe('dev-hq'));

  test('Entra ID: MSAL is created for the tenant, and a signed-in user gets a silent token', async () => {
    const { pca, calls } = fakePca({ accounts: [{ username: 'user@bma.go.th' }] });
    let config: unknown;
    const provider = await entraProvider(settings, async (c) => ((config = c), pca as never));
    expect(config).toEqual({ auth: { clientId: 'client-1', authority: 'https://login.microsoftonline.com/tenant-1' } });
    expect(await provider()).toBe('silent-token');
    expect(calls).toEqual(['silent:api://returns-hub/access_as_user']);
  });

  test('Entra ID: no account or consent needed → a popup, then silent next time', async () => {
    const { pca, calls } = fakePca({});
    const provider = await entraProvider(settings, async () => pca as never);
    expect(await provider()).toBe('popup-token');
    expect(await provider()).toBe('silent-token');
    expect(calls).toEqual(['popup:api://returns-hub/access_as_user', 'silent:api://returns-hub/access_as_user']);
  });
});

describe('sign-in session', () => {
  test('before sign-in no account; signing in names the account', async () => {
    const { pca } = fakePca({});
    const session = await entraSession(settings, async () => pca as never);
    expect(session.account()).toBeNull();
    expect(await session.signIn()).toBe('user@bma.go.th');
    expect(session.account()).toBe('user@bma.go.th');
  });
});
