import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { StorageUnavailable } from '@returns-hub/functions/store/storageUnavailable';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

/** A client retrying review decisions and submissions (on the in-memory stores: the HTTP layer and the services). */
const PLAN = 'bma-community-plan-return';
const path = (unit: string, action: string) => `/api/returns/${PLAN}/2563/FY/${unit}/${action}`;
let api: Api;
let storage: MemoryStorage;
const requests = new Map<string, SubmitRequest>();
beforeAll(async () => {
  storage = new MemoryStorage();
  api = await startApi({ memory: storage });
  for (const unit of ['1045', '1046', '1047', '1048']) requests.set(unit, await requestFor(sample(`community-plan/districts/${unit}.xlsx`)));
  for (const unit of requests.keys()) expect((await raw(api, '/api/returns', { method: 'POST', body: JSON.stringify(requests.get(unit)) })).status).toBe(201);
}, 60_000);
afterAll(async () => api?.close());

const act = (unit: string, action: string, body: object, key?: string) => raw(api, path(unit, action), { method: 'POST', body: JSON.stringify(body), headers: key ? { 'Idempotency-Key': key } : {} });

describe('review decisions under an Idempotency-Key', () => {
  test('a retry is answered as the first try (Idempotent-Replay); another body under the key is refused', async () => {
    const first = await act('1045', 'send-back', { version: 1, reason: 'ตรวจยอดอีกครั้ง' }, 'decision-key-0001');
    expect(first.status).toBe(200);
    const again = await act('1045', 'send-back', { version: 1, reason: 'ตรวจยอดอีกครั้ง' }, 'decision-key-0001');
    expect([again.status, again.headers.get('idempotent-replay'), again.body]).toEqual([200, 'true', first.body]);
    const other = await act('1045', 'accept', { version: 1 }, 'decision-key-0001');
    expect([other.status, other.body.code]).toEqual([422, 'idempotency.key_reused']);
  });

  test('a decision written whose answer was lost: the retry answers that decision, not "already accepted"', async () => {
    storage.faultAfter = (op) => {
      if (op !== 'idempotency.complete') return;
      storage.faultAfter = () => undefined;
      throw new StorageUnavailable('answer lost');
    };
    const first = await act('1046', 'accept', { version: 1 }, 'decision-key-0002');
    expect([first.status, first.body.code]).toEqual([503, 'storage.unavailable']);
    expect(first.body.detail).toMatch(/may not have been recorded/);
    expect(first.body.detail).not.toMatch(/nothing was changed/);
    const retry = await act('1046', 'accept', { version: 1 }, 'decision-key-0002');
    expect([retry.status, retry.body.status]).toEqual([200, 'accepted']);
    // Without the key the same action is refused by the rules: it was done.
    expect((await act('1046', 'accept', { version: 1 })).body.code).toBe('review.already_accepted');
  });

  test('bulk accept retried: what the first try accepted counts as accepted', async () => {
    const body = { form: PLAN, fy: 2563, period: 'FY', returns: [{ orgUnit: '1047' }, { orgUnit: '1048' }] };
    const post = () => raw(api, '/api/reviews/accept', { method: 'POST', body: JSON.stringify(body), headers: { 'Idempotency-Key': 'bulk-key-0003' } });
    storage.faultAfter = (op) => {
      if (op !== 'idempotency.complete') return;
      storage.faultAfter = () => undefined;
      throw new StorageUnavailable('answer lost');
    };
    expect((await post()).status).toBe(503);
    const retry = await post();
    expect([retry.status, retry.body.accepted]).toEqual([200, 2]);
  });
});

describe('a submission refused for locks names every locked return', () => {
  test('three of four returns accepted: 409, nothing stored, each locked return and its lock as data', async () => {
    const all: SubmitRequest = { fileName: 'four.xlsx', returns: [...requests.values()].flatMap((r) => r.returns) };
    const before = (await api.client().list({ form: PLAN, fy: 2563 })).returns.map((r) => [r.orgUnit, r.version]);
    const res = await raw(api, '/api/returns', { method: 'POST', body: JSON.stringify(all) });
    expect([res.status, res.body.code]).toEqual([409, 'lock.accepted']);
    expect(res.body.locked.map((l: { orgUnit: string; code: string }) => [l.orgUnit, l.code])).toEqual([
      ['1046', 'lock.accepted'],
      ['1047', 'lock.accepted'],
      ['1048', 'lock.accepted'],
    ]);
    expect(res.body.locked[0]).toMatchObject({
      formId: PLAN,
      fiscalYear: 2563,
      period: 'FY',
      subject: null,
      detail: expect.stringContaining('accepted'),
      detail_th: expect.stringMatching(/[\u0E00-\u0E7F]/),
    });
    expect(res.body.detail).toMatch(/^3 of the 4 returns of this request are locked, so nothing of it was stored/);
    expect((await api.client().list({ form: PLAN, fy: 2563 })).returns.map((r) => [r.orgUnit, r.version])).toEqual(before);
  });
});
