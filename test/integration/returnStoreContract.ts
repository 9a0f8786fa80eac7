import type { CurrentReturn, NewVersion, ReturnStore, VersionOutcome } from '@returns-hub/functions/store/returnStore';
import type { StoredReturn } from '@returns-hub/functions/store/storedReturn';
import type { ReturnKey } from '@returns-hub/functions/store/keys';
import type { TypedRow } from '@returns-hub/shared/check/checkedReturn';

/** A store under test, how to break its next pointer switch, and how to let it go. */
export interface OpenedStore {
  store: ReturnStore;
  /** The next pointer switch fails as storage not answering: before it reaches storage, or after storage did it (its answer lost). */
  breakNextSwitch(when: 'before' | 'after'): void;
  /** Removing the rows of these writes fails as storage not answering, every time, until set again (to none). */
  breakRemovalOf(writeIds: string[]): void;
  close(): Promise<void>;
}

let unique = 0;
/** A period nobody else in the run uses, so each test has its own partition. */
const freshKey = (over: Partial<ReturnKey> = {}): ReturnKey => ({
  formId: `contract-${process.pid}`,
  fiscalYear: 2400 + (++unique % 400),
  period: `M${String((unique % 12) + 1).padStart(2, '0')}`,
  orgUnit: '1045',
  subject: null,
  ...over,
});

export function recordFor(key: ReturnKey, version = 1, over: Partial<StoredReturn> = {}): Omit<StoredReturn, 'writeId'> {
  return {
    ...key,
    version,
    submittedAt: '2021-01-15T03:00:00.000Z',
    submittedBy: 'contract',
    fileName: 'f.xlsx',
    sheet: 'แบบรายงาน',
    idempotencyKey: null,
    bodyHash: 'h',
    rowCount: 0,
    warnings: 0,
    fields: { budget: 1000, name: 'ชื่อ' },
    fieldCells: { budget: "'แบบรายงาน'!C5" },
    columns: { no: 'A' },
    firstColumn: 'A',
    contribution: { kind: 'indicators', sums: { budget: 1000 }, flags: {} },
    checkedWith: { form: 0, units: 0 },
    issues: [],
    ...over,
  };
}

export const rowsOf = (n: number, from = 0): TypedRow[] => Array.from({ length: n }, (_, i) => ({ row: from + i + 1, kind: 'item', values: { no: from + i + 1, text: 'ข้อความ / with # and ?' } }));

const version = (key: ReturnKey, v = 1, replaces: CurrentReturn | null = null, over: Partial<StoredReturn> = {}, rows: TypedRow[] = []): NewVersion => ({
  record: recordFor(key, v, over),
  rows,
  replaces,
});
const states = (o: VersionOutcome[]) => o.map((x) => x.state);
const stored = (o: VersionOutcome) => {
  if (o.state !== 'stored') throw new Error(`not stored: ${o.state}`);
  return o.record;
};
const intentsOf = async (store: ReturnStore, k: ReturnKey) => (await store.tallies.listScope({ formId: k.formId, fiscalYear: k.fiscalYear, basis: 'all' })).intents.map((i) => i.value);

/**
 * What every `ReturnStore` must do, whatever it stores in: the services rely on exactly
 * this. Run it against each implementation with a factory that opens a fresh store.
 */
export function returnStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`ReturnStore contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: ReturnStore;
    beforeAll(async () => {
      opened = await open();
      store = opened.store;
    }, 60_000);
    afterAll(async () => opened?.close());

    describe('committing versions', () => {
      test('a first version: stored, current, listed without details, its rows whole and in order, in the history', async () => {
        const key = freshKey();
        const report = await store.commit([version(key, 1, null, {}, rowsOf(2500))]);
        expect(report.failed).toBeNull();
        const rec = stored(report.outcomes[0]);
        expect(rec.writeId).toBeTruthy();
        const [current] = await store.current([key]);
        expect(current?.record).toEqual(rec);
        expect(current?.etag).toBeTruthy();
        const back = await store.rows(rec.writeId);
        expect(back.map((r) => r.row)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
        expect(back[1234].values.text).toBe('ข้อความ / with # and ?');
        const list = await store.list(key.formId, key.fiscalYear, key.period);
        expect(list).toHaveLength(1);
        expect(list[0]).toMatchObject({ orgUnit: '1045', version: 1, contribution: { sums: { budget: 1000 } } });
        expect(list[0]).not.toHaveProperty('fields');
        expect((await store.versions(key)).map((v) => v.version)).toEqual([1]);
        expect((await store.version(key, 1))?.fields).toEqual({ budget: 1000, name: 'ชื่อ' });
        expect(await store.version(key, 2)).toBeNull();
      }, 60_000);

      test('a record keeps fields the store does not name (a later product version adds them)', async () => {
        const key = freshKey();
        const extra = { ...recordFor(key), definitionVersion: 'FY2567-r3' } as Omit<StoredReturn, 'writeId'>;
        stored((await store.commit([{ record: extra, rows: [], replaces: null }])).outcomes[0]);
        expect((await store.current([key]))[0]?.record).toMatchObject({ definitionVersion: 'FY2567-r3' });
        expect((await store.version(key, 1)) ?? {}).toMatchObject({ definitionVersion: 'FY2567-r3' });
      });

      test('a new version replaces only from the ETag it read; the replaced one stays in the history', async () => {
        const key = freshKey();
        stored((await store.commit([version(key, 1, null, {}, rowsOf(3))])).outcomes[0]);
        const [v1] = await store.current([key]);
        const v2 = stored((await store.commit([version(key, 2, v1, { fields: { budget: 2000 } })])).outcomes[0]);
        const late = await store.commit([version(key, 2, v1, {}, rowsOf(5))]);
        expect([states(late.outcomes), late.failed]).toEqual([['conflict'], null]);
        const again = await store.commit([version(key, 1, null)]);
        expect(states(again.outcomes)).toEqual(['conflict']);
        expect((await store.current([key]))[0]?.record.writeId).toBe(v2.writeId);
        expect((await store.versions(key)).map((v) => v.version)).toEqual([1, 2]);
        expect((await store.version(key, 2))?.fields).toEqual({ budget: 2000 });
        expect((await store.rows(v1!.record.writeId)).length).toBe(3); // the replaced version's rows stay
      });

      test('a group moves all or nothing: one stale ETag moves none, and nothing of the group is kept', async () => {
        const base = freshKey();
        const keys = ['1001', '1002', '1003'].map((orgUnit) => ({ ...base, orgUnit }));
        await store.commit(keys.map((k) => version(k)));
        const read = await store.current(keys);
        await store.commit([version(keys[2], 2, read[2])]); // someone else moved the third
        const report = await store.commit(keys.map((k, i) => version(k, 2, read[i], {}, rowsOf(4))));
        expect(states(report.outcomes)).toEqual(['conflict', 'conflict', 'conflict']);
        expect((await store.current(keys)).map((c) => c?.record.version)).toEqual([1, 1, 2]);
        expect((await intentsOf(store, base)).filter((i) => i.kind === 'return' && i.revision === 2 && i.orgUnit !== '1003')).toEqual([]);
      });

      test('groups go in order; the first that does not move stops the commit and what comes after is not kept', async () => {
        const a = freshKey();
        const b = { ...a, period: 'Q1' };
        const c = { ...a, period: 'Q2' };
        await store.commit([version(b)]); // b exists: creating it again conflicts
        const report = await store.commit([version(a, 1, null, {}, rowsOf(2)), version(b, 1, null), version(c, 1, null, {}, rowsOf(2))]);
        expect(states(report.outcomes)).toEqual(['stored', 'conflict', 'not_stored']);
        expect(report.failed).toBeNull();
        expect((await store.current([a, b, c])).map((x) => x?.record.version ?? null)).toEqual([1, 1, null]);
        const [, , cLeft] = await store.current([a, b, c]);
        expect(cLeft).toBeNull();
      });

      test('100 returns of one form and period move in one group; 101 in two', async () => {
        const base = freshKey();
        const report = await store.commit(Array.from({ length: 101 }, (_, i) => version({ ...base, orgUnit: `U${i}` })));
        expect(new Set(states(report.outcomes))).toEqual(new Set(['stored']));
        expect(await store.list(base.formId, base.fiscalYear, base.period)).toHaveLength(101);
      }, 60_000);

      test('each version is recorded as an intent in its tally scope before it moves; a conflicting one leaves none', async () => {
        const key = freshKey({ subject: 'ก/#' });
        const rec = stored((await store.commit([version(key)])).outcomes[0]);
        expect(await intentsOf(store, key)).toContainEqual({ kind: 'return', id: rec.writeId, orgUnit: '1045', subject: 'ก/#', period: key.period, revision: 1, at: expect.any(String) });
        await store.commit([version(key)]); // conflicts
        expect((await intentsOf(store, key)).filter((i) => i.kind === 'return')).toHaveLength(1);
      });

      test('large details, a large tally contribution and a long subject are stored and read back whole', async () => {
        const long = 'กองทุนสวัสดิการชุมชน/#?'.repeat(Math.floor(store.bounds.subjectChars / 23));
        const key = freshKey({ subject: long });
        const fields = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, 'ข'.repeat(9_000)]));
        const contribution = { kind: 'itemTotals' as const, items: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`รายการ ${i}`, { amount: i }])) };
        const rec = stored((await store.commit([version(key, 1, null, { fields, contribution })])).outcomes[0]);
        expect((await store.current([key]))[0]?.record).toEqual(rec);
        expect((await store.list(key.formId, key.fiscalYear, key.period))[0].contribution).toEqual(contribution);
        const [v1] = await store.current([key]);
        await store.commit([version(key, 2, v1)]);
        expect((await store.version(key, 1))?.contribution).toEqual(contribution);
        expect(await store.current([{ ...key, subject: long.slice(0, -1) + 'x' }])).toEqual([null]);
      }, 60_000);

      test('a row as large as the bounds allow is stored', async () => {
        const key = freshKey();
        const text = 'ก'.repeat(store.bounds.rowJsonChars - 200);
        const rec = stored((await store.commit([version(key, 1, null, {}, [{ row: 1, kind: 'item', values: { text } }, ...rowsOf(150, 1)])])).outcomes[0]);
        const back = await store.rows(rec.writeId);
        expect(back[0].values.text).toBe(text);
        expect(back).toHaveLength(151);
      }, 60_000);
    });

    describe('many returns at once', () => {
      test('current: in the order asked, across periods, absent ones null, more than one query holds', async () => {
        const base = freshKey();
        const keys = Array.from({ length: 33 }, (_, i) => ({ ...base, orgUnit: String(1001 + i) }));
        const other = freshKey();
        await store.commit([...keys.slice(0, 30).map((k) => version(k)), version(other, 3)]);
        const asked = [other, ...keys.slice().reverse()];
        const got = await store.current(asked);
        expect(got.map((c) => c?.record.orgUnit ?? null)).toEqual(asked.map((k, i) => (i >= 1 && i <= 3 ? null : k.orgUnit)));
        expect(got[0]?.record.version).toBe(3);
        expect(got[4]?.etag).toBe((await store.current([keys[29]]))[0]?.etag);
      });

      test("each return's history is its own; a subject that starts another is not mixed in", async () => {
        const base = freshKey({ subject: 'a' });
        const keys = [...Array.from({ length: 120 }, (_, i) => ({ ...base, orgUnit: String(1001 + i) })), { ...base, subject: 'a|b' }];
        await store.commit(keys.map((k) => version(k)));
        const firsts = await store.current(keys);
        await store.commit(keys.map((k, i) => version(k, 2, firsts[i])));
        for (const k of [keys[0], keys[119]])
          expect((await store.versions(k)).map((v) => [v.orgUnit, v.subject, v.version])).toEqual([
            [k.orgUnit, 'a', 1],
            [k.orgUnit, 'a', 2],
          ]);
        expect((await store.version(keys[120], 2))?.subject).toBe('a|b');
        expect(await store.version({ ...base, orgUnit: '9999' }, 1)).toBeNull();
      }, 60_000);
    });

    describe('storage failing at the switch, and the sweep', () => {
      test('the switch never reached storage: unknown; nothing moved; the sweep removes the write and its intent', async () => {
        const key = freshKey();
        opened.breakNextSwitch('before');
        const report = await store.commit([version(key, 1, null, {}, rowsOf(7))]);
        expect([states(report.outcomes), report.failed?.step]).toEqual([['unknown'], 'switch']);
        expect(await store.current([key])).toEqual([null]);
        expect((await intentsOf(store, key)).length).toBe(1);
        const swept = await store.sweep(new Date(Date.now() + 60_000).toISOString());
        expect(swept.removed).toBeGreaterThanOrEqual(1);
        expect(swept.failed).toEqual([]);
        expect(await intentsOf(store, key)).toEqual([]);
        expect((await store.sweep(new Date(Date.now() + 60_000).toISOString())).checked).toBe(0);
      }, 60_000);

      test('storage switched but its answer was lost: unknown; the pointer moved; the sweep keeps it and leaves its intent to the repair', async () => {
        const key = freshKey();
        opened.breakNextSwitch('after');
        const report = await store.commit([version(key, 1, null, {}, rowsOf(7))]);
        expect(states(report.outcomes)).toEqual(['unknown']);
        const [current] = await store.current([key]);
        expect(current?.record.version).toBe(1);
        const swept = await store.sweep(new Date(Date.now() + 60_000).toISOString());
        expect(swept.failed).toEqual([]);
        expect(await store.rows(current!.record.writeId)).toHaveLength(7);
        expect((await intentsOf(store, key)).map((i) => i.kind === 'return' && i.revision)).toEqual([1]);
      }, 60_000);

      test('writes within the cutoff are not touched', async () => {
        const key = freshKey();
        opened.breakNextSwitch('before');
        await store.commit([version(key, 1, null, {}, rowsOf(3))]);
        expect((await store.sweep('2000-01-01T00:00:00.000Z')).checked).toBe(0);
        expect((await intentsOf(store, key)).length).toBe(1);
        await store.sweep(new Date(Date.now() + 60_000).toISOString());
      });

      test('writes that cannot be removed are reported and go to the back: however many keep failing, the others are swept', async () => {
        const future = () => new Date(Date.now() + 60_000).toISOString();
        while ((await store.sweep(future())).checked > 0); // what earlier tests left
        const keys = Array.from({ length: 5 }, () => freshKey());
        for (const k of keys) {
          opened.breakNextSwitch('before');
          await store.commit([version(k, 1, null, {}, rowsOf(2))]);
          await new Promise((r) => setTimeout(r, 2)); // each recorded at its own millisecond: the log is in time order
        }
        const ids = (await Promise.all(keys.map((k) => intentsOf(store, k)))).map(([i]) => i.id);
        const bad = ids.slice(0, 3);
        opened.breakRemovalOf(bad);
        try {
          // A run takes 3: the 3 oldest fail, and go to the back.
          const first = await store.sweep(future(), 3);
          expect([first.checked, first.removed, first.failed.map((f) => f.writeId).sort()]).toEqual([3, 0, [...bad].sort()]);
          // The next run reaches the 2 others (before the change, it met the same 3 again).
          const second = await store.sweep(future(), 3);
          expect([second.checked, second.removed, second.failed.length]).toEqual([3, 2, 1]);
          expect(await Promise.all(keys.slice(3).map((k) => intentsOf(store, k)))).toEqual([[], []]);
        } finally {
          opened.breakRemovalOf([]);
        }
        const last = await store.sweep(future());
        expect([last.checked, last.removed, last.failed]).toEqual([3, 3, []]);
        expect((await Promise.all(keys.map((k) => intentsOf(store, k)))).flat()).toEqual([]);
      }, 60_000);
    });

    describe('idempotency claims', () => {
      test('insert-if-absent: the first claims; later ones see its hash, then its answer', async () => {
        const key = `k-${++unique}-${process.pid}`;
        expect(await store.keys.claim('caller-a', key, 'h1')).toEqual({ claimed: true });
        expect(await store.keys.claim('caller-a', key, 'h2')).toEqual({ claimed: false, existing: { bodyHash: 'h1', response: null } });
        const response = { receipts: [] };
        await store.keys.complete('caller-a', key, 'h1', response);
        expect(await store.keys.claim('caller-a', key, 'h1')).toEqual({ claimed: false, existing: { bodyHash: 'h1', response } });
      });

      test('keys are scoped to the caller', async () => {
        const key = `k-${++unique}-${process.pid}`;
        expect(await store.keys.claim('caller-a', key, 'h1')).toEqual({ claimed: true });
        expect(await store.keys.claim('caller-b/#?', key, 'h2')).toEqual({ claimed: true });
      });

      test('of 20 concurrent claims exactly one wins', async () => {
        const key = `k-${++unique}-${process.pid}/#`;
        const out = await Promise.all(Array.from({ length: 20 }, (_, i) => store.keys.claim('caller-a', key, `h${i}`)));
        expect(out.filter((o) => o.claimed)).toHaveLength(1);
      });
    });
  });
}
