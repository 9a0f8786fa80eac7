import type { Aggregate, AggregateKey, TallyBasis } from '@returns-hub/shared/consolidate/aggregate';
import type { Contribution } from '@returns-hub/shared/consolidate/contribution';

/**
 * The running aggregates of one form, fiscal year and basis (every current return, or the
 * accepted ones only): kept together, so the aggregates a return feeds (each grouping level,
 * each quarter of a quarterly form) and what the return last added to them change in one
 * atomic write.
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

/** A stored value and the condition (ETag) under which it may be replaced. */
export interface Stored<T> {
  value: T;
  etag: string;
}

/**
 * One write of an atomic commit: only if the entity is still at `etag` (null: only if there is
 * none). An aggregate written as null is emptied (nothing left in it); a share is never removed
 * (a withdrawn one keeps its revision, with a null contribution).
 */
export type TallyWrite = { kind: 'share'; key: ShareKey; value: AppliedShare; etag: string | null } | { kind: 'aggregate'; key: AggregateKey; value: Aggregate | null; etag: string | null };

export type CommitResult = { ok: true } | { ok: false; conflict: true };

/** Why a scope's aggregates cannot be trusted until rebuilt: an update that could not be applied. */
export interface StaleMark {
  at: string;
  reason: string;
}

/**
 * The storage port for tallies. Like `ReturnStore`, every method answers or throws
 * `StorageUnavailable`.
 */
export interface TallyStore {
  /** Writes of one `commit` at most. */
  readonly commitLimit: number;
  /**
   * What these returns (unit and subject) have added, in few requests: for each of their
   * periods, or only for `period` where given (a form whose periods do not share tallies).
   */
  sharesOf(scope: TallyScope, returns: { orgUnit: string; subject: string | null; period?: string }[]): Promise<Stored<AppliedShare>[]>;
  /** Aggregates by key, in few requests; null where there is none (a stored null: emptied). */
  getAggregates(scope: TallyScope, keys: AggregateKey[]): Promise<(Stored<Aggregate | null> | null)[]>;
  /** Every non-empty aggregate of one period and grouping level: all a tally reads. */
  listAggregates(scope: TallyScope, period: string, by: AggregateKey['by']): Promise<{ key: AggregateKey; aggregate: Aggregate }[]>;
  /** Everything kept for a scope: for a rebuild and its check. */
  listScope(scope: TallyScope): Promise<{ shares: Stored<AppliedShare>[]; aggregates: Stored<{ key: AggregateKey; aggregate: Aggregate | null }>[]; stale: Stored<StaleMark> | null }>;
  /** Applies writes (≤ `commitLimit`) atomically: all, or none when any entity changed meanwhile. */
  commit(scope: TallyScope, writes: TallyWrite[]): Promise<CommitResult>;
  /** Marks a scope's aggregates as not to be trusted (served by recomputation until rebuilt). */
  markStale(scope: TallyScope, mark: StaleMark): Promise<void>;
  staleOf(scope: TallyScope): Promise<Stored<StaleMark> | null>;
  /** Clears a mark, only if it is still the one a rebuild read. */
  clearStale(scope: TallyScope, etag: string): Promise<CommitResult>;
}
