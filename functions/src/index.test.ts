import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Loads the Functions entry as the Azure worker would, with only the given settings. */
function loadEntry(env: Record<string, string>) {
  const out = spawnSync(process.execPath, [TSX, '--conditions=source', '-e', "require('./functions/src/index.ts')"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: out.status, errLines: out.stderr.split('\n').filter((l) => l.trim() && !/ExperimentalWarning|--trace-warnings/.test(l)) };
}

describe('the Functions entry fails closed', () => {
  test('in Azure without Entra settings it refuses to start, with one clear line', () => {
    const out = loadEntry({ WEBSITE_SITE_NAME: 'returns-hub-prod', WEBSITE_INSTANCE_ID: 'abc', RETURNS_STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net', RETURNS_ENV: 'development' });
    expect(out.status).toBe(1);
    expect(out.errLines).toHaveLength(1);
    expect(out.errLines[0]).toMatch(/^returns-hub refuses to start: .*ENTRA_TENANT_ID and ENTRA_AUDIENCE/);
  }, 60_000);

  test('a malformed setting names itself', () => {
    const out = loadEntry({ RETURNS_ENV: 'development', RETURNS_MAX_BODY_BYTES: '16MB' });
    expect(out.status).toBe(1);
    expect(out.errLines).toEqual([expect.stringMatching(/^returns-hub refuses to start: RETURNS_MAX_BODY_BYTES must be a whole number/)]);
  }, 60_000);

  test('with Entra settings in Azure it starts (registers its routes)', () => {
    const out = loadEntry({ WEBSITE_SITE_NAME: 'returns-hub-prod', RETURNS_STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net', ENTRA_TENANT_ID: 't', ENTRA_AUDIENCE: 'api://returns-hub' });
    expect(out.errLines.filter((l) => l.includes('refuses'))).toEqual([]);
    expect(out.status).toBe(0);
  }, 60_000);
});
