import type { Aggregate, AggregateKey, TallyBasis } from '@returns-hub/shared/consolidate/aggregate';
import type { Contribution } from '@returns-hub/shared/consolidate/contribution';

/**
 * The running aggregates of one form, fiscal year and basis (every current return, or the
 * accepted ones only): kept together, so the aggregates a return feeds (each grouping level,
 * each quarter of a quarterly form), what the return last added to them and the intents to
 * change them change in one atomic write.
 */
export interface TallyScope {
  formId: string;
  fiscalYear: number;
  basis: TallyBasis;
}

/** A return within a scope: its unit, subject and period. */
export interface ShareKey {
  orgUnit: string;
  subject: string | null;
  period: string;
}

/**
 * What a return last added to a scope's aggregates: its contribution (null: withdrawn, e.g. sent
 * back) at a revision (the version, for every current return). A later revision replaces it;
 * an equal or earlier one is already in, which makes applying idempotent.
 */
export interface AppliedShare extends ShareKey {
  revision: number;
  contribution: Contribution | null;
}

/**
 * A write-ahead entry: a return of the scope is about to change to `revision` (a version about
 * to switch, a review decision about to be written). Recorded before the change, removed only
 * in the commit that brings the aggregates to that revision or later (or by the writer whose
 * change did not happen). While one is there, readers check whether the aggregates are behind.
 */
export interface ReturnIntent extends ShareKey {
  kind: 'return';
  /** Unique per change (a version's write id; a fresh id per review decision). */
  id: string;
  revision: number;
  /** ISO time it was recorded: the repair completes intents older than its grace. */
  at: string;
}

/** The whole scope is being rebuilt (or an earlier version marked it stale): behind until a rebuild completes. */
export interface ScopeIntent {
  kind: 'scope';
  id: string;
  at: string;
  reason: string;
}

export type TallyIntent = ReturnIntent | ScopeIntent;

/** A stored value and the condition (ETag, opaque) under which it may be replaced. */
export interface Stored<T> {
  value: T;
  etag: string;
}

/**
 * One write of an atomic commit: only if the entity is still at `etag` (null: only if there is
 * none). An aggregate written as null is emptied (nothing left in it); a share is never removed
 * (a withdrawn one keeps its revision, with a null contribution); an intent is settled (removed)
 * only if it is still there (intents never change). Values may be of any size: the store splits
 * what it must.
 */
export type TallyWrite =
  { kind: 'share'; key: ShareKey; value: AppliedShare; etag: string | null } | { kind: 'aggregate'; key: AggregateKey; value: Aggregate | null; etag: string | null } | { kind: 'settle'; id: string };

export type CommitResult = { ok: true } | { ok: false; conflict: true };

/** What a tally reads: its aggregates and the intents that may make them behind, in one snapshot. */
export interface TallyRead {
  aggregates: { key: AggregateKey; aggregate: Aggregate }[];
  /** Changes recorded and not yet in the aggregates (some may never happen). */
  pending: TallyIntent[];
}

/**
 * The storage port for tallies. Like `ReturnStore`, every method answers or throws
 * `StorageUnavailable`.
 */
export interface TallyStore {
  /** Writes of one `commit` at most. */
  readonly commitLimit: number;
  /**
   * What these returns (unit and subject) have added, and the intents recorded for them, in few
   * requests: for each of their periods, or only for `period` where given (a form whose periods
   * do not share tallies).
   */
  sharesOf(scope: TallyScope, returns: { orgUnit: string; subject: string | null; period?: string }[]): Promise<{ shares: Stored<AppliedShare>[]; intents: Stored<ReturnIntent>[] }>;
  /** Aggregates by key, in few requests; null where there is none (a stored null: emptied). */
  getAggregates(scope: TallyScope, keys: AggregateKey[]): Promise<(Stored<Aggregate | null> | null)[]>;
  /** Every non-empty aggregate of one period and grouping level, and the scope's pending intents: all a tally reads. */
  read(scope: TallyScope, period: string, by: AggregateKey['by']): Promise<TallyRead>;
  /** Everything kept for a scope: for a rebuild and its check. */
  listScope(scope: TallyScope): Promise<{ shares: Stored<AppliedShare>[]; aggregates: Stored<{ key: AggregateKey; aggregate: Aggregate | null }>[]; intents: Stored<TallyIntent>[] }>;
  /** Applies writes (≤ `commitLimit`) atomically: all, or none when any entity changed meanwhile. */
  commit(scope: TallyScope, writes: TallyWrite[]): Promise<CommitResult>;
  /** Records intents before their changes are made (writing one again is harmless). */
  intend(scope: TallyScope, intents: TallyIntent[]): Promise<void>;
  /** Removes intents whose change did not happen (absent ones are fine). */
  forget(scope: TallyScope, ids: string[]): Promise<void>;
  /** Intents of every scope recorded before `beforeIso`, at most `limit`: the repair's work list. */
  pending(beforeIso: string, limit: number): Promise<{ scope: TallyScope; intent: TallyIntent }[]>;
}
