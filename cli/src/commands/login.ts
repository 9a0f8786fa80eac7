import { apiHost, createApiClient } from '@returns-hub/shared/api/client';
import type { ArgsOf, LOGIN, LOGOUT } from '../commandSpecs';
import { bothLanguages, usageText } from '../args/usageMessages';
import { explainFailure } from '../explainFailure';
import { httpFetch } from '../httpFetch';
import { clientIdOf, scopeOf, signInTarget } from '../login/challenge';
import { readSessions, writeSessions } from '../login/sessionStore';

const ROLE_WORDS = { hq: 'headquarters / ส่วนกลาง', zone: 'zone reviewer / ผู้ตรวจกลุ่มเขต', unit: 'unit / หน่วยงาน' } as const;

/** What the API's 401 says about signing in: the tenant's authority and the API's identity. */
async function challengeOf(api: string): Promise<string | null> {
  const res = await httpFetch(`${api}/api/me`, { method: 'GET', headers: { Accept: 'application/json' } });
  return res.status === 401 ? (res.headers?.get('www-authenticate') ?? null) : null;
}

/**
 * `returns login [--api URL] [--tenant ID] [--client-id ID] [--scope SCOPE]` (without --api: the API
 * signed in to last): signs the user in
 * to the agency's tenant with a device code (Microsoft's MSAL for Node): the API's own 401
 * challenge names the tenant and the API, the user opens the page and enters the code in any
 * browser, and the account's tokens are kept in the user's own token cache for every later
 * command (renewed with the refresh token until it expires).
 */
export async function loginCommand(a: ArgsOf<typeof LOGIN>, env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  // Without an address: the API signed in to last (signing in again after a sign-in expired).
  const given = a.values.api ?? (env.RETURNS_API_URL || undefined) ?? (await readSessions(env)).default ?? undefined;
  if (!given) return (out(bothLanguages(usageText('connection.no_api', { command: 'login' }))), 2);
  const api = apiHost(given);
  let authority = a.values.tenant ? `https://login.microsoftonline.com/${a.values.tenant}` : undefined;
  let resource = a.values.scope?.replace(/\/\.default$/, '');
  if (!authority || !resource) {
    let target;
    try {
      target = signInTarget(await challengeOf(api));
    } catch (e) {
      return (out(explainFailure(e, api)), 1);
    }
    if (!target) {
      out(
        `${api} does not sign users in with Microsoft Entra ID (its 401 names no tenant): use an API key (--key, or RETURNS_API_KEY).\n  ${api} ไม่ได้ตั้งให้ลงชื่อเข้าใช้ด้วย Microsoft Entra ID ใช้คีย์ API แทน (--key หรือ RETURNS_API_KEY)`,
      );
      return 1;
    }
    authority ??= target.authority;
    resource ??= target.resource;
  }
  const clientId = a.values['client-id'] ?? clientIdOf(resource);
  if (!clientId) return (out(bothLanguages(usageText('option.missing', { option: '--client-id', command: 'login' }))), 2);
  const scopes = [scopeOf(resource)];

  const { msalApp } = await import('../login/msalApp.js');
  const app = msalApp({ authority, clientId }, env);
  let result;
  try {
    result = await app.acquireTokenByDeviceCode({
      scopes,
      deviceCodeCallback: (r) => {
        out(r.message);
        out(`  เปิด ${r.verificationUri} ในเว็บเบราว์เซอร์ แล้วใส่รหัส ${r.userCode} เพื่อลงชื่อเข้าใช้ (รหัสใช้ได้ ${Math.round(r.expiresIn / 60)} นาที)`);
      },
    });
  } catch (e) {
    out(`sign-in failed — ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n  ลงชื่อเข้าใช้ไม่สำเร็จ`);
    return 1;
  }
  if (!result?.account) return (out('sign-in ended without an account / ลงชื่อเข้าใช้ไม่สำเร็จ'), 1);
  const sessions = await readSessions(env);
  sessions.apis[api] = { authority, clientId, scopes, homeAccountId: result.account.homeAccountId, username: result.account.username };
  sessions.default = api;
  await writeSessions(env, sessions);

  // Who the API says this is: the token it validated, and the role the tenant gave.
  const token = result.accessToken;
  try {
    const me = await createApiClient({ baseUrl: api, key: token, fetch: httpFetch, client: 'returns-cli', attempts: 2 }).me();
    out(`Signed in to ${api} as ${result.account.username} (${ROLE_WORDS[me.role]}${me.orgUnit ? ` ${me.orgUnit}` : ''}); commands use this account until "returns logout".`);
    out(`  ลงชื่อเข้าใช้ ${api} ในนาม ${result.account.username} แล้ว คำสั่งต่อไปจะใช้บัญชีนี้จนกว่าจะสั่ง returns logout`);
    return 0;
  } catch (e) {
    out(`Signed in as ${result.account.username}, but ${api} refuses the account:\n  ${explainFailure(e, api)}`);
    return 1;
  }
}

/** `returns logout [--api URL] [--all]`: forgets the account of an API (or of all), its tokens removed from the cache. */
export async function logoutCommand(a: ArgsOf<typeof LOGOUT>, env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  const sessions = await readSessions(env);
  const given = a.values.api ?? (env.RETURNS_API_URL || undefined);
  const hosts = a.values.all ? Object.keys(sessions.apis) : [given ? apiHost(given) : sessions.default].filter((h): h is string => !!h && !!sessions.apis[h]);
  if (hosts.length === 0) return (out('Not signed in to any API. / ยังไม่ได้ลงชื่อเข้าใช้'), 0);
  const { msalApp } = await import('../login/msalApp.js');
  for (const host of hosts) {
    const s = sessions.apis[host];
    const cache = msalApp(s, env).getTokenCache();
    const account = await cache.getAccountByHomeId(s.homeAccountId);
    if (account) await cache.removeAccount(account);
    delete sessions.apis[host];
    if (sessions.default === host) sessions.default = null;
    out(`Signed out of ${host} (${s.username}). / ออกจากระบบ ${host} แล้ว`);
  }
  await writeSessions(env, sessions);
  return 0;
}
