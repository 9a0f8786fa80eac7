import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import { BUILT_IN_SOURCE, UNITS, builtInForm } from '../support/builtIn';
import type { HistoryResponse, ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import { submitReturns } from '@returns-hub/functions/services/submitReturns';
import { submitGate } from '@returns-hub/functions/services/submitGate';
import { reviewReturn } from '@returns-hub/functions/services/reviewReturns';
import type { ReviewStore } from '@returns-hub/functions/store/reviewStore';
import type { ReturnKey } from '@returns-hub/functions/store/keys';
import { isDomainError } from '@returns-hub/functions/domain/domainError';

const FORM = builtInForm('bma-community-plan-return');
const keyOf = (orgUnit: string): ReturnKey => ({ formId: FORM.id, fiscalYear: 2563, period: 'FY', orgUnit, subject: null });
const pathOf = (orgUnit: string) => `/api/returns/${FORM.id}/2563/FY/${orgUnit}`;
const HQ = { role: 'hq' as const, name: 'hq-key', id: 'hq' };

/** A store whose `method` waits, after its `nth` call has read, until `release` — so a race happens exactly where a test wants it. */
function pausing<T extends object>(target: T, method: keyof T & string, nth: number, release: Promise<void>, reached: () => void): T {
  let calls = 0;
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver);
      if (typeof v !== 'function') return v;
      if (prop !== method) return v.bind(t);
      return async (...args: unknown[]) => {
        const out = await v.apply(t, args);
        if (++calls === nth) {
          reached();
          await release;
        }
        return out;
      };
    },
  });
}

describe('accepting version N while version N+1 is submitted: exactly one consistent outcome', () => {
  let api: Api;
  const requests = new Map<string, SubmitRequest>();
  beforeAll(async () => {
    api = await startApi();
    for (const unit of ['1001', '1002', '1003']) requests.set(unit, await requestFor(sample(`community-plan/districts/${unit}.xlsx`)));
  }, 60_000);
  afterAll(async () => api?.close());

  const submit = (unit: string) => raw(api, '/api/returns', { method: 'POST', key: `dev-unit-${unit}`, body: JSON.stringify(requests.get(unit)) });
  const accept = (unit: string, version: number) => raw(api, `${pathOf(unit)}/accept`, { method: 'POST', body: JSON.stringify({ version }) });
  const view = async (unit: string): Promise<ReviewView> => (await raw(api, `${pathOf(unit)}/review`)).body;
  const history = async (unit: string): Promise<HistoryResponse> => (await raw(api, `${pathOf(unit)}/history`)).body;

  test('the acceptance lands between the submission reading the return and switching it: the submission loses, and its 409 names the lock', async () => {
    expect((await submit('1001')).status).toBe(201);
    const reviews = await api.deps.reviews();
    let arrived!: () => void;
    const atSwitch = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    const go = new Promise<void>((r) => (release = r));
    // The gate reads the review after the submission read the pointer; pause right there.
    const racing = pausing(reviews, 'getMany', 1, go, arrived);
    const body = JSON.stringify(requests.get('1001'));
    const principal = { role: 'unit' as const, orgUnit: '1001', name: 'unit-key:1001', id: 'key:1001' };
    const submitting = submitReturns(
      await api.deps.store(),
      BUILT_IN_SOURCE,
      principal,
      requests.get('1001')!,
      body,
      null,
      submitGate(racing, principal, 'race', () => new Date()),
    );
    await atSwitch;
    expect((await accept('1001', 1)).status).toBe(200);
    release();
    const lost = await submitting;
    expect(isDomainError(lost) && lost.code).toBe('lock.accepted'); // 409, naming the lock
    expect(await view('1001')).toMatchObject({ status: 'accepted', version: 1 });
    expect((await api.client().getReturn({ form: FORM.id, fy: 2563, period: 'FY', orgUnit: '1001' })).versions).toHaveLength(1);
    expect((await history('1001')).events.map((e) => `${e.action}@${e.version}`)).toEqual(['submit@1', 'accept@1']);
  });

  test('a submission lands between the acceptance reading the return and writing it: the acceptance loses, and its 409 says what was submitted', async () => {
    expect((await submit('1002')).status).toBe(201);
    const reviews = await api.deps.reviews();
    let arrived!: () => void;
    const read = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    const go = new Promise<void>((r) => (release = r));
    const racing: ReviewStore = pausing(reviews, 'get', 1, go, arrived);
    const accepting = reviewReturn(racing, FORM, keyOf('1002'), { action: 'accept', version: 1 }, { principal: HQ, client: 'race', now: new Date(), units: UNITS });
    await read;
    expect((await submit('1002')).status).toBe(201);
    release();
    const lost = await accepting;
    expect(isDomainError(lost) && lost.code).toBe('review.version_changed');
    expect(isDomainError(lost) && lost.en).toContain('While you were reviewing version 1, version 2 was submitted by unit-key:1002');
    expect(await view('1002')).toMatchObject({ status: 'submitted', version: 2 });
    expect((await history('1002')).events.map((e) => `${e.action}@${e.version}`)).toEqual(['submit@1', 'submit@2']);
  });

  test('run many times over HTTP: never both, never neither, and status, version and history always agree', async () => {
    const unit = '1003';
    expect((await submit(unit)).status).toBe(201);
    const wins = { accept: 0, submit: 0 };
    for (let i = 0; i < 40; i++) {
      const before = await view(unit);
      const v = before.version!;
      const entriesBefore = (await history(unit)).events.length;
      const jitter = (i * 7) % 25; // vary which request starts first
      const [a, s] = await Promise.all([new Promise((r) => setTimeout(r, jitter)).then(() => accept(unit, v)), submit(unit)]);
      const ok = [a.status === 200, s.status === 201];
      expect(ok.filter(Boolean)).toHaveLength(1);
      const after = await view(unit);
      const h = (await history(unit)).events;
      const current = await api.client().getReturn({ form: FORM.id, fy: 2563, period: 'FY', orgUnit: unit });
      if (ok[0]) {
        wins.accept++;
        expect(s.status).toBe(409);
        expect(['lock.accepted', 'return.conflict']).toContain(s.body.code);
        expect(after).toMatchObject({ status: 'accepted', version: v });
        expect(current.version).toBe(v);
        expect(h.slice(entriesBefore).map((e) => `${e.action}@${e.version}`)).toEqual([`accept@${v}`]);
        // Reopen for the next round.
        expect((await raw(api, `${pathOf(unit)}/reopen`, { method: 'POST', body: JSON.stringify({ reason: `round ${i}` }) })).status).toBe(200);
      } else {
        wins.submit++;
        expect(a.status).toBe(409);
        expect(a.body.code).toBe('review.version_changed');
        expect(after).toMatchObject({ status: 'submitted', version: v + 1 });
        expect(current.version).toBe(v + 1);
        expect(h.slice(entriesBefore).map((e) => `${e.action}@${e.version}`)).toEqual([`submit@${v + 1}`]);
      }
    }
    // Nothing recorded twice, nothing lost: one submission entry per stored version.
    const h = (await history(unit)).events;
    const current = await api.client().getReturn({ form: FORM.id, fy: 2563, period: 'FY', orgUnit: unit });
    expect(h.filter((e) => e.action === 'submit').map((e) => e.version)).toEqual(Array.from({ length: current.version as number }, (_, i) => i + 1));
    expect(h.filter((e) => e.action === 'accept')).toHaveLength(wins.accept);
    expect(h.some((e) => e.recovered)).toBe(false);
    expect(wins.accept + wins.submit).toBe(40);
    expect(wins.accept).toBeGreaterThan(0); // both orders happened: the jitter varies which lands first
    expect(wins.submit).toBeGreaterThan(0);
  }, 120_000);
});
