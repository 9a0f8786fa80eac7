import { builtInDefinitions } from '../definitions/builtInDefinitions';
import type { Aggregate, AggregateKey, TallyBasis } from '@returns-hub/shared/consolidate/aggregate';
import type { ReturnKey } from '../store/keys';
import type { Contribution } from '@returns-hub/shared/consolidate/contribution';
import type { AppliedShare, CommitResult, StaleMark, Stored, TallyScope, TallyStore, TallyWrite } from '../store/tallyStore';
import { StorageUnavailable } from '../store/storageUnavailable';
import { applyTallyShares, keepTallies, keepTalliesAll, TALLY_ATTEMPTS, type ShareUpdate } from './applyTallyShare';

/** The tally port in memory, with ETags as counters; `interfere` runs before each commit (another writer). */
class MemoryTallies implements TallyStore {
  constructor(readonly commitLimit = 100) {}
  readonly rows = new Map<string, { value: AppliedShare | { key: AggregateKey; aggregate: Aggregate | null } | StaleMark; etag: string }>();
  commits = 0;
  interfere: () => Promise<void> = async () => undefined;
  private n = 0;
  private etag = () => `e${++this.n}`;
  static aggregateRow = (k: AggregateKey) => `a|${k.period}|${k.by}|${k.group}`;
  static shareRow = (k: { orgUnit: string; subject: string | null; period: string }) => `s|${k.orgUnit}|${k.subject ?? '-'}|${k.period}`;

  async sharesOf(_s: TallyScope, returns: { orgUnit: string; subject: string | null; period?: string }[]): Promise<Stored<AppliedShare>[]> {
    const prefixes = returns.map((r) => `s|${r.orgUnit}|${r.subject ?? '-'}|${r.period ?? ''}`);
    return [...this.rows].filter(([k]) => prefixes.some((p) => k.startsWith(p))).map(([, v]) => ({ value: v.value as AppliedShare, etag: v.etag }));
  }
  async getAggregates(_s: TallyScope, keys: AggregateKey[]) {
    return keys.map((k) => {
      const row = this.rows.get(MemoryTallies.aggregateRow(k));
      return row ? { value: (row.value as { aggregate: Aggregate | null }).aggregate, etag: row.etag } : null;
    });
  }
  aggregate(k: AggregateKey): Aggregate | null {
    const row = this.rows.get(MemoryTallies.aggregateRow(k));
    return row ? (row.value as { aggregate: Aggregate | null }).aggregate : null;
  }
  async listAggregates(): Promise<{ key: AggregateKey; aggregate: Aggregate }[]> {
    throw new Error('not used');
  }
  async listScope(): Promise<never> {
    throw new Error('not used');
  }
  async commit(_s: TallyScope, writes: TallyWrite[]): Promise<CommitResult> {
    this.commits++;
    await this.interfere();
    const rowOf = (w: TallyWrite) => (w.kind === 'share' ? MemoryTallies.shareRow(w.key) : MemoryTallies.aggregateRow(w.key));
    if (writes.some((w) => (this.rows.get(rowOf(w))?.etag ?? null) !== w.etag)) return { ok: false, conflict: true };
    for (const w of writes) this.rows.set(rowOf(w), { value: w.kind === 'share' ? w.value : { key: w.key, aggregate: w.value }, etag: this.etag() });
    return { ok: true };
  }
  stale: StaleMark | null = null;
  async markStale(_s: TallyScope, mark: StaleMark) {
    this.stale = mark;
  }
  async staleOf() {
    return this.stale ? { value: this.stale, etag: 'x' } : null;
  }
  async clearStale(): Promise<CommitResult> {
    this.stale = null;
    return { ok: true };
  }
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
    expect(total(t.aggregate(hqKey))).toBe(15);
    expect(await applyTallyShare(t, form, 'all', key, 2, contribution(30), noWait)).toBe('applied');
    expect(total(t.aggregate(hqKey))).toBe(35);
    expect(total(t.aggregate({ period: 'FY', by: 'district', group: '1001' }))).toBe(30);
    expect(t.aggregate(zoneKey)?.returns).toBe(2);
  });

  test('the same revision again, or an older one, changes nothing (a retried request, the sweep)', async () => {
    const t = new MemoryTallies();
    await applyTallyShare(t, form, 'all', key, 2, contribution(10), noWait);
    const commits = t.commits;
    expect(await applyTallyShare(t, form, 'all', key, 2, contribution(10), noWait)).toBe('already');
    expect(await applyTallyShare(t, form, 'all', key, 1, contribution(99), noWait)).toBe('already');
    expect(t.commits).toBe(commits);
    expect(total(t.aggregate(hqKey))).toBe(10);
  });

  test('a withdrawal (sent back) takes the share out and empties an aggregate left with nothing', async () => {
    const t = new MemoryTallies();
    await applyTallyShare(t, form, 'accepted', key, 1, contribution(10), noWait);
    expect(await applyTallyShare(t, form, 'accepted', key, 2, null, noWait)).toBe('applied');
    expect(t.aggregate(hqKey)).toBeNull();
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
    expect(total(t.aggregate(hqKey))).toBe(22);
  });

  test(`always conflicting: gives up after ${TALLY_ATTEMPTS} tries, and keepTallies marks the scope stale (the return stays stored)`, async () => {
    const t = new MemoryTallies();
    t.commit = async () => {
      t.commits++;
      return { ok: false, conflict: true };
    };
    expect(await keepTallies(t, DEFINITIONS, form.id, 'all', key, 1, contribution(10), noWait)).toBe('gave_up');
    expect(t.commits).toBe(TALLY_ATTEMPTS);
    expect(t.stale?.reason).toContain(`${TALLY_ATTEMPTS} conflicting tries`);
  });

  test('storage unavailable: keepTallies answers so, marks stale if it can, and never throws it', async () => {
    const t = new MemoryTallies();
    t.sharesOf = async () => {
      throw new StorageUnavailable('no answer');
    };
    expect(await keepTallies(t, DEFINITIONS, form.id, 'all', key, 1, contribution(10), noWait)).toBe('unavailable');
    expect(t.stale?.reason).toContain('storage unavailable');
  });
});

describe('applyTallyShares: many returns of a scope at once', () => {
  const districts = Array.from({ length: 50 }, (_, i) => String(1001 + i));
  const updates = (revision: number, value: (i: number) => number): ShareUpdate[] => districts.map((orgUnit, i) => ({ key: { ...key, orgUnit }, revision, contribution: contribution(value(i)) }));
  const sum = (value: (i: number) => number) => districts.reduce((a, _d, i) => a + value(i), 0);

  test('in commits of at most commitLimit entities, each with its returns’ shares and aggregates: the same figures as one by one', async () => {
    const bulk = new MemoryTallies(30);
    const commits: number[] = [];
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
    expect(total(bulk.aggregate(hqKey))).toBe(sum((i) => i + 1));
    const values = (t: MemoryTallies) => Object.fromEntries([...t.rows].map(([k, v]) => [k, v.value]));
    expect(values(bulk)).toEqual(values(single));
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
    expect(total(bulk.aggregate(hqKey))).toBe(100);
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
    expect(total(t.aggregate(hqKey))).toBe(8);
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
    expect(total(t.aggregate(hqKey))).toBe(50 + 1000);
  });

  test('storage failing mid-way: each commit is all or nothing; the stale mark names what is missing; a second run completes it', async () => {
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
    expect(total(t.aggregate(hqKey))).toBe(applied); // only whole commits are in
    expect(t.stale?.reason).toContain('storage unavailable');
    const second = await keepTalliesAll(
      t,
      DEFINITIONS,
      form.id,
      'all',
      updates(1, () => 1),
      noWait,
    );
    expect(second.filter((o) => o === 'already')).toHaveLength(applied);
    expect(total(t.aggregate(hqKey))).toBe(50);
  });
});
