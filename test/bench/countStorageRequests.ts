import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import http from 'node:http';
import { resolve } from 'node:path';
import { startAzurite } from '@returns-hub/functions/dev/startAzurite';
import { sampleFiles } from '../support/samples';
const ROOT = resolve(__dirname, '../..');
async function main() {
  const az = await startAzurite();
  const port = Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(az.connectionString)![1]);
  const counts = new Map<string, number>();
  const proxy = http.createServer((req, res) => {
    if (process.env.PROBE_DEBUG) console.error(req.method, req.url);
    const p = (req.url ?? '')
      .split('?')[0]
      .replace(/\(.*\)/, '(…)')
      .replace(/devstoreaccount1\//, '');
    const k = `${req.method} ${p.split('/')[1]?.slice(0, 40)}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    const up = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode!, r.headers);
      r.pipe(res);
    });
    up.on('error', (e) => console.error('proxy', e.message));
    req.pipe(up);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const pport = (proxy.address() as { port: number }).port;
  const cs = az.connectionString.replace(`:${port}`, `:${pport}`);
  const api = spawn(process.execPath, [...(process.env.PROBE_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROBE_PROF}`] : []), resolve(ROOT, 'functions/dist/dev/serveLocal.js')], {
    env: { ...process.env, RETURNS_ENV: 'development', RETURNS_STORAGE: cs, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done) => {
    let text = '';
    api.stdout!.on('data', (b: Buffer) => {
      const m = /listening (\S+)/.exec((text += b.toString()));
      if (m) done(m[1]);
    });
  });
  const files = sampleFiles('community-plan/districts').filter((f: string) => f.endsWith('.xlsx'));
  const args = ['--api', url, '--key', 'dev-hq'];
  counts.clear();
  const t = Date.now();
  // Not spawnSync: the proxy runs in this process's event loop.
  const r = await promisify(execFile)(resolve(ROOT, 'node_modules/.bin/returns'), ['upload', ...files, ...args], { encoding: 'utf8' }).catch((e: { stdout: string; stderr: string }) => e);
  console.log('upload ms', Date.now() - t, r.stdout.split('\n').length, r.stdout.slice(0, 600), r.stderr.slice(0, 300));
  let total = 0;
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) {
    total += v;
    console.log(v, k);
  }
  console.log('total', total);
  api.kill();
  await new Promise((r) => api.once('exit', r));
  proxy.close();
  await az.stop();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
