import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { startAzurite } from '@returns-hub/functions/dev/startAzurite';
import { sampleFiles } from '../support/samples';

const ROOT = resolve(__dirname, '../..');

export interface RequestCount {
  total: number;
  /** Method and table (`POST $batch`, `GET tallies(…)`), most first. */
  byKind: [string, number][];
  /** What the upload printed. */
  stdout: string;
}

/**
 * Storage requests one `returns upload` of `files` makes: Azurite behind a counting proxy,
 * the API in its own process (`PROBE_PROF=dir` profiles it), the API warmed by a tally
 * first, so the tables it creates at its first request are not counted.
 */
export async function countUploadRequests(files: string[]): Promise<RequestCount> {
  const azurite = await startAzurite();
  const port = Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(azurite.connectionString)?.[1]);
  const counts = new Map<string, number>();
  const proxy = http.createServer((req, res) => {
    const table =
      (req.url ?? '')
        .split('?')[0]
        .replace(/\(.*\)/, '(…)')
        .replace(/devstoreaccount1\//, '')
        .split('/')[1] ?? '';
    const kind = `${req.method} ${table.slice(0, 40)}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const up = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const connectionString = azurite.connectionString.replace(`:${port}`, `:${(proxy.address() as AddressInfo).port}`);
  const prof = process.env.PROBE_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROBE_PROF}`] : [];
  const api = spawn(process.execPath, [...prof, resolve(ROOT, 'functions/dist/dev/serveLocal.js')], {
    env: { ...process.env, RETURNS_ENV: 'development', RETURNS_STORAGE: connectionString, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((done, fail) => {
      let text = '';
      api.stdout.on('data', (b: Buffer) => {
        const m = /listening (\S+)/.exec((text += b.toString()));
        if (m) done(m[1]);
      });
      api.once('exit', (code) => fail(new Error(`the API exited (${code})`)));
    });
    // Not spawnSync: the proxy answers in this process's event loop.
    const run = (args: string[]) =>
      promisify(execFile)(resolve(ROOT, 'node_modules/.bin/returns'), [...args, '--api', url, '--key', 'dev-hq'], { encoding: 'utf8' }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--period', 'Q2', '--json']);
    counts.clear();
    const { stdout } = await run(['upload', ...files]);
    const byKind = [...counts].sort((a, b) => b[1] - a[1]);
    return { total: byKind.reduce((a, [, n]) => a + n, 0), byKind, stdout };
  } finally {
    api.kill();
    await new Promise((r) => (api.exitCode !== null ? r(null) : api.once('exit', r)));
    proxy.close();
    await azurite.stop();
  }
}

if (require.main === module) {
  countUploadRequests(sampleFiles('community-plan/districts')).then(
    (c) => {
      console.log(c.stdout.split('\n').slice(0, 3).join('\n'));
      for (const [kind, n] of c.byKind) console.log(n, kind);
      console.log('total', c.total);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
