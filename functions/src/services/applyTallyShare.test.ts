import { builtInDefinitions } from '../definitions/builtInDefinitions';
import type { Aggregate, AggregateKey, TallyBasis } from '@returns-hub/shared/consolidate/aggregate';
import type { ReturnKey } from '../store/keys';
import type { Contribution } from '@returns-hub/shared/consolidate/contribution';
import type { CommitResult, TallyScope, TallyStore, TallyWrite } from '../store/tallyStore';
import { StorageUnavailable } from '../store/storageUnavailable';
import { MemoryStorage, MemoryTallyStore } from '../store/memoryStore';
import { applyTallyShares, keepTalliesAll, TALLY_ATTEMPTS, type ShareUpdate } from './applyTallyShare';

/** The in-memory tally store, with `interfere` run before each commit (another writer) and a way to read an aggregate. */
class MemoryTallies extends MemoryTallyStore {
  interfere: () => Promise<void> = async () => undefined;
  constructor(readonly commitLimit = 100) {
    super(new MemoryStorage());
  }
  async commit(scope: TallyScope, writes: TallyWrite[]): Promise<CommitResult> {
    await this.interfere();
    return super.commit(scope, writes);
  }
  aggregateNow = async (k: AggregateKey, basis: TallyBasis = 'all') => (await this.getAggregates({ formId: form.id, fiscalYear: 2567, basis }, [k]))[0]?.value ?? null;
  values = async () => {
    const all = await this.listScope({ formId: form.id, fiscalYear: 2567, basis: 'all' });
    return { shares: all.shares.map((x) => x.value), aggregates: all.aggregates.map((x) => x.value) };
  };
}

/** The built-in forms and units, every year alike. */
const DEFINITIONS = builtInDefinitions();
const UNITS = DEFINITIONS.forYear(null).units;
const form = DEFINITIONS.forYear(null).formById('bma-community-plan-return')!;
const key = { formId: form.id, fiscalYear: 2567, period: 'FY', orgUnit: '1001', subject: null };
const hqKey: AggregateKey = { period: 'FY', by: 'hq', group: 'BMA' };
const zoneKey: AggregateKey = { period: 'FY', by: 'zone', group: 'Z-C' };
const contribution = (total: number): Contribution => ({ kind: 'indicators', sums: { communities_total: total }, flags: {} });
const total = (a: Aggregate | null) => (a?.kind === 'indicators' ? a.sums.communities_total : undefined);
const noWait = async () => undefined;
type Wait = (attempt: number) => Promise<void>;
/** One return's update. */
const applyTallyShare = async (t: TallyStore, f: typeof form, basis: TallyBasis, k: ReturnKey, revision: number, c: Contribution | null, wait: Wait) =>
  (await applyTallyShares(t, f, UNITS, basis, [{ key: k, revision, contribution: c }], wait))[0];
/** Many returns' updates, without waiting between tries. */
const applyAll = (t: TallyStore, us: ShareUpdate[]) => applyTallyShares(t, form, UNITS, 'all', us, noWait);

describe('applyTallyShare', () => {
  test('a first submission adds its share at every level; a resubmission takes out the previous one and adds the new', async () => {
    const t = new MemoryTallies();
    expect(await applyTallyShare(t, form, 'all', key, 1, contribution(10), noWait)).toBe('applied');
    expect(await applyTallyShare(t, form, 'all', { ...key, orgUnit: '1002' }, 1, contribution(5), noWait)).toBe('applied');
    expect(total(await t.aggregateNow(hqKey))).toBe(15);
    expect(await applyTallyShare(t, form, 'all', key, 2, contribution(30), noWait)).toBe('applied');
    expect(total(await t.aggregateNow(hqKey))).toBe(35);
    expect(total(await t.aggregateNow({ period: 'FY', by: 'district', group: '1001' }))).toBe(30);
    expect((await t.aggregateNow(zoneKey))?.returns).toBe(2);
  });

  test('the same revision again, or an older one, changes nothing (a retried request, the sweep)', async () => {
    const t = new MemoryTallies();
    await applyTallyShare(t, form, 'all', key, 2, contribution(10), noWait);
    const commits = t.commits;
    expect(await applyTallyShare(t, form, 'all', key, 2, contribution(10), noWait)).toBe('already');
    expect(await applyTallyShare(t, form, 'all', key, 1, contribution(99), noWait)).toBe('already');
    expect(t.commits).toBe(commits);
    expect(total(await t.aggregateNow(hqKey))).toBe(10);
  });

  test('a withdrawal (sent back) takes the share out and empties an aggregate left with nothing', async () => {
    const t = new MemoryTallies();
    await applyTallyShare(t, form, 'accepted', key, 1, contribution(10), noWait);
    expect(await applyTallyShare(t, form, 'accepted', key, 2, null, noWait)).toBe('applied');
    expect(await t.aggregateNow(hqKey, 'accepted')).toBeNull();
  });

  test('another writer changing an aggregate between read and commit: read again and retry, its update kept', async () => {
    const t = new MemoryTallies();
    await applyTallyShare(t, form, 'all', { ...key, orgUnit: '1002' }, 1, contribution(5), noWait);
    t.interfere = async () => {
      t.interfere = async () => undefined;
      // Another return of the same zone and HQ commits first.
      expect(await applyTallyShare(t, form, 'all', { ...key, orgUnit: '1003' }, 1, contribution(7), noWait)).toBe('applied');
    };
    const waits: number[] = [];
    expect(await applyTallyShare(t, form, 'all', key, 1, contribution(10), async (a) => void waits.push(a))).toBe('applied');
    expect(waits).toEqual([1]);
    expect(total(await t.aggregateNow(hqKey))).toBe(22);
  });

  test(`always conflicting: gives up after ${TALLY_ATTEMPTS} tries; the intent recorded before stays, so readers recompute (the return stays stored)`, async () => {
    const t = new MemoryTallies();
    const scope = { formId: form.id, fiscalYear: 2567, basis: 'all' as const };
    await t.intend(scope, [{ kind: 'return', id: 'w1', orgUnit: key.orgUnit, subject: null, period: 'FY', revision: 1, at: new Date().toISOString() }]);
    let tries = 0;
    t.commit = async () => {
      tries++;
      return { ok: false, conflict: true };
    };
    expect(await keepTalliesAll(t, DEFINITIONS, form.id, 'all', [{ key, revision: 1, contribution: contribution(10) }], noWait)).toEqual(['gave_up']);
    expect(tries).toBe(TALLY_ATTEMPTS);
    expect((await t.read(scope, 'FY', 'hq')).pending.map((i) => i.id)).toEqual(['w1']);
  });

  test('storage unavailable: keepTalliesAll answers so and never throws it; the intent stays', async () => {
    const t = new MemoryTallies();
    t.sharesOf = async () => {
      throw new StorageUnavailable('no answer');
    };
    expect(await keepTalliesAll(t, DEFINITIONS, form.id, 'all', [{ key, revision: 1, contribution: contribution(10) }], noWait)).toEqual(['unavailable']);
  });

  test('applying settles the intents of the return and period up to its revision, in the same commit', async () => {
    const t = new MemoryTallies();
    const scope = { formId: form.id, fiscalYear: 2567, basis: 'all' as const };
    const at = new Date().toISOString();
    const intent = (id: string, revision: number, orgUnit = key.orgUnit) => ({ kind: 'return' as const, id, orgUnit, subject: null, period: 'FY', revision, at });
    await t.intend(scope, [intent('v1', 1), intent('v2', 2), intent('v3', 3), intent('other', 1, '1002')]);
    expect(await keepTalliesAll(t, DEFINITIONS, form.id, 'all', [{ key, revision: 2, contribution: contribution(4) }], noWait)).toEqual(['applied']);
    expect((await t.read(scope, 'FY', 'hq')).pending.map((i) => i.id).sort()).toEqual(['other', 'v3']);
    // Already in, with an intent left by a writer that stopped: settled without changing the figures.
    await t.intend(scope, [intent('again', 2)]);
    expect(await keepTalliesAll(t, DEFINITIONS, form.id, 'all', [{ key, revision: 2, contribution: contribution(4) }], noWait)).toEqual(['already']);
    expect((await t.read(scope, 'FY', 'hq')).pending.map((i) => i.id).sort()).toEqual(['other', 'v3']);
    expect(total(await t.aggregateNow(hqKey))).toBe(4);
  });
});

describe('applyTallyShares: many returns of a scope at once', () => {
  const districts = Array.from({ length: 50 }, (_, i) => String(1001 + i));
  const updates = (revision: number, value: (i: number) => number): ShareUpdate[] => districts.map((orgUnit, i) => ({ key: { ...key, orgUnit }, revision, contribution: contribution(value(i)) }));
  const sum = (value: (i: number) => number) => districts.reduce((a, _d, i) => a + value(i), 0);

  test('in commits of at most commitLimit entities, each with its returns’ shares and aggregates: the same figures as one by one', async () => {
    const bulk = new MemoryTallies(30);
    const commits: number[] = [];
    bulk.interfere = async () => undefined;
    const commit = bulk.commit.bind(bulk);
    bulk.commit = async (scope, writes) => (commits.push(writes.length), commit(scope, writes));
    expect(
      await applyAll(
        bulk,
        updates(1, (i) => i + 1),
      ),
    ).toEqual(districts.map(() => 'applied'));
    expect(Math.max(...commits)).toBeLessThanOrEqual(30);
    expect(commits.length).toBeGreaterThan(1);
    const single = new MemoryTallies();
    for (const u of updates(1, (i) => i + 1)) await applyTallyShare(single, form, 'all', u.key, u.revision, u.contribution, noWait);
    expect(total(await bulk.aggregateNow(hqKey))).toBe(sum((i) => i + 1));
    expect(await bulk.values()).toEqual(await single.values());
    // Again, and a resubmission: already in, then replaced.
    expect(
      new Set(
        await applyAll(
          bulk,
          updates(1, (i) => i + 1),
        ),
      ),
    ).toEqual(new Set(['already']));
    await applyAll(
      bulk,
      updates(2, () => 2),
    );
    expect(total(await bulk.aggregateNow(hqKey))).toBe(100);
  });

  test('a return named twice is applied in order (a later round)', async () => {
    const t = new MemoryTallies();
    const got = await applyTallyShares(
      t,
      form,
      UNITS,
      'all',
      [
        { key, revision: 1, contribution: contribution(5) },
        { key, revision: 2, contribution: contribution(8) },
      ],
      noWait,
    );
    expect(got).toEqual(['applied', 'applied']);
    expect(total(await t.aggregateNow(hqKey))).toBe(8);
  });

  test('a conflicting commit is read again and what is left retried; the totals are those of recomputation', async () => {
    const t = new MemoryTallies(30);
    let n = 0;
    t.interfere = async () => {
      if (++n !== 2) return;
      // Another writer lands between the reads and the second commit.
      expect(await applyTallyShare(t, form, 'all', { ...key, orgUnit: '1050', subject: 'other' }, 1, contribution(1000), noWait)).toBe('applied');
    };
    const waits: number[] = [];
    expect(
      new Set(
        await applyTallyShares(
          t,
          form,
          UNITS,
          'all',
          updates(1, () => 1),
          async (a) => void waits.push(a),
        ),
      ),
    ).toEqual(new Set(['applied']));
    expect(waits).toEqual([1]);
    expect(total(await t.aggregateNow(hqKey))).toBe(50 + 1000);
  });

  test('storage failing mid-way: each commit is all or nothing; a second run completes it', async () => {
    const t = new MemoryTallies(30);
    const commit = t.commit.bind(t);
    let n = 0;
    t.commit = async (scope, writes) => {
      if (++n === 2) throw new StorageUnavailable('no answer');
      return commit(scope, writes);
    };
    const first = await keepTalliesAll(
      t,
      DEFINITIONS,
      form.id,
      'all',
      updates(1, () => 1),
      noWait,
    );
    const applied = first.filter((o) => o === 'applied').length;
    expect(applied).toBeGreaterThan(0);
    expect(first.filter((o) => o === 'unavailable')).toHaveLength(50 - applied);
    expect(total(await t.aggregateNow(hqKey))).toBe(applied); // only whole commits are in
    const second = await keepTalliesAll(
      t,
      DEFINITIONS,
      form.id,
      'all',
      updates(1, () => 1),
      noWait,
    );
    expect(second.filter((o) => o === 'already')).toHaveLength(applied);
    expect(total(await t.aggregateNow(hqKey))).toBe(50);
  });
});
