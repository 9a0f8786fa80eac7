import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample, sampleFiles } from '../support/samples';
import { submitReturns } from '@returns-hub/functions/services/submitReturns';
import type { ReturnStore } from '@returns-hub/functions/store/returnStore';
import { isDomainError } from '@returns-hub/functions/domain/domainError';
import { createApiClient, newIdempotencyKey } from '@returns-hub/shared/api/client';
import { BUILT_IN_SOURCE } from '../support/builtIn';

const FORM2 = { form: 'bma-community-plan-return', fy: 2563, period: 'FY' };

describe('concurrent submissions and readers', () => {
  let api: Api;
  beforeAll(async () => (api = await startApi()), 60_000);
  afterAll(async () => api?.close());

  test('50 concurrent district submissions with 10 concurrent tally readers: no error, none lost, none duplicated', async () => {
    const requests = await Promise.all(sampleFiles('community-plan/districts').map(requestFor));
    let done = false;
    const readers = Array.from({ length: 10 }, async () => {
      let reads = 0;
      while (!done && reads < 200) {
        const t = await api.client().tallies({ ...FORM2, by: 'hq' });
        expect(t.groups[0].received).toBeLessThanOrEqual(50);
        reads++;
      }
      return reads;
    });
    const receipts = await Promise.all(requests.map((r) => api.client().submit(r)));
    done = true;
    expect((await Promise.all(readers)).every((n) => n >= 1)).toBe(true);
    expect(receipts.map((r) => r.receipts[0].version)).toEqual(Array(50).fill(1));
    const list = await api.client().list(FORM2);
    expect(list.returns.map((r) => r.orgUnit).sort()).toEqual(requests.map((r) => r.fileName.replace('.xlsx', '')).sort());
    expect((await api.client().tallies({ ...FORM2, by: 'hq' })).groups[0].received).toBe(50);
  }, 120_000);

  test('a retried request (same idempotency key) is a no-op that answers with the same receipt', async () => {
    const req = await requestFor(sample('welfare/wang-thonglang-2564.xlsx'));
    const first = await raw(api, '/api/returns', { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': 'retry-key-0001' } });
    const again = await raw(api, '/api/returns', { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': 'retry-key-0001' } });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body.receipts[0].version).toBe(first.body.receipts[0].version);
    const r = await api.client().getReturn({ form: 'welfare-fund-tally', fy: 2564, period: 'FY', orgUnit: '1045', subject: req.returns[0].fields.fund.v as string });
    expect((r.versions as unknown[]).length).toBe(1);
  });

  test('two concurrent submissions of one return: one wins, the other gets 409, nothing half-written', async () => {
    const store = await api.deps.store();
    const req = await requestFor(sample('community-plan/districts/1010.xlsx'));
    // Both writers read the pointer before either moves it: a race, made certain.
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((r) => (release = r));
    const racing = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop !== 'current') return typeof v === 'function' ? v.bind(target) : v;
        return async (...args: unknown[]) => {
          const out = await (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (++arrived === 2) release();
          await bothRead;
          return out;
        };
      },
    }) as ReturnStore;
    const hq = { role: 'hq' as const, name: 'test', id: 'test' };
    const body = JSON.stringify(req);
    const outcomes = await Promise.all([submitReturns(racing, BUILT_IN_SOURCE, hq, req, body + ' ', null), submitReturns(racing, BUILT_IN_SOURCE, hq, req, body + '  ', null)]);
    expect(outcomes.map((o) => (isDomainError(o) ? o.code : 'stored')).sort()).toEqual(['return.conflict', 'stored']);
    const current = await api.client().getReturn({ ...FORM2, orgUnit: '1010' });
    expect(current.version).toBe(2); // version 1 from the 50 above, then exactly one winner
    expect((current.versions as unknown[]).length).toBe(2);
  });
});

describe('Azurite stopped and restarted in the middle of a run', () => {
  let api: Api;
  beforeAll(async () => (api = await startApi({ location: mkdtempSync(join(tmpdir(), 'azurite-')) })), 60_000);
  afterAll(async () => api?.close());

  test('retried submissions complete; no return lost or duplicated; no partial version ever read', async () => {
    const districts = await Promise.all(sampleFiles('community-plan/districts').map(requestFor));
    const welfare = await requestFor(sample('welfare/wang-thonglang-2564.xlsx'));
    const fund = welfare.returns[0].fields.fund.v as string;
    // Retries network failures and 503 with the same idempotency key (the server's storage client retries too).
    const client = createApiClient({ baseUrl: api.url, key: 'dev-hq', fetch, attempts: 10, backoffMs: 200 });
    let down = Infinity;
    let up = Infinity;
    const spans: [number, number][] = [];
    const timed = async (f: () => Promise<unknown>) => {
      const t0 = Date.now();
      await f();
      spans.push([t0, Date.now()]);
    };
    let done = false;
    let partial = 0;
    let fullReads = 0;
    const reader = (async () => {
      while (!done) {
        const r = await raw(api, `/api/returns/welfare-fund-tally/2564/FY/1045?subject=${encodeURIComponent(fund)}`);
        if (r.status === 200) {
          fullReads++;
          if (r.body.rows.length !== r.body.rowCount || r.body.rows.length !== 12) partial++;
        } else expect([404, 503]).toContain(r.status);
        await new Promise((res) => setTimeout(res, 20));
      }
    })();
    let welfareSent = 0;
    let outage: Promise<void> = Promise.resolve();
    for (const [i, req] of districts.entries()) {
      if (i === 10) {
        // Storage goes away for a while, in the middle of the run.
        outage = (async () => {
          await api.azurite.stop();
          down = Date.now();
          await new Promise((res) => setTimeout(res, 1500));
          await api.azurite.restart();
          up = Date.now();
        })();
      }
      await timed(() => client.submit(req, newIdempotencyKey()));
      if (i % 5 === 0) {
        await timed(() => client.submit(welfare, newIdempotencyKey()));
        welfareSent++;
      }
    }
    await outage;
    done = true;
    await reader;

    const list = await api.client().list(FORM2);
    expect(list.returns).toHaveLength(50);
    expect(list.returns.every((r) => r.version === 1)).toBe(true); // a retried submission never became a second version
    const w = await api.client().getReturn({ form: 'welfare-fund-tally', fy: 2564, period: 'FY', orgUnit: '1045', subject: fund });
    expect(w.version).toBe(welfareSent);
    expect((w.versions as { version: number }[]).map((v) => v.version)).toEqual(Array.from({ length: welfareSent }, (_, i) => i + 1));
    expect(partial).toBe(0);
    expect(spans.some(([t0, t1]) => t0 < up && t1 > down)).toBe(true); // a submission was in flight while storage was down
    expect(fullReads).toBeGreaterThan(0);
  }, 180_000);
});
