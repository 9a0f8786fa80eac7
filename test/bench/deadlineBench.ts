import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { startAzurite } from '@returns-hub/functions/dev/startAzurite';
import { UNITS } from '../support/builtIn';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import { randomReturn, seededRandom } from '../support/randomReturns';
import { machine, median, percentile, writeSection } from './report';

/**
 * Deadline day under load: 50 district clients upload 100 project returns each (5,000 uploads,
 * one return a request, all of one form and year, so every one changes the same HQ and zone
 * aggregates) while headquarters pulls the tally again and again, and a bounded CPU burner
 * per core keeps the machine busy. Clients retry a 503 as the CLI does (Retry-After, same
 * Idempotency-Key). An upload still refused after its tries (storage too slow under the load:
 * an honest 503, nothing of it stored) is sent again once the load is over, as the clerk would.
 * At the end `returns admin rebuild-tallies --check` must find 0 differences (after the repair
 * the timer would run, if anything was left pending) and every upload must be stored: the bench
 * fails otherwise, after writing what it measured.
 */
const ROOT = resolve(__dirname, '../..');
const BIN = resolve(ROOT, 'node_modules/.bin/returns');
const FORM = 'bma-project-progress';
const FY = 2568;
const CLIENTS = 50;
const PER_CLIENT = Number(process.env.BENCH_DEADLINE_PER_CLIENT ?? 100);
/** A burner never outlives this, whatever happens to the bench. */
const BURN_MS = 20 * 60_000;
const ATTEMPTS = 6;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One busy loop per core, bounded in time; stopped by its PID. */
function burners(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', `const end = Date.now() + ${BURN_MS}; while (Date.now() < end) {}`], { stdio: 'ignore' }));
}

async function startApiProcess(env: Record<string, string>): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [resolve(ROOT, 'functions/dist/dev/serveLocal.js')], { cwd: ROOT, env: { ...process.env, ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((done, fail) => {
    let text = '';
    proc.stdout!.on('data', (b: Buffer) => {
      const m = /listening (\S+)/.exec((text += b.toString()));
      if (m) done(m[1]);
    });
    proc.once('exit', (code) => fail(new Error(`the API exited (${code})`)));
  });
  return { url, proc };
}

interface Upload {
  key: string;
  body: string;
}

export async function deadlineBench(): Promise<string> {
  spawnSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'inherit' });
  const districts = UNITS.ofKind('district').filter((u) => u.agencyPrefix);
  const r = seededRandom(19);
  // Every request made before the clock starts: the clients only send.
  const uploads: Upload[][] = districts.slice(0, CLIENTS).map((d, unit) =>
    Array.from({ length: PER_CLIENT }, (_, subject) => {
      const req: SubmitRequest = { fileName: `${d.code}-${subject}.xlsx`, returns: [randomReturn(r, FORM, FY, { unit, subject, period: 'FY' })] };
      return { key: `dev-unit-${d.code}`, body: JSON.stringify(req) };
    }),
  );
  const azurite = await startAzurite();
  const env = { RETURNS_ENV: 'development', RETURNS_STORAGE: azurite.connectionString };
  const api = await startApiProcess(env);
  const burning = burners(Number(process.env.BENCH_DEADLINE_BURNERS ?? 2));
  const loadBefore = loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
  try {
    const post = async (u: Upload, idempotencyKey: string) => {
      for (let attempt = 1; ; attempt++) {
        const t0 = performance.now();
        const res = await fetch(`${api.url}/api/returns`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${u.key}`, 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
          body: u.body,
        });
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (res.status !== 503 || attempt === ATTEMPTS) return { status: res.status, ms, attempts: attempt };
        unavailable++;
        await sleep(Number(res.headers.get('retry-after') ?? 2) * 1000);
      }
    };
    let unavailable = 0;
    // Warm: tables created, code paths loaded.
    await post(uploads[0][0], 'warm-up-0000');
    const submitMs: number[] = [];
    const statuses = new Map<number, number>();
    let attemptsTotal = 0;
    const tallyMs: number[] = [];
    const gaveUp: { u: Upload; key: string }[] = [];
    let sent = 0;
    let stale = 0;
    let done = false;
    const t0 = performance.now();
    const puller = (async () => {
      while (!done) {
        const s = performance.now();
        const res = await fetch(`${api.url}/api/tallies?form=${FORM}&fy=${FY}&by=hq`, { headers: { Authorization: 'Bearer dev-hq' } });
        const body = (await res.json()) as { stale?: unknown };
        tallyMs.push(performance.now() - s);
        if (body.stale) stale++;
        await sleep(100);
      }
    })();
    await Promise.all(
      uploads.map(async (mine, c) => {
        for (const [i, u] of mine.entries()) {
          const out = await post(u, `deadline-${c}-${i}`);
          submitMs.push(out.ms);
          attemptsTotal += out.attempts;
          statuses.set(out.status, (statuses.get(out.status) ?? 0) + 1);
          if (out.status === 503) gaveUp.push({ u, key: `deadline-${c}-${i}` });
          if (++sent % 500 === 0) process.stderr.write(`deadline bench: ${sent} uploads answered, load ${loadavg()[0].toFixed(1)}\n`);
        }
      }),
    );
    const wallS = (performance.now() - t0) / 1000;
    done = true;
    await puller;
    const loadAfter = loadavg()
      .map((x) => x.toFixed(2))
      .join(', ');
    for (const b of burning) b.kill('SIGKILL');
    // What the load left refused is sent again (same key), as the clerk would once it is over.
    const resent = new Map<number, number>();
    for (const { u, key } of gaveUp) {
      const out = await post(u, key);
      resent.set(out.status, (resent.get(out.status) ?? 0) + 1);
    }

    // The end state: the CLI's check, before and after the repair the timer would run.
    const cli = (...args: string[]) => spawnSync(BIN, ['admin', ...args], { cwd: ROOT, env: { ...process.env, ...env, RETURNS_API: api.url, RETURNS_KEY: 'dev-hq' }, encoding: 'utf8' });
    const checkArgs = ['rebuild-tallies', '--form', FORM, '--fy', String(FY), '--check', '--api', api.url, '--key', 'dev-hq', '--json'];
    const before = cli(...checkArgs);
    const differencesOf = (out: ReturnType<typeof cli>) => {
      try {
        return (JSON.parse(out.stdout) as { differenceCount: number; stale: string | null; returns: number }).differenceCount;
      } catch {
        throw new Error(`rebuild-tallies --check printed no report (exit ${out.status}): ${out.stdout} ${out.stderr}`);
      }
    };
    const beforeDiff = differencesOf(before);
    const swept = cli('sweep', '--grace-minutes', '0');
    const after = cli(...checkArgs);
    const afterDiff = differencesOf(after);
    const stored = statuses.get(201) ?? 0;
    const storedAfter = stored + (resent.get(201) ?? 0) + (resent.get(200) ?? 0);
    const storedNow = (JSON.parse(after.stdout) as { returns: number }).returns; // the warm-up is client 0's first return (replaced by its upload)

    const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
    const body = `## Deadline day under load: 5,000 uploads while HQ pulls (issue 19)

Command: \`npm run bench -- deadline\` (test/bench/deadlineBench.ts) · ${machine()} · Azurite in memory, the API in its own process (\`functions/dist/dev/serveLocal.js\`) · ${burning.length} CPU burners (a bounded busy loop per core, stopped by PID) · load average before ${loadBefore}, at the end ${loadAfter}

${CLIENTS} district clients at once, each uploading its ${PER_CLIENT} project returns one request at a time (${(CLIENTS * PER_CLIENT).toLocaleString('en-US')} returns of \`${FORM}\` ${FY}: every one changes the same zone and HQ aggregates), retrying a 503 after its Retry-After with the same Idempotency-Key (at most ${ATTEMPTS} tries, as the CLI does); headquarters pulls the HQ tally every 100 ms meanwhile.

| measure | value |
|---|---|
| uploads stored under the load (201) | **${stored.toLocaleString('en-US')}** of ${(CLIENTS * PER_CLIENT).toLocaleString('en-US')} (last answers: ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}) |
| still 503 after ${ATTEMPTS} tries (nothing stored, "send it again"), sent again after the load | ${gaveUp.length}${gaveUp.length ? ` → ${[...resent].map(([s, n]) => `${n} × ${s}`).join(', ')}` : ''} |
| returns stored in the end (\`rebuild-tallies --check\`'s count) | **${storedNow.toLocaleString('en-US')}** |
| 503 answers retried | ${unavailable} (${attemptsTotal - CLIENTS * PER_CLIENT} extra tries) |
| wall time, rate | ${wallS.toFixed(1)} s, ${((CLIENTS * PER_CLIENT) / wallS).toFixed(0)} uploads/s |
| upload latency p50 / p95 / max | ${fmt(median(submitMs))} / ${fmt(percentile(submitMs, 95))} / ${fmt(Math.max(...submitMs))} |
| HQ tally pulls; latency p50 / p95 | ${tallyMs.length}; ${fmt(median(tallyMs))} / ${fmt(percentile(tallyMs, 95))} |
| pulls served recomputed and marked stale (an update recorded, not yet applied) | ${stale} of ${tallyMs.length} |
| \`returns admin rebuild-tallies --check\` right after the load | **${beforeDiff} differences** |
| after the repair the timer runs (\`returns admin sweep --grace-minutes 0\`: ${swept.stdout.trim().split('\n')[0] ?? ''}) | **${afterDiff} differences** |

Before (issue 19's probe, on a busy machine, the code before the write-ahead intents): 5,000 uploads left the aggregates missing 406 returns (610 differences), nothing logged, and the tally took 933 ms instead of 10 ms.
`;
    writeSection('deadline', body);
    if (afterDiff !== 0) throw new Error(`deadline bench: rebuild-tallies --check found ${afterDiff} difference(s) after the repair: ${after.stdout.slice(0, 2000)}`);
    if (storedAfter !== CLIENTS * PER_CLIENT || storedNow !== CLIENTS * PER_CLIENT)
      throw new Error(`deadline bench: ${storedAfter} of ${CLIENTS * PER_CLIENT} uploads answered 201 (${storedNow} stored): ${JSON.stringify(Object.fromEntries(statuses))}`);
    return body;
  } finally {
    for (const b of burning) if (b.exitCode === null) b.kill('SIGKILL');
    api.proc.kill('SIGKILL');
    await azurite.stop();
  }
}
