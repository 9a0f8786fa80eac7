import { randomInt } from 'node:crypto';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { Contribution } from '@returns-hub/shared/consolidate/contribution';
import type { TallyBasis } from '@returns-hub/shared/consolidate/aggregate';
import type { ReturnState } from '@returns-hub/shared/consolidate/shares';
import { applyChange, tallyChanges } from '@returns-hub/shared/consolidate/tallyDelta';
import { periodsOfKind } from '@returns-hub/shared/period/periodCode';
import type { ReturnKey } from '../store/keys';
import type { AppliedShare, Stored, TallyScope, TallyStore, TallyWrite } from '../store/tallyStore';
import { isStorageUnavailable } from '../store/storageUnavailable';

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

/**
 * Brings a scope's aggregates up to a return's new contribution (null: withdrawn): takes out
 * what the return last added, adds the new share, and records it, all in one transaction
 * under ETag conditions; when another writer got there first it reads again and retries, up
 * to `TALLY_ATTEMPTS` times. A revision at or below the one already applied changes nothing,
 * so the same update may be made twice (a retried request, the sweep).
 */
export async function applyTallyShare(
  tallies: TallyStore,
  form: FormDef,
  basis: TallyBasis,
  key: ReturnKey,
  revision: number,
  contribution: Contribution | null,
  wait: (attempt: number) => Promise<void> = backoff,
): Promise<ApplyOutcome> {
  const scope: TallyScope = { formId: form.id, fiscalYear: key.fiscalYear, basis };
  for (let attempt = 0; attempt < TALLY_ATTEMPTS; attempt++) {
    if (attempt > 0) await wait(attempt);
    const shares = await tallies.sharesOf(scope, key.orgUnit, key.subject);
    const mine = shares.find((s) => s.value.period === key.period);
    if (mine && mine.value.revision >= revision) return 'already';
    const before = stateOf(shares);
    const after: ReturnState = { ...before };
    if (contribution) after[key.period] = contribution;
    else delete after[key.period];
    const changes = tallyChanges(form, key.orgUnit, before, after);
    const current = await tallies.getAggregates(
      scope,
      changes.map((c) => c.key),
    );
    const writes: TallyWrite[] = [
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
      ...changes.map((c, i): TallyWrite => ({ kind: 'aggregate', key: c.key, value: applyChange(form, current[i]?.value ?? null, c), etag: current[i]?.etag ?? null })),
    ];
    if ((await tallies.commit(scope, writes)).ok) return 'applied';
  }
  return 'gave_up';
}

/**
 * `applyTallyShare` for a caller whose own work is already done (the return is stored): an
 * update that cannot be made marks the scope stale, so tallies are recomputed from the
 * contributions until an administrator rebuilds them, instead of showing wrong figures.
 */
export async function keepTallies(
  tallies: TallyStore,
  form: FormDef,
  basis: TallyBasis,
  key: ReturnKey,
  revision: number,
  contribution: Contribution | null,
  wait: (attempt: number) => Promise<void> = backoff,
): Promise<ApplyOutcome | 'unavailable'> {
  const scope: TallyScope = { formId: form.id, fiscalYear: key.fiscalYear, basis };
  let outcome: ApplyOutcome | 'unavailable';
  try {
    outcome = await applyTallyShare(tallies, form, basis, key, revision, contribution, wait);
  } catch (e) {
    if (!isStorageUnavailable(e)) throw e;
    outcome = 'unavailable';
  }
  if (outcome === 'gave_up' || outcome === 'unavailable') {
    const reason = `${key.orgUnit} ${key.subject ?? ''} ${key.period} revision ${revision}: ${outcome === 'gave_up' ? `${TALLY_ATTEMPTS} conflicting tries` : 'storage unavailable'}`;
    try {
      await tallies.markStale(scope, { at: new Date().toISOString(), reason });
    } catch (e) {
      if (!isStorageUnavailable(e)) throw e; // the write log still holds the write: the sweep applies it again
    }
  }
  return outcome;
}
