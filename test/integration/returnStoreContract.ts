import type { ReturnStore, PointerSwitch } from '@returns-hub/functions/store/returnStore';
import type { StoredReturn } from '@returns-hub/functions/store/storedReturn';
import type { ReturnKey } from '@returns-hub/functions/store/keys';
import type { TypedRow } from '@returns-hub/shared/check/checkedReturn';

/** A store under test, and how to let it go. */
export interface OpenedStore {
  store: ReturnStore;
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

export function recordFor(store: ReturnStore, key: ReturnKey, version = 1, over: Partial<StoredReturn> = {}): StoredReturn {
  return {
    ...key,
    version,
    writeId: store.newWriteId(),
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

const rows = (n: number, from = 0): TypedRow[] => Array.from({ length: n }, (_, i) => ({ row: from + i + 1, kind: 'item', values: { no: from + i + 1, text: 'ข้อความ / with # and ?' } }));

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

    describe('rows of a version', () => {
      test('a large version reads back whole and in order', async () => {
        const id = store.newWriteId();
        await store.writeRows(id, rows(2500));
        const back = await store.readRows(id);
        expect(back.map((r) => r.row)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
        expect(back[1234].values.text).toBe('ข้อความ / with # and ?');
      }, 60_000);

      test('a version written in parts (offset) is one sequence; deleting a write removes all of it', async () => {
        const id = store.newWriteId();
        await store.writeRows(id, rows(950), 0);
        await store.writeRows(id, rows(700, 950), 950);
        expect((await store.readRows(id)).map((r) => r.row)).toEqual(Array.from({ length: 1650 }, (_, i) => i + 1));
        await store.deleteWrite(id);
        expect(await store.readRows(id)).toEqual([]);
      }, 60_000);

      test("another version's rows are never read with this one", async () => {
        const a = store.newWriteId();
        const b = store.newWriteId();
        await store.writeRows(a, rows(10));
        await store.writeRows(b, rows(3));
        expect(await store.readRows(b)).toHaveLength(3);
      });

      test('a row as large as the bounds allow is stored', async () => {
        const id = store.newWriteId();
        const text = 'ก'.repeat(store.bounds.rowJsonChars - 200);
        await store.writeRows(id, [{ row: 1, kind: 'item', values: { text } }, ...rows(150, 1)]);
        const back = await store.readRows(id);
        expect(back[0].values.text).toBe(text);
        expect(back).toHaveLength(151);
      }, 60_000);
    });

    describe('pointers', () => {
      test('no pointer: null; created with no ETag; read back as written', async () => {
        const key = freshKey();
        expect(await store.getCurrent(key)).toBeNull();
        const r = recordFor(store, key);
        expect(await store.switchCurrent([{ record: r, etag: null }])).toEqual({ ok: true });
        const current = await store.getCurrent(key);
        expect(current?.record).toEqual(r);
        expect(current?.etag).toBeTruthy();
      });

      test('moved only from the ETag it was read at; creating over an existing one is a conflict', async () => {
        const key = freshKey();
        await store.switchCurrent([{ record: recordFor(store, key), etag: null }]);
        const v1 = (await store.getCurrent(key))!;
        expect(await store.switchCurrent([{ record: recordFor(store, key, 2), etag: v1.etag }])).toEqual({ ok: true });
        expect(await store.switchCurrent([{ record: recordFor(store, key, 3), etag: v1.etag }])).toEqual({ ok: false, conflict: true });
        expect(await store.switchCurrent([{ record: recordFor(store, key, 3), etag: null }])).toEqual({ ok: false, conflict: true });
        expect((await store.getCurrent(key))?.record.version).toBe(2);
      });

      test('a group switches all or nothing: one stale ETag moves none', async () => {
        const base = freshKey();
        const keys = ['1001', '1002', '1003'].map((orgUnit) => ({ ...base, orgUnit }));
        await store.switchCurrent(keys.map((k) => ({ record: recordFor(store, k), etag: null })));
        const read = await Promise.all(keys.map((k) => store.getCurrent(k)));
        await store.switchCurrent([{ record: recordFor(store, keys[2], 2), etag: read[2]!.etag }]); // someone else moved the third
        const group: PointerSwitch[] = keys.map((k, i) => ({ record: recordFor(store, k, 2), etag: read[i]!.etag }));
        expect(store.switchGroups(group)).toHaveLength(1);
        expect(await store.switchCurrent(group)).toEqual({ ok: false, conflict: true });
        expect((await Promise.all(keys.map((k) => store.getCurrent(k)))).map((c) => c?.record.version)).toEqual([1, 1, 2]);
      });

      test('100 returns of one form and period are one group; more, or another period, make more groups', async () => {
        const base = freshKey();
        const many = Array.from({ length: 101 }, (_, i) => ({ record: recordFor(store, { ...base, orgUnit: `U${i}` }), etag: null }));
        expect(store.switchGroups(many.slice(0, 100))).toHaveLength(1);
        expect(store.switchGroups(many)).toHaveLength(2);
        const other = { record: recordFor(store, { ...base, period: 'FY' }), etag: null };
        expect(store.switchGroups([...many.slice(0, 3), other])).toHaveLength(2);
        const groups = store.switchGroups(many.slice(0, 100));
        expect(await store.switchCurrent(groups[0])).toEqual({ ok: true });
        expect(await store.listCurrent(base.formId, base.fiscalYear, base.period)).toHaveLength(100);
      }, 60_000);

      test('a list reads one form and period, without details', async () => {
        const key = freshKey();
        await store.switchCurrent([{ record: recordFor(store, key), etag: null }]);
        await store.switchCurrent([{ record: recordFor(store, { ...key, fiscalYear: key.fiscalYear + 1 }), etag: null }]);
        const list = await store.listCurrent(key.formId, key.fiscalYear, key.period);
        expect(list).toHaveLength(1);
        expect(list[0]).toMatchObject({ orgUnit: '1045', version: 1, contribution: { sums: { budget: 1000 } } });
        expect(list[0]).not.toHaveProperty('fields');
      });

      test('large details and a large tally contribution are stored and read back whole', async () => {
        const key = freshKey();
        const fields = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, 'ข'.repeat(9_000)]));
        const contribution = { kind: 'itemTotals' as const, items: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`รายการ ${i}`, { amount: i }])) };
        const r = recordFor(store, key, 1, { fields, contribution });
        await store.switchCurrent([{ record: r, etag: null }]);
        await store.putVersions([r]);
        expect((await store.getCurrent(key))?.record).toEqual(r);
        expect((await store.getVersion(key, 1))?.contribution).toEqual(contribution);
        expect((await store.listCurrent(key.formId, key.fiscalYear, key.period))[0].contribution).toEqual(contribution);
      }, 60_000);

      test('a subject as long as the bounds allow identifies its return, with history', async () => {
        const long = 'กองทุนสวัสดิการชุมชน/#?'.repeat(Math.floor(store.bounds.subjectChars / 23));
        const a = freshKey({ subject: long });
        const b = { ...a, subject: long.slice(0, -1) + 'x' };
        await store.switchCurrent([{ record: recordFor(store, a), etag: null }]);
        await store.putVersions([recordFor(store, a)]);
        expect((await store.getCurrent(a))?.record.subject).toBe(long);
        expect(await store.getCurrent(b)).toBeNull();
        expect((await store.listVersions(a)).map((v) => v.version)).toEqual([1]);
      });
    });

    describe('history', () => {
      test('every version is kept, written again harmlessly, and read one by one', async () => {
        const key = freshKey();
        const v1 = recordFor(store, key, 1);
        const v2 = recordFor(store, key, 2, { fields: { budget: 2000 } });
        await store.putVersions([v1]);
        await store.putVersions([v2]);
        await store.putVersions([v1]);
        expect((await store.listVersions(key)).map((v) => v.version)).toEqual([1, 2]);
        expect((await store.getVersion(key, 2))?.fields).toEqual({ budget: 2000 });
        expect(await store.getVersion(key, 3)).toBeNull();
      });
    });

    describe('many returns at once', () => {
      test('getCurrentMany: in the order asked, across periods, absent ones null, more than one query holds', async () => {
        const base = freshKey();
        const keys = Array.from({ length: 33 }, (_, i) => ({ ...base, orgUnit: String(1001 + i) }));
        const other = freshKey();
        await store.switchCurrent(store.switchGroups(keys.slice(0, 30).map((k) => ({ record: recordFor(store, k), etag: null })))[0]);
        await store.switchCurrent([{ record: recordFor(store, other, 3), etag: null }]);
        const asked = [other, ...keys.slice().reverse()];
        const got = await store.getCurrentMany(asked);
        expect(got.map((c) => c?.record.orgUnit ?? null)).toEqual(asked.map((k, i) => (i >= 1 && i <= 3 ? null : k.orgUnit)));
        expect(got[0]?.record.version).toBe(3);
        expect(got[4]?.etag).toBe((await store.getCurrent(keys[29]))?.etag);
      });

      test('putVersions of many returns of a period at once; each history is its own, a subject that starts another is not mixed in', async () => {
        const base = freshKey({ subject: 'a' });
        const keys = [...Array.from({ length: 120 }, (_, i) => ({ ...base, orgUnit: String(1001 + i) })), { ...base, subject: 'a|b' }];
        await store.putVersions(keys.flatMap((k) => [recordFor(store, k, 1), recordFor(store, k, 2)]));
        for (const k of [keys[0], keys[119]])
          expect((await store.listVersions(k)).map((v) => [v.orgUnit, v.subject, v.version])).toEqual([
            [k.orgUnit, 'a', 1],
            [k.orgUnit, 'a', 2],
          ]);
        expect((await store.getVersion(keys[120], 2))?.subject).toBe('a|b');
        expect(await store.getVersion({ ...base, orgUnit: '9999' }, 1)).toBeNull();
      });

      test('endWrites forgets many writes, some already forgotten', async () => {
        const ws = Array.from({ length: 5 }, (_, i) => ({ writeId: store.newWriteId(), key: freshKey(), startedAt: `2000-02-0${i + 1}T00:00:00.000Z` }));
        await store.beginWrites(ws);
        await store.endWrites([ws[1]]);
        await store.endWrites(ws);
        expect((await store.listWrites('2000-03-01T00:00:00.000Z')).map((x) => x.writeId)).not.toEqual(expect.arrayContaining([ws[0].writeId]));
        expect((await store.listWrites('2000-03-01T00:00:00.000Z')).filter((x) => ws.some((w) => w.writeId === x.writeId))).toEqual([]);
      });
    });

    describe('the write log', () => {
      test('a begun write is listed until it ends; only those begun before the cutoff', async () => {
        const w = { writeId: store.newWriteId(), key: freshKey({ subject: 'ก/#' }), startedAt: '2000-01-01T00:00:00.000Z' };
        const later = { ...w, writeId: store.newWriteId(), startedAt: '2000-01-02T00:00:00.000Z' };
        await store.beginWrites([w]);
        await store.beginWrites([later]);
        const listed = await store.listWrites('2000-01-01T12:00:00.000Z');
        expect(listed).toContainEqual(w);
        expect(listed.map((x) => x.writeId)).not.toContain(later.writeId);
        await store.endWrites([w]);
        await store.endWrites([later]);
        await store.endWrites([later]); // again: nothing to forget is fine
        expect((await store.listWrites('2000-01-03T00:00:00.000Z')).map((x) => x.writeId)).not.toContain(w.writeId);
      });
    });

    describe('idempotency claims', () => {
      test('insert-if-absent: the first claims; later ones see its hash, then its answer', async () => {
        const key = `k-${store.newWriteId()}`;
        expect(await store.claimIdempotency('caller-a', key, 'h1')).toEqual({ claimed: true });
        expect(await store.claimIdempotency('caller-a', key, 'h2')).toEqual({ claimed: false, existing: { bodyHash: 'h1', response: null } });
        const response = { receipts: [] };
        await store.completeIdempotency('caller-a', key, 'h1', response);
        expect(await store.claimIdempotency('caller-a', key, 'h1')).toEqual({ claimed: false, existing: { bodyHash: 'h1', response } });
      });

      test('keys are scoped to the caller', async () => {
        const key = `k-${store.newWriteId()}`;
        expect(await store.claimIdempotency('caller-a', key, 'h1')).toEqual({ claimed: true });
        expect(await store.claimIdempotency('caller-b/#?', key, 'h2')).toEqual({ claimed: true });
      });

      test('of 20 concurrent claims exactly one wins', async () => {
        const key = `k-${store.newWriteId()}/#`;
        const out = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claimIdempotency('caller-a', key, `h${i}`)));
        expect(out.filter((o) => o.claimed)).toHaveLength(1);
      });
    });
  });
}
