import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { startAzurite, type Azurite } from '@returns-hub/functions/dev/startAzurite';
import { packageFunctions } from '../../scripts/packageFunctions';
import { requestFor } from '../support/apiHarness';
import { sample } from '../support/samples';

let azurite: Azurite;
let api: ChildProcess | undefined;
let url: string;
const KEY = 'package-test-hq';

/** Unzips the deployable package into an empty folder and starts it there, with only its own node_modules. */
beforeAll(async () => {
  const { zip } = packageFunctions();
  const dir = mkdtempSync(join(tmpdir(), 'functions-package-'));
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  azurite = await startAzurite({});
  api = spawn(process.execPath, ['dist/dev/serveLocal.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH, PORT: '0', RETURNS_ENV: 'development', RETURNS_STORAGE: azurite.connectionString, RETURNS_API_KEYS: JSON.stringify({ [KEY]: { role: 'hq' } }), NODE_PATH: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let err = '';
    api!.stderr!.on('data', (d) => (err += d));
    api!.stdout!.on('data', (d) => {
      const m = /listening (\S+)/.exec(String(d));
      if (m) resolve(m[1]);
    });
    api!.once('exit', (code) => reject(new Error(`the packaged API exited (${code}): ${err}`)));
  });
}, 120_000);

afterAll(async () => {
  if (api?.pid) process.kill(api.pid, 'SIGTERM');
  await azurite?.stop();
});

const call = (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', ...init.headers } });

test('the unzipped package answers /api/forms', async () => {
  const res = await call('/api/forms');
  expect(res.status).toBe(200);
  const forms = (await res.json()) as { id: string }[];
  expect(forms.map((f) => f.id)).toContain('bma-community-plan-return');
});

test('the unzipped package stores a submission', async () => {
  const res = await call('/api/returns', { method: 'POST', body: JSON.stringify(await requestFor(sample('community-plan/districts/1045.xlsx'))) });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { receipts: { orgUnit: string; version: number }[] };
  expect(body.receipts).toEqual([expect.objectContaining({ orgUnit: '1045', version: 1 })]);
});
