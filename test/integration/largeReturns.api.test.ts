import { BUILT_IN_SOURCE, builtInForm } from '../support/builtIn';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import { repair } from '@returns-hub/functions/services/repair';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

/**
 * Returns as large as requests allow, on Azurite: a 20,000-type welfare return (2 MB, a tally
 * contribution and aggregates of 20,000 items each) is stored, counted and rebuilt; one of
 * 150,000 rows is refused before anything is written, and nothing is left behind.
 */
const FORM = builtInForm('welfare-fund-tally');
let api: Api;
let welfare: SubmitRequest;
beforeAll(async () => {
  api = await startApi({ env: { RETURNS_MAX_BODY_BYTES: String(48 * 1024 * 1024) } });
  welfare = await requestFor(sample('welfare/wang-thonglang-2564.xlsx'));
}, 60_000);
afterAll(async () => api?.close());

/** The welfare return with `n` distinct welfare types (each 100 baht to one person) and a total that adds up. */
function withTypes(n: number, fund: string): SubmitRequest {
  const req = structuredClone(welfare);
  req.returns[0].fields.fund.v = fund;
  const t = req.returns[0].table!;
  const first = t.rows.find((r) => r.kind === 'item')!;
  const total = t.rows.find((r) => r.kind === 'total')!;
  const items = Array.from({ length: n }, (_, i) => ({ ...first, row: 7 + i, values: { ...first.values, no: i + 1, welfare_type: `สวัสดิการประเภทที่ ${i + 1}`, persons: 1, amount: 100 } }));
  t.rows = [...items, { ...total, row: 7 + n, values: { ...total.values, persons: n, amount: 100 * n } }];
  return req;
}

const post = (req: SubmitRequest, key: string) => raw(api, '/api/returns', { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': key } });
const rebuild = (check: boolean) => raw(api, `/api/admin/rebuild-tallies?form=${FORM.id}&fy=2564${check ? '&check=true' : ''}`, { method: 'POST' });
const later = () => new Date(Date.now() + 60_000).toISOString();

describe('a 20,000-row welfare return', () => {
  test('201; in the tallies (maintained, not recomputed); rebuilt and checked at that size', async () => {
    const req = withTypes(20_000, 'กองทุนสองหมื่นประเภท');
    expect(JSON.stringify(req).length).toBeGreaterThan(2_000_000);
    const stored = await post(req, 'large-20000-1');
    expect([stored.status, stored.body.receipts?.[0]?.rows]).toEqual([201, 20_001]);

    const hq = await raw(api, `/api/tallies?form=${FORM.id}&fy=2564&by=hq`);
    expect([hq.status, hq.body.stale]).toEqual([200, undefined]);
    expect(JSON.stringify(hq.body)).toContain('สวัสดิการประเภทที่ 20000');

    const checked = await rebuild(true);
    expect([checked.status, checked.body.matched, checked.body.differenceCount]).toEqual([200, true, 0]);
    // HQ's aggregate lost (as a writer that stopped half-way would leave it): the rebuild writes it again, as large.
    const store = await api.deps.store();
    await store.tallies.commit({ formId: FORM.id, fiscalYear: 2564, basis: 'all' }, [
      {
        kind: 'aggregate',
        key: { period: 'FY', by: 'hq', group: 'BMA' },
        value: null,
        etag: (await store.tallies.getAggregates({ formId: FORM.id, fiscalYear: 2564, basis: 'all' }, [{ period: 'FY', by: 'hq', group: 'BMA' }]))[0]!.etag,
      },
    ]);
    const rebuilt = await rebuild(false);
    expect([rebuilt.status, rebuilt.body.matched, rebuilt.body.rewritten > 0]).toEqual([200, false, true]);
    expect((await rebuild(true)).body).toMatchObject({ matched: true, differenceCount: 0, stale: null });
  }, 240_000);
});

describe('a 150,000-row return', () => {
  test('refused with a clear 422 before anything is written; nothing left after the sweep', async () => {
    const store = await api.deps.store();
    const res = await post(withTypes(150_000, 'กองทุนแสนห้า'), 'large-150000-1');
    expect([res.status, res.body.code]).toEqual([422, 'return.too_large']);
    expect(res.body.detail).toMatch(/150,001 rows; at most 100,000 can be stored in one request/);
    expect(res.body.detail_th).toMatch(/150,001 แถว/);
    const repaired = await repair(store, await api.deps.reviews(), BUILT_IN_SOURCE, { graceMs: 0, settleAfterMs: 0 }, () => new Date(Date.now() + 1000));
    expect(repaired.writes).toEqual({ checked: 0, removed: 0, failed: [] }); // nothing was begun
    expect((await store.sweep(later())).checked).toBe(0);
    const listed = await raw(api, `/api/returns?form=${FORM.id}&fy=2564`);
    expect(listed.body.returns.map((r: { subject: string }) => r.subject)).not.toContain('กองทุนแสนห้า');
  }, 120_000);
});
