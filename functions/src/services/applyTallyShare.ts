import { randomInt } from 'node:crypto';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import type { Contribution } from '@returns-hub/shared/consolidate/contribution';
import type { AggregateKey, TallyBasis } from '@returns-hub/shared/consolidate/aggregate';
import type { ReturnState } from '@returns-hub/shared/consolidate/shares';
import { applyChange, tallyChanges, type TallyChange } from '@returns-hub/shared/consolidate/tallyDelta';
import { periodsOfKind } from '@returns-hub/shared/period/periodCode';
import type { ReturnKey } from '../store/keys';
import type { AppliedShare, ReturnIntent, Stored, TallyScope, TallyStore, TallyWrite } from '../store/tallyStore';
import { isStorageUnavailable } from '../store/storageUnavailable';
import { noteEvent } from '../telemetry/events';

/** Tries of one update before giving up (each re-reads what changed meanwhile). */
export const TALLY_ATTEMPTS = 8;

/** Waits before another try: growing, with jitter so that writers racing for one aggregate spread out. */
const backoff = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(200, 5 * 2 ** attempt) + randomInt(10)));

export type ApplyOutcome = 'applied' | 'already' | 'gave_up';

/** The other periods a return of `period` shares its tallies with: a quarterly form's other quarters. */
function siblingPeriods(form: FormDef, period: string): string[] {
  return form.period.kind === 'quarter' ? periodsOfKind('quarter').filter((p) => p !== period) : [];
}

function stateOf(shares: Stored<AppliedShare>[]): ReturnState {
  const state: ReturnState = {};
  for (const s of shares) if (s.value.contribution) state[s.value.period] = s.value.contribution;
  return state;
}

/** One return's update of a scope's aggregates: its new contribution (null: withdrawn) at a revision. */
export interface ShareUpdate {
  key: ReturnKey;
  revision: number;
  contribution: Contribution | null;
}

const returnOf = (k: { orgUnit: string; subject: string | null }) => `${k.orgUnit}\u0000${k.subject ?? ''}`;
const aggregateId = (k: AggregateKey) => `${k.period}\u0000${k.by}\u0000${k.group}`;

/** An update ready to commit: the writes of its shares, the aggregate changes it makes, and the intents it settles. */
interface Planned {
  index: number;
  shares: TallyWrite[];
  changes: TallyChange[];
  settles: TallyWrite[];
  /** Already in the aggregates: only intents to settle. */
  already: boolean;
}

/** The intents of this return and period that a share at `revision` fulfils (an abandoned one of a lost writer too). */
const settled = (intents: Stored<ReturnIntent>[], key: ReturnKey, revision: number): TallyWrite[] =>
  intents.filter((i) => i.value.period === key.period && i.value.revision <= revision).map((i) => ({ kind: 'settle', id: i.value.id }));

/**
 * What an update writes, planned from the shares and intents read: its share, its other periods
 * (as read), the changes to aggregates and the intents it fulfils; or, when the share is already
 * in, only the intents to settle (none: nothing to do).
 */
function planOf(form: FormDef, units: OrgUnitTree, u: ShareUpdate, index: number, shares: Stored<AppliedShare>[], intents: Stored<ReturnIntent>[]): Planned | 'already' {
  const { key, revision, contribution } = u;
  const mine = shares.find((s) => s.value.period === key.period);
  if (mine && mine.value.revision >= revision) {
    const settles = settled(intents, key, mine.value.revision);
    return settles.length ? { index, shares: [], changes: [], settles, already: true } : 'already';
  }
  const before = stateOf(shares);
  const after: ReturnState = { ...before };
  if (contribution) after[key.period] = contribution;
  else delete after[key.period];
  return {
    index,
    already: false,
    settles: settled(intents, key, revision),
    changes: tallyChanges(form, units, key.orgUnit, before, after),
    shares: [
      { kind: 'share', key, value: { orgUnit: key.orgUnit, subject: key.subject, period: key.period, revision, contribution }, etag: mine?.etag ?? null },
      // The return's other periods were read to compute the shares (a quarter's targets come from the latest quarter):
      // written back unchanged under their ETags (an absent one as an empty placeholder, created only if still absent),
      // so the commit fails if any changed meanwhile.
      ...siblingPeriods(form, key.period).map((period): TallyWrite => {
        const s = shares.find((x) => x.value.period === period);
        return s
          ? { kind: 'share', key: s.value, value: s.value, etag: s.etag }
          : { kind: 'share', key: { ...key, period }, value: { orgUnit: key.orgUnit, subject: key.subject, period, revision: 0, contribution: null }, etag: null };
      }),
    ],
  };
}

/** Packs planned updates, in order, into commits of at most `limit` distinct entities (shares, intents settled and the aggregates they change). */
function commitsOf(planned: Planned[], limit: number): Planned[][] {
  const out: Planned[][] = [];
  let commit: Planned[] = [];
  let aggregates = new Set<string>();
  let shares = 0;
  for (const p of planned) {
    const mine = p.changes.map((c) => aggregateId(c.key)).filter((id) => !aggregates.has(id));
    const own = p.shares.length + p.settles.length;
    if (commit.length && shares + own + aggregates.size + new Set(mine).size > limit) {
      out.push(commit);
      commit = [];
      aggregates = new Set();
      shares = 0;
    }
    commit.push(p);
    shares += own;
    for (const c of p.changes) aggregates.add(aggregateId(c.key));
  }
  if (commit.length) out.push(commit);
  return out;
}

/**
 * Brings a scope's aggregates up to many returns' new contributions at once (each return
 * once: a return named twice is applied in a later round). Reads the returns' shares and the
 * aggregates they change in few requests, then commits returns together: each commit holds,
 * for each of its returns, its share and every aggregate it changes (≤ `commitLimit`
 * entities), all under ETag conditions, so a commit is all or nothing and a share is
 * recorded exactly when its change is in the aggregates. A commit that conflicts (another
 * writer got there first) is read again and retried with what is left, up to
 * `TALLY_ATTEMPTS` conflicting tries. A revision at or below the one applied changes
 * nothing ('already'), so the same updates may be made twice (a retried request, the sweep).
 * Outcomes come in the order of the updates.
 */
export async function applyTallyShares(
  tallies: TallyStore,
  form: FormDef,
  units: OrgUnitTree,
  basis: TallyBasis,
  updates: ShareUpdate[],
  wait: (attempt: number) => Promise<void> = backoff,
): Promise<ApplyOutcome[]> {
  const outcomes: (ApplyOutcome | null)[] = updates.map(() => null);
  await applyInto(outcomes, tallies, form, units, basis, updates, wait);
  return outcomes.map((o) => o ?? 'gave_up');
}

/** `applyTallyShares`, recording each outcome as it is known: what was applied before a failure stays known. */
async function applyInto(
  outcomes: (ApplyOutcome | null)[],
  tallies: TallyStore,
  form: FormDef,
  units: OrgUnitTree,
  basis: TallyBasis,
  updates: ShareUpdate[],
  wait: (attempt: number) => Promise<void>,
): Promise<void> {
  const scopes = new Set(updates.map((u) => u.key.fiscalYear));
  if (scopes.size > 1) throw new Error('applyTallyShares: updates of one scope (fiscal year) at a time');
  if (updates.length === 0) return;
  const scope: TallyScope = { formId: form.id, fiscalYear: updates[0].key.fiscalYear, basis };
  let conflicts = 0;
  while (outcomes.includes(null)) {
    if (conflicts >= TALLY_ATTEMPTS) break;
    if (conflicts > 0) await wait(conflicts);
    // This round: each return once (its first pending update).
    const round: number[] = [];
    const taken = new Set<string>();
    for (const [i, u] of updates.entries())
      if (outcomes[i] === null && !taken.has(returnOf(u.key))) {
        taken.add(returnOf(u.key));
        round.push(i);
      }
    // A quarterly form's quarters share tallies (siblings are read and written back); another form's periods do not.
    const quarterly = form.period.kind === 'quarter';
    const { shares, intents } = await tallies.sharesOf(
      scope,
      round.map((i) => {
        const { orgUnit, subject, period } = updates[i].key;
        return quarterly ? { orgUnit, subject } : { orgUnit, subject, period };
      }),
    );
    const byReturn = new Map<string, Stored<AppliedShare>[]>();
    for (const s of shares) byReturn.set(returnOf(s.value), [...(byReturn.get(returnOf(s.value)) ?? []), s]);
    const intentsOf = new Map<string, Stored<ReturnIntent>[]>();
    for (const x of intents) intentsOf.set(returnOf(x.value), [...(intentsOf.get(returnOf(x.value)) ?? []), x]);
    const planned: Planned[] = [];
    for (const i of round) {
      const p = planOf(form, units, updates[i], i, byReturn.get(returnOf(updates[i].key)) ?? [], intentsOf.get(returnOf(updates[i].key)) ?? []);
      if (p === 'already') outcomes[i] = 'already';
      else planned.push(p);
    }
    let conflicted = false;
    for (const commit of commitsOf(planned, tallies.commitLimit)) {
      const keys = new Map<string, AggregateKey>();
      for (const p of commit) for (const c of p.changes) keys.set(aggregateId(c.key), c.key);
      const read = await tallies.getAggregates(scope, [...keys.values()]);
      const aggregates = new Map([...keys.keys()].map((id, j) => [id, { value: read[j]?.value ?? null, etag: read[j]?.etag ?? null }]));
      for (const p of commit)
        for (const c of p.changes) {
          const a = aggregates.get(aggregateId(c.key))!;
          a.value = applyChange(form, a.value, c);
        }
      const writes: TallyWrite[] = [
        ...commit.flatMap((p) => [...p.shares, ...p.settles]),
        ...[...aggregates].map(([id, a]): TallyWrite => ({ kind: 'aggregate', key: keys.get(id)!, value: a.value, etag: a.etag })),
      ];
      if (!(await tallies.commit(scope, writes)).ok) {
        conflicted = true;
        break; // read again: what is left goes in the next try
      }
      for (const p of commit) outcomes[p.index] = p.already ? 'already' : 'applied';
    }
    if (conflicted) conflicts++;
  }
  for (const [i, o] of outcomes.entries()) outcomes[i] = o ?? 'gave_up';
}

/** Updates of one scope waiting in this process, and whether a caller is applying them. */
interface ScopeQueue {
  waiting: { updates: ShareUpdate[]; done: (o: (ApplyOutcome | null)[]) => void; fail: (e: unknown) => void }[];
  busy: boolean;
}
const queues = new WeakMap<TallyStore, Map<string, ScopeQueue>>();
/** Updates one round takes at most (whole requests). */
const ROUND_UPDATES = 500;

/**
 * Updates of one scope applied by one caller at a time in this process, those that arrived
 * meanwhile taken together in its next round: writers of one process never race each other for
 * the same zone and HQ aggregates (only other processes' writers can make a commit conflict).
 * Storage failing leaves a round's updates unapplied (null), to their intents.
 */
function queued(tallies: TallyStore, form: FormDef, units: OrgUnitTree, basis: TallyBasis, updates: ShareUpdate[], wait: (attempt: number) => Promise<void>): Promise<(ApplyOutcome | null)[]> {
  if (!queues.has(tallies)) queues.set(tallies, new Map());
  const scopes = queues.get(tallies)!;
  const id = `${form.id}|${updates[0]?.key.fiscalYear}|${basis}`;
  if (!scopes.has(id)) scopes.set(id, { waiting: [], busy: false });
  const q = scopes.get(id)!;
  return new Promise((done, fail) => {
    q.waiting.push({ updates, done, fail });
    if (q.busy) return;
    q.busy = true;
    void (async () => {
      while (q.waiting.length) {
        const round = [q.waiting.shift()!];
        let n = round[0].updates.length;
        while (q.waiting.length && n + q.waiting[0].updates.length <= ROUND_UPDATES) {
          n += q.waiting[0].updates.length;
          round.push(q.waiting.shift()!);
        }
        const all = round.flatMap((w) => w.updates);
        const got: (ApplyOutcome | null)[] = all.map(() => null);
        try {
          await applyInto(got, tallies, form, units, basis, all, wait);
        } catch (e) {
          if (!isStorageUnavailable(e)) {
            for (const w of round) w.fail(e);
            continue;
          }
        }
        let at = 0;
        for (const w of round) w.done(got.slice(at, (at += w.updates.length)));
      }
      q.busy = false;
      scopes.delete(id);
    })();
  });
}

/**
 * `applyTallyShares` for a caller whose own work is already done (the returns are stored, or
 * the decisions written): it never throws storage trouble. An update not made now leaves its
 * intent in the scope, so readers serve the tally recomputed (and say so) and the scheduled
 * repair completes it; each is noted in telemetry. Updates may span fiscal years (each its own scope).
 */
export async function keepTalliesAll(
  tallies: TallyStore,
  definitions: DefinitionSource,
  formId: string,
  basis: TallyBasis,
  updates: ShareUpdate[],
  wait: (attempt: number) => Promise<void> = backoff,
): Promise<(ApplyOutcome | 'unavailable')[]> {
  const outcomes: (ApplyOutcome | 'unavailable')[] = updates.map(() => 'unavailable');
  for (const fiscalYear of new Set(updates.map((u) => u.key.fiscalYear))) {
    const indexes = [...updates.keys()].filter((i) => updates[i].key.fiscalYear === fiscalYear);
    // Each year's returns are tallied with that year's form and org units; a year without the form keeps no tallies of it.
    const year = definitions.forYear(fiscalYear);
    const form = year.formById(formId);
    if (!form) {
      for (const i of indexes) outcomes[i] = 'already';
      continue;
    }
    const got = await queued(
      tallies,
      form,
      year.units,
      basis,
      indexes.map((i) => updates[i]),
      wait,
    );
    indexes.forEach((i, j) => (outcomes[i] = got[j] ?? 'unavailable'));
    const behind = indexes.filter((i) => outcomes[i] === 'gave_up' || outcomes[i] === 'unavailable');
    if (behind.length)
      noteEvent('tallies.behind', {
        'returns.form': form.id,
        'returns.fiscal_year': fiscalYear,
        'tally.basis': basis,
        'tally.behind': behind.length,
        'tally.gave_up': behind.filter((i) => outcomes[i] === 'gave_up').length,
      });
  }
  return outcomes;
}
