import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApi, requestFor, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import { startStandInIdp, STAND_IN_CERT, type StandInIdp } from '../support/standInIdentityProvider';

// `returns login` as the analyst runs it: the installed bin in its own process, against a stand-in
// for Entra ID's device-code endpoints, and the API trusting only that provider's tokens and keys.

const BIN = resolve(__dirname, '../../cli/bin/returns.js');
const TENANT = '7a1c0d3e-5b2f-4c6d-8e9f-0a1b2c3d4e5f';
const APP = '5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4';
const ANALYST = { oid: 'b1f6c1e0-0000-4000-8000-000000000001', preferred_username: 'somchai.s@agency.go.th', name: 'Somchai S.', roles: ['Returns.HQ'] };

let idp: StandInIdp;
let api: Api;
let home: string;

beforeAll(async () => {
  idp = await startStandInIdp({ tenant: TENANT, audience: APP });
  api = await startApi({ config: { entra: idp.apiConfig } });
  await api.client().submit(await requestFor(sample('community-plan/districts/1045.xlsx')));
  home = mkdtempSync(join(tmpdir(), 'returns-home-'));
}, 60_000);
afterAll(async () => {
  await api?.close();
  await idp?.close();
});

interface Run {
  code: number | null;
  out: string;
}

/** The bin as a user runs it: their own home (token cache), the stand-in's certificate trusted, no key in the environment. */
function returns(args: string[], onLine?: (line: string) => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: home, NODE_EXTRA_CA_CERTS: STAND_IN_CERT },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      out += text;
      for (const line of text.split('\n')) if (line) onLine?.(line);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => (clearTimeout(timer), done({ code, out })));
  });
}

const STATUS = ['status', '--form', 'bma-community-plan-return', '--fy', '2563'];

describe('returns login: a device-code sign-in to the tenant, used by every command', () => {
  test('without signing in, a command says how to (no key, no account)', async () => {
    const r = await returns([...STATUS, '--api', api.url]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`needs you signed in to ${api.url}: run "returns login --api ${api.url}"`);
  });

  test('login finds the tenant in the API’s 401 challenge; the user enters the code; the API validates the token it issued', async () => {
    const login = await returns(['login', '--api', `${api.url}/api`], (line) => {
      const code = /enter the code (\S+)/.exec(line)?.[1];
      if (code) idp.approve(code, ANALYST); // the analyst, in a browser
    });
    expect(login.out).toMatch(/To sign in, use a web browser to open the page https:\/\/127\.0\.0\.1:\d+\/devicelogin and enter the code/);
    expect(login.out).toContain('ในเว็บเบราว์เซอร์ แล้วใส่รหัส');
    expect(login.out).toContain(`Signed in to ${api.url} as somchai.s@agency.go.th (headquarters / ส่วนกลาง)`);
    expect(login.code).toBe(0);
    expect(new Set(idp.grants)).toEqual(new Set(['device_code']));
    // The token cache is the user's own: readable by them only.
    expect(statSync(join(home, '.config/returns-hub/msal-token-cache.json')).mode & 0o777).toBe(0o600);
  }, 90_000);

  test('every command then uses the account (no --api, no --key): reads, and a review recorded under the user’s name', async () => {
    const grantsBefore = idp.grants.length;
    const status = await returns(STATUS);
    expect([status.code, status.out]).toEqual([0, expect.stringMatching(/1045\s+วังทองหลาง\s+submitted/)]);
    const accept = await returns(['accept', ...STATUS.slice(1), '--period', 'FY', '--unit', 'วังทองหลาง']);
    expect([accept.code, accept.out]).toEqual([0, expect.stringContaining('1045 FY 2563 FY: version 1 accepted')]);
    const history = await returns(['history', ...STATUS.slice(1), '--period', 'FY', '--unit', '1045']);
    expect(history.out).toMatch(/accepted\s+somchai\.s@agency\.go\.th via returns-cli/);
    expect(idp.grants.length).toBe(grantsBefore); // the cached token served them all
  }, 90_000);

  test('an access token near its expiry is renewed with the refresh token; a revoked sign-in asks the user to sign in again', async () => {
    const signIn = () =>
      returns(['login'], (line) => {
        const code = /enter the code (\S+)/.exec(line)?.[1];
        if (code) idp.approve(code, ANALYST);
      });
    idp.setAccessTokenSeconds(60); // MSAL renews a token within 5 minutes of its expiry
    expect((await signIn()).code).toBe(0);
    const renewals = () => idp.grants.filter((g) => g === 'refresh_token').length;
    const before = renewals();
    expect((await returns(STATUS)).code).toBe(0);
    expect(renewals()).toBe(before + 1);

    idp.revokeRefreshTokens(); // as an administrator revoking the user's sessions
    const revoked = await returns(STATUS);
    expect(revoked.code).toBe(1);
    expect(revoked.out).toContain(`not signed in — sign in again with "returns login --api ${api.url}"`);
    expect(revoked.out).toContain('ต้องลงชื่อเข้าใช้อีกครั้ง');

    idp.setAccessTokenSeconds(3600);
    expect((await signIn()).code).toBe(0);
    expect((await returns(STATUS)).code).toBe(0);
  }, 120_000);

  test('logout forgets the account: commands ask for a sign-in again', async () => {
    const out = await returns(['logout']);
    expect([out.code, out.out]).toEqual([0, expect.stringContaining(`Signed out of ${api.url} (somchai.s@agency.go.th)`)]);
    const after = await returns([...STATUS, '--api', api.url]);
    expect(after.code).toBe(2);
    expect(after.out).toContain('returns login');
  }, 60_000);

  test('an API that takes keys only (no tenant in its challenge) says to use a key', async () => {
    const keysOnly = await startApi();
    try {
      const r = await returns(['login', '--api', keysOnly.url]);
      expect([r.code, r.out]).toEqual([1, expect.stringContaining('does not sign users in with Microsoft Entra ID')]);
    } finally {
      await keysOnly.close();
    }
  }, 60_000);
});
