import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample, sampleFiles } from '../support/samples';
import { pointerWriteFault, tableWriteFault } from '../support/storageFaults';
import { BUILT_IN_SOURCE, UNITS, builtInForm } from '../support/builtIn';
import { rebuildTallies } from '@returns-hub/functions/services/rebuildTallies';
import { isDomainError } from '@returns-hub/functions/domain/domainError';
import { sweepOrphans } from '@returns-hub/functions/services/sweepOrphans';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';

const FORM2 = { form: 'bma-community-plan-return', fy: 2563, period: 'FY' };
const fault = pointerWriteFault();
let api: Api;
let districts: SubmitRequest[];
let welfare: SubmitRequest;
beforeAll(async () => {
  api = await startApi({ additionalPolicies: fault.policies });
  districts = await Promise.all(sampleFiles('community-plan/districts').map(requestFor));
  welfare = await requestFor(sample('welfare/wang-thonglang-2564.xlsx'));
}, 60_000);
afterAll(async () => api?.close());
afterEach(() => fault.disarm());

const combined = (from: number, to: number, extra: SubmitRequest['returns'] = []): SubmitRequest => ({
  fileName: 'hq-batch.xlsx',
  returns: [...districts.slice(from, to).flatMap((r) => r.returns), ...extra],
});
const post = (req: SubmitRequest, key: string) => raw(api, '/api/returns', { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': key } });
const versions = async () => new Map((await api.client().list(FORM2)).returns.map((r) => [r.orgUnit, r.version]));

describe('a 40-return HQ request commits whole or not at all', () => {
  // Each case starts from the versions the earlier ones left: what matters is that all 40 move together.
  test.each([
    ['the first pointer write fails before it reaches storage', 1, 'before'],
    ['the sixth pointer write fails (where the old code had stored five)', 6, 'before'],
    ['storage commits the pointer write but its answer is lost', 1, 'after'],
  ] as const)(
    '%s: none or all stored; the retry completes it once',
    async (_name, at, when) => {
      const before = await versions();
      const req = combined(0, 40);
      const key = `forty-${at}-${when}`;
      fault.arm(at, when);
      const first = await post(req, key);
      fault.disarm();
      const after = await versions();
      const moved = req.returns.filter((_r, i) => (after.get(districtOf(i)) ?? 0) !== (before.get(districtOf(i)) ?? 0)).length;
      expect([0, 40]).toContain(moved);
      if (first.status === 503) {
        expect(first.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(first.body.detail_th).toMatch(/[\u0E00-\u0E7F]/);
      } else expect(first.status).toBe(201);

      const retry = await post(req, key);
      expect([200, 201]).toContain(retry.status);
      const done = await versions();
      for (let i = 0; i < 40; i++) expect(done.get(districtOf(i))).toBe((before.get(districtOf(i)) ?? 0) + 1); // exactly one new version each
      expect(retry.body.receipts).toHaveLength(40);
    },
    60_000,
  );

  const districtOf = (i: number) => districts[i].fileName.replace('.xlsx', '');
});

describe('a request over several transactions answers per return, and its retry completes it', () => {
  test('the second transaction fails: 503 with what was stored; the retry stores the rest once', async () => {
    const req = combined(40, 50, welfare.returns); // ten district returns (one partition) and a welfare return (another)
    const before = await versions();
    fault.arm(2, 'before');
    const first = await post(req, 'two-partitions-1');
    fault.disarm();
    expect(first.status).toBe(503);
    expect(first.body.code).toBe('return.partly_stored');
    expect(first.body.outcomes.filter((o: { state: string }) => o.state === 'stored')).toHaveLength(10);
    expect(first.body.outcomes.find((o: { formId: string }) => o.formId === 'welfare-fund-tally')).toMatchObject({ state: 'unknown' });
    expect(first.body.detail).toMatch(/10 of 11/);

    const retry = await post(req, 'two-partitions-1');
    expect(retry.status).toBe(201);
    expect(retry.body.receipts.map((r: { replayed?: boolean }) => !!r.replayed)).toEqual([...Array(10).fill(true), false]);
    const after = await versions();
    for (const d of districts.slice(40, 50)) {
      const unit = d.fileName.replace('.xlsx', '');
      expect(after.get(unit)).toBe((before.get(unit) ?? 0) + 1);
    }
    const again = await post(req, 'two-partitions-1');
    expect([again.status, again.headers.get('idempotent-replay')]).toEqual([200, 'true']);
  }, 60_000);
});

describe('orphan rows', () => {
  // A fresh storage, so only this test's writes are in the log.
  const orphanFault = pointerWriteFault();
  let own: Api;
  beforeAll(async () => (own = await startApi({ additionalPolicies: orphanFault.policies })), 60_000);
  afterAll(async () => own?.close());
  const send = (req: SubmitRequest, key: string) => raw(own, '/api/returns', { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': key } });
  const later = () => new Date(Date.now() + 60_000).toISOString();

  test('a write that never committed is swept after the grace period; committed ones are kept', async () => {
    const store = await own.deps.store();
    expect((await send(welfare, 'committed-0')).status).toBe(201);
    orphanFault.arm(1, 'before');
    const edited = structuredClone(welfare);
    edited.fileName = 'edited.xlsx';
    expect((await send(edited, 'orphan-maker-1')).status).toBe(503);
    orphanFault.disarm();
    const [orphan, ...more] = await store.listWrites(later());
    expect(more).toEqual([]); // the committed write was forgotten at once
    expect(await store.readRows(orphan.writeId)).toHaveLength(12); // rows nobody points at

    expect(await sweepOrphans(store, BUILT_IN_SOURCE, 60 * 60_000)).toEqual({ checked: 0, removed: 0 }); // within the grace: untouched
    expect(await sweepOrphans(store, BUILT_IN_SOURCE, 0, () => new Date(Date.now() + 1000))).toEqual({ checked: 1, removed: 1 });
    expect(await store.readRows(orphan.writeId)).toEqual([]);
    expect(await store.listWrites(later())).toEqual([]);

    // What is stored still reads whole, rows and all.
    const fund = welfare.returns[0].fields.fund.v as string;
    const r = await own.client().getReturn({ form: 'welfare-fund-tally', fy: 2564, period: 'FY', orgUnit: '1045', subject: fund });
    expect([r.version, (r.rows as unknown[]).length]).toEqual([1, 12]);
  }, 60_000);

  test('a write that committed but was not forgotten (its answer lost) is kept by the sweep', async () => {
    const store = await own.deps.store();
    orphanFault.arm(1, 'after');
    const edited = structuredClone(welfare);
    edited.fileName = 'answer-lost.xlsx';
    expect((await send(edited, 'answer-lost-1')).status).toBe(503);
    orphanFault.disarm();
    const [w] = await store.listWrites(later());
    expect(await sweepOrphans(store, BUILT_IN_SOURCE, 0, () => new Date(Date.now() + 1000))).toEqual({ checked: 1, removed: 0 });
    expect(await store.readRows(w.writeId)).toHaveLength(12);
  }, 60_000);
});

describe('the tallies of a bulk request', () => {
  // A fresh storage, so only this test's writes are in the log.
  const tallyFault = tableWriteFault('tallies');
  let own: Api;
  beforeAll(async () => (own = await startApi({ additionalPolicies: tallyFault.policies })), 60_000);
  afterAll(async () => own?.close());
  const hq = { role: 'hq' as const, name: 'test', id: 'test-hq' };

  test('storage failing at the second tally commit: every return stored; the first commit’s returns counted whole, the rest left to the sweep; the scope stale until rebuilt', async () => {
    const store = await own.deps.store();
    const req: SubmitRequest = { fileName: 'all.xlsx', returns: districts.flatMap((r) => r.returns) }; // 50 returns: two tally commits
    tallyFault.arm(2, 'before');
    const res = await raw(own, '/api/returns', { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': 'bulk-tally-fault' } });
    tallyFault.disarm();
    expect(tallyFault.fired).toBe(1);
    expect(res.status).toBe(201); // stored: the tallies' trouble never refuses a submission
    const left = await store.listWrites(new Date(Date.now() + 60_000).toISOString());
    expect(left.length).toBeGreaterThan(0); // the returns of the failed commit, not yet in the tallies
    expect(left.length).toBeLessThan(50); // the first commit's returns are in, and forgotten
    const form = builtInForm(FORM2.form);
    const check = async () => {
      const r = await rebuildTallies(store, hq, form, UNITS, FORM2.fy, FORM2.period, { write: false });
      if (isDomainError(r)) throw new Error(r.en);
      return r;
    };
    const before = await check();
    expect(before.stale).toContain('storage unavailable');
    // HQ's aggregate counts exactly the returns of the commit that landed: whole commits only.
    expect(before.differences).toContainEqual(`aggregate FY|hq|BMA returns: ${50 - left.length} ≠ 50`);
    // Tallies are served by recomputation meanwhile: the figures are right.
    expect((await own.client().tallies({ ...FORM2, by: 'hq' })).groups[0].received).toBe(50);

    expect(await sweepOrphans(store, BUILT_IN_SOURCE, 0, () => new Date(Date.now() + 1000))).toEqual({ checked: left.length, removed: 0 });
    const after = await check();
    expect([after.matched, after.differences]).toEqual([true, []]);
    expect(await store.listWrites(new Date(Date.now() + 60_000).toISOString())).toEqual([]);
  }, 60_000);
});
