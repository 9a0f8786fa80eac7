import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';

const RACES = 50;
const FORM2 = { form: 'bma-community-plan-return', fy: 2563, period: 'FY' };
let api: Api;
beforeAll(async () => (api = await startApi({ env: { RETURNS_API_KEYS: JSON.stringify(KEYS) } })), 60_000);
afterAll(async () => api?.close());

const KEYS = {
  'hq-key-0001': { role: 'hq' },
  'hq-key-0002': { role: 'hq' },
  'unit-key-1045': { role: 'unit', orgUnit: '1045' },
  'switch-key-01': { role: 'hq' },
};
const post = (req: SubmitRequest | string, key: string, idem: string) =>
  raw(api, '/api/returns', { method: 'POST', key, body: typeof req === 'string' ? req : JSON.stringify(req), headers: { 'Idempotency-Key': idem } });
const versionOf = async (orgUnit: string) => (await api.client('hq-key-0001').getReturn({ ...FORM2, orgUnit })).version as number;

describe('idempotency keys are claimed atomically, per caller', () => {
  test(`${RACES} races of one key with two different bodies: exactly one is stored, the other refused`, async () => {
    const req = await requestFor(sample('community-plan/districts/1010.xlsx'));
    for (let i = 0; i < RACES; i++) {
      const key = `race-diff-${i}-xxxx`;
      const out = await Promise.all([post({ ...req, fileName: 'a.xlsx' }, 'hq-key-0001', key), post({ ...req, fileName: 'b.xlsx' }, 'hq-key-0001', key)]);
      expect(out.map((o) => o.status).sort()).toEqual([201, 422]);
      expect(out.find((o) => o.status === 422)!.body.code).toBe('idempotency.key_reused');
    }
    expect(await versionOf('1010')).toBe(RACES); // one version per race
  }, 180_000);

  test(`${RACES} races of one key with the same body three times: one 201, two 200 replays, never 409, stored once`, async () => {
    const req = JSON.stringify(await requestFor(sample('community-plan/districts/1011.xlsx')));
    for (let i = 0; i < RACES; i++) {
      const key = `race-same-${i}-xxxx`;
      const out = await Promise.all([0, 1, 2].map(() => post(req, 'hq-key-0001', key)));
      expect(out.map((o) => o.status).sort()).toEqual([200, 200, 201]);
      const versions = out.map((o) => o.body.receipts[0].version);
      expect(new Set(versions).size).toBe(1);
      expect(out.filter((o) => o.headers.get('idempotent-replay') === 'true')).toHaveLength(2);
    }
    expect(await versionOf('1011')).toBe(RACES);
  }, 180_000);

  test('a replay answers 200 with the first receipt', async () => {
    const req = await requestFor(sample('community-plan/districts/1012.xlsx'));
    const first = await post(req, 'hq-key-0001', 'replay-key-0001');
    const again = await post(req, 'hq-key-0001', 'replay-key-0001');
    expect([first.status, again.status, again.headers.get('idempotent-replay')]).toEqual([201, 200, 'true']);
    expect(again.body.receipts[0]).toEqual({ ...first.body.receipts[0], replayed: true });
  });

  test("another caller's key is another key: a unit replaying HQ's key for another unit is refused, and learns nothing", async () => {
    const other = await requestFor(sample('community-plan/districts/1013.xlsx'));
    expect((await post(other, 'hq-key-0001', 'shared-key-0001')).status).toBe(201);
    const stolen = await post(other, 'unit-key-1045', 'shared-key-0001');
    expect([stolen.status, stolen.body.code]).toEqual([403, 'auth.other_unit']);
    expect(stolen.body.receipts).toBeUndefined();
    // The unit's own request under the same key is its own: stored.
    expect((await post(await requestFor(sample('community-plan/districts/1045.xlsx')), 'unit-key-1045', 'shared-key-0001')).status).toBe(201);
    // Another HQ key is another caller too: the same key and body store nothing twice only for the same caller.
    const otherHq = await post(other, 'hq-key-0002', 'shared-key-0001');
    expect([otherHq.status, otherHq.body.receipts[0].version]).toEqual([201, 2]);
  });

  test('a replay authorizes again: a key whose grant changed gets 403, not the stored receipt', async () => {
    const req = await requestFor(sample('community-plan/districts/1014.xlsx'));
    expect((await post(req, 'switch-key-01', 'switch-replay-01')).status).toBe(201);
    api.deps.config.apiKeys['switch-key-01'] = { role: 'unit', orgUnit: '1045' }; // the key now belongs to a unit
    const replay = await post(req, 'switch-key-01', 'switch-replay-01');
    expect([replay.status, replay.body.code]).toEqual([403, 'auth.other_unit']);
  });
});
