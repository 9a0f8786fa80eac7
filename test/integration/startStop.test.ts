import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startAzurite } from '@returns-hub/functions/dev/startAzurite';
import { TableReturnStore } from '@returns-hub/functions/store/tableReturnStore';
import { DEVELOPMENT_NEEDS_LOCAL_AZURITE } from '@returns-hub/functions/config';
import { requestFor } from '../support/apiHarness';
import { sample } from '../support/samples';
import { holdAddinDist } from '../support/addinDistLock';
import { alive } from '../support/processAlive';

const ROOT = resolve(__dirname, '../..');
/** Exactly what `npm start` runs (one process: signals reach the script itself), from package.json. */
const START = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
/** Preloaded into `npm start` for one case: SIGUSR2 makes it throw an uncaught error. */
const CRASH_ON_USR2 = join(mkdtempSync(join(tmpdir(), 'crash-')), 'crashOnUsr2.js');
writeFileSync(CRASH_ON_USR2, "process.on('SIGUSR2', () => setImmediate(() => { throw new Error('injected uncaught error'); }));\n");

interface Started {
  child: ChildProcess;
  apiPort: number;
  azuritePort: number;
  location: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `npm start -- --api-only` (scripts/start.ts), in development, on its own ports and data
 * folder; or, `throughNpm`, `npm start` itself as people run it (npm, its shell, the script,
 * the pane built and served on its own port). `env`: settings of its own on top.
 */
async function npmStart(opts: { apiPort?: number; preload?: string; throughNpm?: boolean; env?: Record<string, string> } = {}): Promise<Started & { addinPort: number }> {
  const apiPort = opts.apiPort ?? (await freePort());
  const [azuritePort, addinPort] = [await freePort(), await freePort()];
  const location = mkdtempSync(join(tmpdir(), 'azurite-start-'));
  expect(START[0]).toBe('node');
  const [cmd, args] = opts.throughNpm ? ['npm', ['start']] : [process.execPath, [...START.slice(1), '--api-only']];
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(apiPort),
      ADDIN_PORT: String(addinPort),
      AZURITE_TABLE_PORT: String(azuritePort),
      AZURITE_LOCATION: location,
      ...(opts.preload ? { NODE_OPTIONS: `--require ${opts.preload}` } : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, apiPort, azuritePort, addinPort, location, output: () => out, exited };
}

async function ready(s: Started): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!s.output().includes('returns-hub ready')) {
    if (s.child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not get ready:\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const sock = connect(port, '127.0.0.1');
    sock.once('connect', () => (sock.destroy(), resolve(true)));
    sock.once('error', () => resolve(false));
  });

/** The returns an emulator started again on the same folder holds: what the stopped one saved. */
async function savedUnits(location: string): Promise<string[]> {
  const azurite = await startAzurite({ location });
  try {
    const store = await TableReturnStore.open({ connectionString: azurite.connectionString }, { timeoutMs: 10_000 });
    return (await store.list('bma-community-plan-return', 2563, 'FY')).map((r) => r.orgUnit);
  } finally {
    await azurite.stop();
  }
}

describe('npm start stops Azurite cleanly on every exit path', () => {
  test.each(['SIGINT', 'SIGTERM', 'SIGHUP', 'uncaught error'] as const)(
    '%s: Azurite stops, and what was answered is on disk',
    async (how) => {
      const s = await npmStart({ preload: how === 'uncaught error' ? CRASH_ON_USR2 : undefined });
      await ready(s);
      const res = await fetch(`http://127.0.0.1:${s.apiPort}/api/returns`, {
        method: 'POST',
        headers: { Authorization: 'Bearer dev-hq', 'Content-Type': 'application/json' },
        body: JSON.stringify(await requestFor(sample('community-plan/districts/1045.xlsx'))),
      });
      expect(res.status).toBe(201);
      s.child.kill(how === 'uncaught error' ? 'SIGUSR2' : how); // at once: Azurite has not saved on its own timer yet
      expect(await s.exited).toBe(how === 'uncaught error' ? 1 : 0);
      expect(await listening(s.azuritePort)).toBe(false);
      expect(await savedUnits(s.location)).toEqual(['1045']);
    },
    90_000,
  );

  test('a start that fails (the API port is taken) stops the Azurite it started', async () => {
    const taken: Server = createServer();
    const apiPort = await freePort();
    await new Promise<void>((r) => taken.listen(apiPort, '127.0.0.1', r));
    try {
      const s = await npmStart({ apiPort });
      expect(await s.exited).toBe(1);
      expect(s.output()).toMatch(/npm start failed: .*EADDRINUSE/);
      expect(await listening(s.azuritePort)).toBe(false);
    } finally {
      taken.close();
    }
  }, 90_000);
});

/** Processes now running whose parent is `pid`, and theirs, and so on (Linux /proc). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, pp] of parent)
      if (pp === p) {
        out.push(child);
        walk(child);
      }
  };
  walk(pid);
  return out;
}

/** Processes whose command line names `text` (the run's own data folder: nothing else has it). */
const naming = (text: string) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    });

describe('npm start as people run it: npm, a shell, the script, Azurite, the pane build', () => {
  test.each(['SIGTERM', 'SIGHUP'] as const)(
    '%s to npm’s own process: no process of it is left, and its ports are free',
    async (signal) => {
      const release = await holdAddinDist(); // its pane build writes addin/dist
      try {
        const s = await npmStart({ throughNpm: true });
        const { child: npm, apiPort, addinPort, azuritePort, location } = s;
        await ready(s);
        const tree = descendants(npm.pid!);
        expect(tree.length).toBeGreaterThanOrEqual(3); // the shell, the script, Azurite
        expect([await listening(apiPort), await listening(addinPort), await listening(azuritePort)]).toEqual([true, true, true]);

        npm.kill(signal); // npm's process only, as a process manager or `kill PID` sends it
        const deadline = Date.now() + 30_000;
        while ([npm.pid!, ...tree].some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        expect([npm.pid!, ...tree].filter(alive)).toEqual([]);
        expect(naming(location)).toEqual([]);
        expect([await listening(apiPort), await listening(addinPort), await listening(azuritePort)]).toEqual([false, false, false]);
      } finally {
        release();
      }
    },
    180_000,
  );
});

describe('npm start against a real storage account, outside App Service', () => {
  // A real account's endpoint (TEST-NET-1: never routed, so nothing here can reach a real account).
  const REAL_ACCOUNT = 'DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey=c2VjcmV0;TableEndpoint=https://192.0.2.1/prodacct';

  test('refuses to start before touching storage, in English and Thai: never the development keys, never the start-up repair', async () => {
    const s = await npmStart({ env: { RETURNS_STORAGE: REAL_ACCOUNT } });
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain(`npm start failed: the configuration is refused: ${DEVELOPMENT_NEEDS_LOCAL_AZURITE.en} — ${DEVELOPMENT_NEEDS_LOCAL_AZURITE.th}`);
    expect(s.output()).not.toMatch(/Azurite table service|returns-hub API on|Repair|returns-hub ready/);
    expect(await listening(s.apiPort)).toBe(false);
  }, 60_000);
});
