import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { BUILT_IN_SOURCE, UNITS, builtInForm } from '../support/builtIn';
import { consolidateReturns } from '@returns-hub/shared/consolidate/consolidateReturns';
import { differences } from '@returns-hub/shared/consolidate/aggregateDifferences';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import type { Tally } from '@returns-hub/shared/consolidate/tally';
import { rebuildTallies } from '@returns-hub/functions/services/rebuildTallies';
import { currentEntries } from '@returns-hub/functions/services/readReturns';
import { repair } from '@returns-hub/functions/services/repair';
import { isDomainError } from '@returns-hub/functions/domain/domainError';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sampleFiles } from '../support/samples';

/**
 * Storage frozen (SIGSTOP on the Azurite this test started) or failing at every step boundary
 * of a 50-return request: before each write of the commit protocol (claim, write log, intents,
 * history, the pointer switch, tallies, audit, the key's answer) and after it (the write done,
 * its answer lost). Whatever happens, the answer is honest, no tally is served that differs
 * from recomputation without its stale mark, and once the scheduled repair has run the
 * maintained tallies equal a recomputation from the stored returns.
 */
const FORM = builtInForm('bma-community-plan-return');
const FY = 2563;
/** The base deadline of a storage operation here: short, so a frozen storage answers quickly. */
const DEADLINE_MS = 1_000;
const HQ = { role: 'hq' as const, name: 'test', id: 'test-hq' };

type Mode = 'stall' | 'error-before' | 'error-after';
/** Writes to storage as the API makes them, and one fault armed at the `at`-th (1-based). */
const writes = { seen: [] as string[], at: 0, mode: 'stall' as Mode, frozen: false, pid: 0 };
const dropped = () => Object.assign(new Error('connection reset by the fault injector'), { code: 'ECONNRESET' });
/** The table a write goes to (a transaction names it in its body). */
const tableOf = (url: string, body: unknown) => (typeof body === 'string' && /devstoreaccount1\/(\w+)[( ]/.exec(body)?.[1]) || new URL(url).pathname.split('/').pop()!.replace(/\(.*$/, '');
const faults: PipelinePolicy = {
  name: 'stallOrFail',
  sendRequest: async (req, next) => {
    if (req.method === 'GET') return next(req);
    writes.seen.push(tableOf(req.url, req.body));
    if (writes.seen.length !== writes.at) return next(req);
    if (writes.mode === 'error-before') throw dropped();
    if (writes.mode === 'stall') {
      process.kill(writes.pid, 'SIGSTOP'); // only the Azurite this test started; thawed once the API has answered
      writes.frozen = true;
      return next(req);
    }
    await next(req);
    throw dropped();
  },
};

let api: Api;
let districts: SubmitRequest;
beforeAll(async () => {
  api = await startApi({ env: { RETURNS_STORAGE_TIMEOUT_MS: String(DEADLINE_MS) }, additionalPolicies: [{ position: 'perCall', policy: faults }] });
  writes.pid = api.azurite.pid;
  const files = await Promise.all(sampleFiles('community-plan/districts').map(requestFor));
  districts = { fileName: 'deadline-day.xlsx', returns: files.flatMap((f) => f.returns) };
  expect(districts.returns).toHaveLength(50);
}, 60_000);
afterAll(async () => {
  if (writes.frozen) process.kill(writes.pid, 'SIGCONT'); // never leave it frozen
  await api?.close();
});

/** The 50 returns with other figures (the same change in received and balance, so every rule still holds). */
function request(trial: number): SubmitRequest {
  const req = structuredClone(districts);
  for (const r of req.returns)
    for (const id of ['budget_received', 'budget_balance']) {
      const f = r.fields[id];
      if (f && typeof f.v === 'number') f.v += trial;
    }
  return req;
}

const post = (req: SubmitRequest, key: string) => raw(api, '/api/returns', { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': key } });
const versions = async () => new Map((await api.client().list({ form: FORM.id, fy: FY })).returns.map((r) => [r.orgUnit, r.version]));

/** Azurite thawed, and every request it had queued while frozen done. */
async function thaw(): Promise<void> {
  if (!writes.frozen) return;
  process.kill(writes.pid, 'SIGCONT');
  writes.frozen = false;
  await new Promise((r) => setTimeout(r, 300));
  await versions();
}

/**
 * The tally HQ is served. A 503 serves no figures (an honest "try again"): on a busy machine an ordinary read can outlast
 * this test's 1 s deadline, so it is asked again, a few times, until figures are served.
 */
async function servedTally(by: 'hq' | 'district') {
  for (let attempt = 1; ; attempt++) {
    const res = await raw(api, `/api/tallies?form=${FORM.id}&fy=${FY}&by=${by}`);
    if (res.status !== 503 || attempt === 5) return res;
    expect(res.body).toMatchObject({ code: 'storage.unavailable' });
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** What HQ is served equals recomputation from the stored returns: maintained and right, or marked stale and recomputed. */
async function servedHonestly(where: string): Promise<void> {
  const entries = await currentEntries(await api.deps.store(), FORM, FY, 'FY');
  for (const by of ['hq', 'district'] as const) {
    const { stale: _stale, ...figures } = (await servedTally(by)).body as Tally;
    const recomputed = { ...consolidateReturns(FORM, UNITS, entries, { fiscalYear: FY, period: 'FY', by }), include: 'all' };
    expect({ where, by, differences: differences(figures, recomputed) }).toEqual({ where, by, differences: [] });
  }
}

async function maintainedMatch(): Promise<{ matched: boolean; differences: string[]; stale: string | null }> {
  const r = await rebuildTallies(await api.deps.store(), HQ, FORM, UNITS, FY, 'FY', { write: false });
  if (isDomainError(r)) throw new Error(r.en);
  return { matched: r.matched, differences: r.differences, stale: r.stale };
}

let trial = 0;
/** The writes a 50-return request makes, learnt from one made without a fault. */
let steps: { at: number; label: string }[] = [];

describe('storage frozen or failing at every step boundary of a 50-return request', () => {
  test('without a fault: 201, and the writes it makes', async () => {
    await post(request(++trial), `warm-key-${trial}`); // tables created, first versions stored
    // On a busy machine an ordinary call can outlast the deadline too: the writes are learnt from a request that met none.
    let res: Awaited<ReturnType<typeof post>>;
    do {
      writes.seen = [];
      res = await post(request(++trial), `dry-run-key-${trial}`);
    } while (res.status === 503 && trial < 6);
    expect([res.status, res.body.detail]).toEqual([201, undefined]);
    const seen = [...writes.seen];
    // Before and after each write: a fault at each of them, before it (nothing written) or after it (written, its answer lost).
    steps = seen.map((table, i) => ({ at: i + 1, label: `write ${i + 1} of ${seen.length} (${table})` }));
    process.stderr.write(`storage stalls: a 50-return request makes ${seen.length} writes: ${seen.join(' ')}; faults at ${steps.map((s) => s.at).join(', ')}\n`);
    expect(new Set(seen)).toEqual(new Set(['idempotency', 'writes', 'tallies', 'versions', 'returns', 'audit']));
    expect((await maintainedMatch()).matched).toBe(true);
  }, 60_000);

  test.each(['stall', 'error-before', 'error-after'] as const)(
    '%s at each boundary: an honest answer; tallies never served wrong unmarked; after the scheduled repair they equal recomputation; the retry stores each return once',
    async (mode) => {
      expect(steps.length).toBeGreaterThan(8);
      const seenAnswers = new Map<number, number>();
      let before = await versions();
      for (const step of steps) {
        const req = request(++trial);
        const key = `stall-key-${trial}`;
        writes.seen = [];
        writes.mode = mode;
        writes.at = step.at;
        const first = await post(req, key);
        writes.at = 0;
        await thaw();
        const where = `${mode} at ${step.label}: answered ${first.status} ${first.body.code ?? ''}`;
        seenAnswers.set(first.status, (seenAnswers.get(first.status) ?? 0) + 1);

        // The answer is honest: never 500; what it says was stored, is; what it says was not, is not.
        const after = await versions();
        const moved = [...after].filter(([unit, v]) => v !== before.get(unit)).map(([unit]) => unit);
        expect({ where, status: first.status === 500 ? 500 : 'not 500' }).toEqual({ where, status: 'not 500' });
        if (first.status === 201) expect({ where, moved: moved.length }).toEqual({ where, moved: 50 });
        else {
          expect({ where, status: first.status, retryAfter: !!first.headers.get('retry-after'), thai: /[\u0E00-\u0E7F]/.test(first.body.detail_th) }).toEqual({
            where,
            status: 503,
            retryAfter: true,
            thai: true,
          });
          const outcomes: { orgUnit: string; state: string }[] = first.body.outcomes ?? [];
          for (const o of outcomes) {
            if (o.state === 'stored') expect({ where, o, moved: moved.includes(o.orgUnit) }).toEqual({ where, o, moved: true });
            if (o.state === 'not_stored') expect({ where, o, moved: moved.includes(o.orgUnit) }).toEqual({ where, o, moved: false });
          }
          if (outcomes.length === 0) expect({ where, moved }).toEqual({ where, moved: [] }); // "nothing was stored"
          if (/nothing of this request was stored/.test(first.body.detail)) expect({ where, moved }).toEqual({ where, moved: [] });
        }
        expect({ where, moved: [0, 50].includes(moved.length) }).toEqual({ where, moved: true }); // one partition: all or nothing

        // Before any repair: what HQ is served is right, or marked stale (and recomputed, so right).
        await servedHonestly(where);

        // The scheduled repair: afterwards the maintained tallies equal recomputation.
        const repaired = await repair(await api.deps.store(), await api.deps.reviews(), BUILT_IN_SOURCE, { graceMs: 0, settleAfterMs: 0 }, () => new Date(Date.now() + 1000));
        expect({ where, failed: [...repaired.writes.failed, ...repaired.intents.failed] }).toEqual({ where, failed: [] });
        expect({ where, ...(await maintainedMatch()) }).toEqual({ where, matched: true, differences: [], stale: null });

        // The retry with the same key completes the request, each return stored once (its tallies checked with the next trial's).
        if (first.status !== 201) {
          const retry = await post(req, key);
          expect({ where, retry: [200, 201].includes(retry.status) }).toEqual({ where, retry: true });
          const done = await versions();
          expect({ where, once: [...done].every(([unit, v]) => v === (before.get(unit) ?? 0) + 1) }).toEqual({ where, once: true });
          before = done;
        } else before = after;
      }
      expect(await maintainedMatch()).toEqual({ matched: true, differences: [], stale: null });
      process.stderr.write(`storage stalls, ${mode}: ${steps.length} boundaries, answers ${JSON.stringify(Object.fromEntries(seenAnswers))}\n`);
    },
    240_000,
  );
});
