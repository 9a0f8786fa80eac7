import type { Aggregate, AggregateKey, ItemAggregate } from '@returns-hub/shared/consolidate/aggregate';
import type { AppliedShare, ReturnIntent, TallyScope, TallyStore } from '@returns-hub/functions/store/tallyStore';

let unique = 0;
const freshScope = (): TallyScope => ({ formId: `tally-contract-${process.pid}`, fiscalYear: 2400 + ++unique, basis: 'all' });
const hq = (period = 'FY'): AggregateKey => ({ period, by: 'hq', group: 'BMA' });
const district = (group: string, period = 'FY'): AggregateKey => ({ period, by: 'district', group });
const sums = (n: number): Aggregate => ({ kind: 'indicators', returns: 1, units: { '1045': 1 }, sums: { total: n }, flags: {} });
const share = (orgUnit: string, revision: number, n: number | null, period = 'FY'): AppliedShare => ({
  orgUnit,
  subject: null,
  period,
  revision,
  contribution: n === null ? null : { kind: 'indicators', sums: { total: n }, flags: {} },
});
const intent = (id: string, orgUnit: string, revision: number, at = '2001-01-01T00:00:00.000Z'): ReturnIntent => ({ kind: 'return', id, orgUnit, subject: null, period: 'FY', revision, at });
/** Items in the thousands, with Thai names: a welfare return of 20,000 types makes one this large. */
const large = (items: number, k = 1): ItemAggregate => ({
  kind: 'itemTotals',
  returns: 1,
  units: { '1045': 1 },
  items: Object.fromEntries(Array.from({ length: items }, (_, i) => [`ประเภทสวัสดิการที่ ${i}`, { n: 1, totals: { persons: i * k, amount: i * k * 100 } }])),
});

/** What every `TallyStore` must do: atomic commits under ETags, intents, values of any size. */
export function tallyStoreContract(name: string, open: () => Promise<{ tallies: TallyStore; close(): Promise<void> }>): void {
  describe(`TallyStore contract: ${name}`, () => {
    let t: TallyStore;
    let close: () => Promise<void>;
    beforeAll(async () => ({ tallies: t, close } = await open()), 60_000);
    afterAll(async () => close?.());

    test('a commit is all or nothing: one stale ETag applies none of its writes', async () => {
      const s = freshScope();
      expect(
        await t.commit(s, [
          { kind: 'share', key: share('1045', 1, 5), value: share('1045', 1, 5), etag: null },
          { kind: 'aggregate', key: hq(), value: sums(5), etag: null },
        ]),
      ).toEqual({ ok: true });
      const [agg] = await t.getAggregates(s, [hq()]);
      expect(agg?.value).toEqual(sums(5));
      const { shares } = await t.sharesOf(s, [{ orgUnit: '1045', subject: null }]);
      expect(shares.map((x) => x.value)).toEqual([share('1045', 1, 5)]);
      // The share is stale (created again with no ETag): the aggregate's write is not applied either.
      expect(
        await t.commit(s, [
          { kind: 'aggregate', key: hq(), value: sums(9), etag: agg!.etag },
          { kind: 'share', key: share('1045', 2, 9), value: share('1045', 2, 9), etag: null },
        ]),
      ).toEqual({ ok: false, conflict: true });
      expect((await t.getAggregates(s, [hq()]))[0]?.value).toEqual(sums(5));
    });

    test('intents: recorded, read with the aggregates, settled by the commit that applies them, and only if still there', async () => {
      const s = freshScope();
      await t.intend(s, [intent('w1', '1045', 1), intent('w2', '1046', 1)]);
      await t.commit(s, [{ kind: 'aggregate', key: district('1045'), value: sums(1), etag: null }]);
      const read = await t.read(s, 'FY', 'district');
      expect(read.aggregates).toEqual([{ key: district('1045'), aggregate: sums(1) }]);
      expect(read.pending.map((i) => i.id).sort()).toEqual(['w1', 'w2']);
      const { intents } = await t.sharesOf(s, [{ orgUnit: '1045', subject: null, period: 'FY' }]);
      expect(intents.map((i) => i.value)).toEqual([intent('w1', '1045', 1)]);
      expect(
        await t.commit(s, [
          { kind: 'share', key: share('1045', 1, 1), value: share('1045', 1, 1), etag: null },
          { kind: 'settle', id: 'w1' },
        ]),
      ).toEqual({ ok: true });
      expect((await t.read(s, 'FY', 'hq')).pending.map((i) => i.id)).toEqual(['w2']);
      // Settling it again conflicts, and takes nothing else with it.
      expect(
        await t.commit(s, [
          { kind: 'aggregate', key: hq(), value: sums(3), etag: null },
          { kind: 'settle', id: 'w1' },
        ]),
      ).toEqual({ ok: false, conflict: true });
      expect((await t.getAggregates(s, [hq()]))[0]).toBeNull();
      await t.forget(s, ['w2', 'never-there']);
      expect((await t.listScope(s)).intents).toEqual([]);
    });

    test('pending: intents of every scope recorded before a time, at most a limit', async () => {
      const a = freshScope();
      const b = { ...freshScope(), basis: 'accepted' as const };
      await t.intend(a, [intent('pa', '1045', 1, '1999-01-01T00:00:00.000Z'), intent('late', '1045', 2, '2999-01-01T00:00:00.000Z')]);
      await t.intend(b, [{ kind: 'scope', id: 'pb', at: '1999-01-02T00:00:00.000Z', reason: 'rebuild' }]);
      const got = (await t.pending('2000-01-01T00:00:00.000Z', 10_000)).filter((p) => p.scope.formId === a.formId);
      expect(got.map((p) => [p.scope, p.intent.id]).sort()).toEqual(
        [
          [a, 'pa'],
          [b, 'pb'],
        ].sort(),
      );
      expect(await t.pending('2000-01-01T00:00:00.000Z', 1)).toHaveLength(1);
      await t.forget(a, ['pa', 'late']);
      await t.forget(b, ['pb']);
    });

    test('an emptied aggregate reads as none in a tally and as null by key', async () => {
      const s = freshScope();
      await t.commit(s, [{ kind: 'aggregate', key: hq(), value: sums(1), etag: null }]);
      const [a] = await t.getAggregates(s, [hq()]);
      await t.commit(s, [{ kind: 'aggregate', key: hq(), value: null, etag: a!.etag }]);
      expect((await t.read(s, 'FY', 'hq')).aggregates).toEqual([]);
      expect((await t.getAggregates(s, [hq()]))[0]?.value ?? null).toBeNull();
    });

    test('values of any size: a 20,000-item share and the aggregates it feeds commit at once, read back whole, and are replaced', async () => {
      const s = freshScope();
      const big = large(20_000);
      const bigShare: AppliedShare = {
        orgUnit: '1045',
        subject: 'กองทุน',
        period: 'FY',
        revision: 1,
        contribution: { kind: 'itemTotals', items: Object.fromEntries(Object.entries(big.items).map(([k, v]) => [k, v.totals])) },
      };
      await t.intend(s, [intent('big', '1045', 1)]);
      const first = await t.commit(s, [
        { kind: 'share', key: bigShare, value: bigShare, etag: null },
        { kind: 'aggregate', key: district('1045'), value: big, etag: null },
        { kind: 'aggregate', key: { period: 'FY', by: 'zone', group: 'Z-C' }, value: big, etag: null },
        { kind: 'aggregate', key: hq(), value: big, etag: null },
        { kind: 'settle', id: 'big' },
      ]);
      expect(first).toEqual({ ok: true });
      // Compared as JSON: deep equality of 20,000-key objects is slow, and the text is the same test.
      const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      same((await t.read(s, 'FY', 'hq')).aggregates, [{ key: hq(), aggregate: big }]);
      const { shares } = await t.sharesOf(s, [{ orgUnit: '1045', subject: 'กองทุน' }]);
      same(shares[0].value, bigShare);
      const scope = await t.listScope(s);
      same(
        scope.aggregates.map((a) => a.value.aggregate),
        [big, big, big],
      );
      // Replaced by another large value, then by a small one: each read back as written.
      const [hqNow] = await t.getAggregates(s, [hq()]);
      const bigger = large(20_000, 2);
      expect(await t.commit(s, [{ kind: 'aggregate', key: hq(), value: bigger, etag: hqNow!.etag }])).toEqual({ ok: true });
      const [hqThen] = await t.getAggregates(s, [hq()]);
      same(hqThen?.value, bigger);
      expect(await t.commit(s, [{ kind: 'aggregate', key: hq(), value: sums(1), etag: hqNow!.etag }])).toEqual({ ok: false, conflict: true });
      expect(await t.commit(s, [{ kind: 'aggregate', key: hq(), value: sums(1), etag: hqThen!.etag }])).toEqual({ ok: true });
      expect((await t.getAggregates(s, [hq()]))[0]?.value).toEqual(sums(1));
    }, 120_000);

    test('a full commit of mid-sized values fits: 100 writes of 40,000 characters each', async () => {
      const s = freshScope();
      const mid = large(700);
      expect(JSON.stringify(mid).length).toBeGreaterThan(35_000);
      const writes = Array.from({ length: t.commitLimit }, (_, i) => ({ kind: 'aggregate' as const, key: district(String(1000 + i)), value: mid, etag: null }));
      expect(await t.commit(s, writes)).toEqual({ ok: true });
      expect((await t.read(s, 'FY', 'district')).aggregates).toHaveLength(t.commitLimit);
    }, 120_000);
  });
}
