import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample, sampleFiles } from '../support/samples';
import { pointerWriteFault, tableWriteFault } from '../support/storageFaults';
import { BUILT_IN_SOURCE, UNITS, builtInForm } from '../support/builtIn';
import { rebuildTallies } from '@returns-hub/functions/services/rebuildTallies';
import { isDomainError } from '@returns-hub/functions/domain/domainError';
import { repair } from '@returns-hub/functions/services/repair';
import type { ReturnStore } from '@returns-hub/functions/store/returnStore';
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

  /** The writes a request left recorded in its tally scope (the intents name them). */
  const intentsOf = async (store: ReturnStore, formId: string, fiscalYear: number) => (await store.tallies.listScope({ formId, fiscalYear, basis: 'all' })).intents.map((i) => i.value);
  const runRepair = async (graceMs: number) => repair(await own.deps.store(), await own.deps.reviews(), BUILT_IN_SOURCE, { graceMs, settleAfterMs: 0 }, () => new Date(Date.now() + 1000));

  test('a write that never committed is swept after the grace period; committed ones are kept', async () => {
    const store = await own.deps.store();
    expect((await send(welfare, 'committed-0')).status).toBe(201);
    orphanFault.arm(1, 'before');
    const edited = structuredClone(welfare);
    edited.fileName = 'edited.xlsx';
    expect((await send(edited, 'orphan-maker-1')).status).toBe(503);
    orphanFault.disarm();
    const [orphan, ...more] = await intentsOf(store, 'welfare-fund-tally', 2564);
    expect(more).toEqual([]); // the committed write's intent was settled with its tally
    expect(await store.rows(orphan.id)).toHaveLength(12); // rows nobody points at

    expect((await runRepair(60 * 60_000)).writes).toEqual({ checked: 0, removed: 0, failed: [] }); // within the grace: untouched
    expect((await runRepair(0)).writes).toEqual({ checked: 1, removed: 1, failed: [] });
    expect(await store.rows(orphan.id)).toEqual([]);
    expect(await intentsOf(store, 'welfare-fund-tally', 2564)).toEqual([]);

    // What is stored still reads whole, rows and all.
    const fund = welfare.returns[0].fields.fund.v as string;
    const r = await own.client().getReturn({ form: 'welfare-fund-tally', fy: 2564, period: 'FY', orgUnit: '1045', subject: fund });
    expect([r.version, (r.rows as unknown[]).length]).toEqual([1, 12]);
  }, 60_000);

  test('a write that committed but was not forgotten (its answer lost) is kept by the sweep, and its tallies completed', async () => {
    const store = await own.deps.store();
    orphanFault.arm(1, 'after');
    const edited = structuredClone(welfare);
    edited.fileName = 'answer-lost.xlsx';
    expect((await send(edited, 'answer-lost-1')).status).toBe(503);
    orphanFault.disarm();
    const [w] = await intentsOf(store, 'welfare-fund-tally', 2564);
    const repaired = await runRepair(0);
    expect(repaired.writes).toEqual({ checked: 1, removed: 0, failed: [] });
    expect(repaired.intents).toMatchObject({ checked: 1, completed: 1, failed: [] });
    expect(await store.rows(w.id)).toHaveLength(12);
    expect(await intentsOf(store, 'welfare-fund-tally', 2564)).toEqual([]);
  }, 60_000);
});

describe('the tallies of a bulk request', () => {
  // A fresh storage, so only this test's writes are in the log.
  const tallyFault = tableWriteFault('tallies');
  let own: Api;
  beforeAll(async () => (own = await startApi({ additionalPolicies: tallyFault.policies })), 60_000);
  afterAll(async () => own?.close());
  const hq = { role: 'hq' as const, name: 'test', id: 'test-hq' };

  test('storage failing at the second tally commit: every return stored; the first commit’s returns counted whole, the rest pending; tallies served recomputed and flagged until the repair completes them', async () => {
    const store = await own.deps.store();
    const req: SubmitRequest = { fileName: 'all.xlsx', returns: districts.flatMap((r) => r.returns) }; // 50 returns: two tally commits
    tallyFault.arm(3, 'before'); // the intents, the first tally commit, then this one
    const res = await raw(own, '/api/returns', { method: 'POST', body: JSON.stringify(req), headers: { 'Idempotency-Key': 'bulk-tally-fault' } });
    tallyFault.disarm();
    expect(tallyFault.fired).toBe(1);
    expect(res.status).toBe(201); // stored: the tallies' trouble never refuses a submission
    const left = (await store.tallies.listScope({ formId: FORM2.form, fiscalYear: FORM2.fy, basis: 'all' })).intents;
    expect(left.length).toBeGreaterThan(0); // the returns of the failed commit, not yet in the tallies
    expect(left.length).toBeLessThan(50); // the first commit's returns are in, and their intents settled with them
    const form = builtInForm(FORM2.form);
    const check = async () => {
      const r = await rebuildTallies(store, hq, form, UNITS, FORM2.fy, FORM2.period, { write: false });
      if (isDomainError(r)) throw new Error(r.en);
      return r;
    };
    const before = await check();
    expect(before.stale).toContain(`${left.length} update(s) recorded and not yet applied`);
    // HQ's aggregate counts exactly the returns of the commit that landed: whole commits only.
    expect(before.differences).toContainEqual(`aggregate FY|hq|BMA returns: ${50 - left.length} ≠ 50`);
    // Tallies are served by recomputation meanwhile, and say so: the figures are right.
    const served = await own.client().tallies({ ...FORM2, by: 'hq' });
    expect([served.groups[0].received, served.stale?.updatesBehind]).toEqual([50, left.length]);

    const repaired = await repair(store, await own.deps.reviews(), BUILT_IN_SOURCE, { graceMs: 0, settleAfterMs: 0 }, () => new Date(Date.now() + 1000));
    expect(repaired.intents).toMatchObject({ checked: left.length, completed: left.length, failed: [] });
    const after = await check();
    expect([after.matched, after.differences, after.stale]).toEqual([true, [], null]);
    expect((await own.client().tallies({ ...FORM2, by: 'hq' })).stale).toBeUndefined();
  }, 60_000);
});
