import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

const TIMEOUT_MS = 1_000;
let api: Api;
beforeAll(async () => {
  api = await startApi({ env: { RETURNS_STORAGE_TIMEOUT_MS: String(TIMEOUT_MS) } });
  expect((await raw(api, '/api/tallies?form=bma-community-plan-return&fy=2563')).status).toBe(200); // storage open
}, 60_000);
afterAll(async () => {
  process.kill(api.azurite.pid, 'SIGCONT'); // never leave it frozen
  await api?.close();
});

/** A request, and how long its answer took. */
async function timed(path: string, init: Parameters<typeof raw>[2] = {}) {
  const t0 = Date.now();
  const r = await raw(api, path, init);
  return { ...r, ms: Date.now() - t0 };
}

describe('a frozen storage answers 503 with Retry-After within the configured bound', () => {
  test('SIGSTOP on the Azurite process: reads and writes answer 503 in about the timeout; SIGCONT: they work again', async () => {
    const req = await requestFor(sample('community-plan/districts/1045.xlsx'));
    process.kill(api.azurite.pid, 'SIGSTOP');
    try {
      // Each answer says what is true of its route: a read changed nothing to speak of; only a submission (and a decision) mentions its Idempotency-Key.
      for (const [path, init, says, never] of [
        ['/api/tallies?form=bma-community-plan-return&fy=2563', {}, /Try again shortly/, /Idempotency-Key|nothing was changed/],
        ['/api/returns/bma-community-plan-return/2563/FY/1045', {}, /Try again shortly/, /Idempotency-Key|nothing was changed/],
        [
          '/api/returns',
          { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': 'frozen-0001' } },
          /nothing of this request was stored.*same Idempotency-Key/,
          /nothing was changed/,
        ],
        ['/api/admin/rebuild-tallies?form=bma-community-plan-return&fy=2563', { method: 'POST' }, /safe to repeat/, /Idempotency-Key/],
        ['/api/returns/bma-community-plan-return/2563/FY/1045/accept', { method: 'POST', body: '{}' }, /may not have been recorded/, /nothing was changed/],
      ] as const) {
        const r = await timed(path, init);
        expect([path, r.status, r.body.code]).toEqual([path, 503, 'storage.unavailable']);
        expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(r.body.detail_th).toMatch(/[\u0E00-\u0E7F]/);
        expect([path, r.body.detail]).toEqual([path, expect.stringMatching(says)]);
        expect([path, r.body.detail]).toEqual([path, expect.not.stringMatching(never)]);
        expect(r.ms).toBeLessThan(TIMEOUT_MS * 4);
      }
    } finally {
      process.kill(api.azurite.pid, 'SIGCONT');
    }
    const again = await raw(api, '/api/returns', { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': 'frozen-0001' } });
    expect(again.status).toBe(201);
    expect((await raw(api, '/api/tallies?form=bma-community-plan-return&fy=2563')).status).toBe(200);
  }, 60_000);
});
