import type { TypedRow } from '@returns-hub/shared/check/checkedReturn';
import type { ReturnKey } from './keys';
import type { ReturnSummary, StoredReturn } from './storedReturn';
import type { TallyStore } from './tallyStore';
import type { IdempotencyStore } from './idempotencyStore';

/** A return's current version and the condition (ETag) under which it may be replaced. */
export interface CurrentReturn {
  record: StoredReturn;
  etag: string;
}

/** A version to store: its record (the store names its write), its rows, and the current version it replaces (null: the first). */
export interface NewVersion {
  record: Omit<StoredReturn, 'writeId'>;
  rows: TypedRow[];
  replaces: CurrentReturn | null;
}

/**
 * What became of each version of a commit, in the order given:
 * - `stored`: its pointer moved (it is the current version; its record carries its write id);
 * - `conflict`: the pointer had moved meanwhile (another writer); nothing of it is kept;
 * - `unknown`: storage did not answer the switch: it may or may not be stored;
 * - `not_stored`: the commit stopped before it (an earlier failure); nothing of it is kept.
 */
export type VersionOutcome = { state: 'stored'; record: StoredReturn } | { state: 'conflict' | 'unknown' | 'not_stored' };

/** Where a commit stopped, if it did: the step storage failed at (for honest answers). */
export interface CommitReport {
  outcomes: VersionOutcome[];
  /** The step that could not be done: before any pointer could move (`prepare`), or while switching. */
  failed: null | { step: 'prepare' | 'switch'; reason: string };
}

/** What one stored return may hold: the service sizes a request against these before writing anything. */
export interface StoreBounds {
  /** Characters of a return's subject (it is part of the return's identity). */
  subjectChars: number;
  /** Characters of one row as JSON. */
  rowJsonChars: number;
  /** Characters of a version's record fields, findings and tally contribution as JSON. */
  recordJsonChars: number;
  /** Rows of one request (every return in it): what can be written within a request's time. */
  requestRows: number;
}

/** Writes one sweep looks at (the oldest first; the rest wait for the next run). */
export const SWEEP_LIMIT = 500;

/** What the repair's sweep found of writes a commit left behind. */
export interface SweepReport {
  /** Writes older than the cutoff that were still recorded. */
  checked: number;
  /** Of those, writes no pointer or version held: their rows and details removed. */
  removed: number;
  /** Writes that could not be settled now (each reported, none blocking the others). */
  failed: { writeId: string; reason: string }[];
}

/**
 * The storage port of returns: everything the services need from storage, and nothing of how
 * it is done. The store owns its commit protocol: the service hands it the versions to store
 * and it records them write-ahead (a write log entry and a tally intent each), writes their
 * rows, moves the pointers (each group all or nothing), keeps the history, and cleans up what
 * did not commit. Every method either answers or throws `StorageUnavailable` (no answer within
 * the operation's deadline, or storage unreachable); any other failure is a defect.
 */
export interface ReturnStore {
  readonly bounds: StoreBounds;
  /** Running aggregates for tallies (and the intents the commit records in them). */
  readonly tallies: TallyStore;
  /** Idempotency keys of callers, and the answers of their finished requests. */
  readonly keys: IdempotencyStore;

  /** The current versions of returns, in few requests; answers in the order of the keys (null: none yet). */
  current(keys: ReturnKey[]): Promise<(CurrentReturn | null)[]>;
  /** The current versions of every return of a form and period (or of one org unit), without their record details. */
  list(formId: string, fiscalYear: number, period: string, orgUnit?: string): Promise<ReturnSummary[]>;
  /** Every version of a return kept in its history, oldest first, without details. */
  versions(k: ReturnKey): Promise<ReturnSummary[]>;
  /** One version of a return, whole; null if there is no such version. */
  version(k: ReturnKey, version: number): Promise<StoredReturn | null>;
  /** A version's rows, in order. */
  rows(writeId: string): Promise<TypedRow[]>;

  /**
   * Stores new versions: records each (write log, and an intent in its tally scope) before
   * anything of it is written, writes the rows and the replaced versions' history, then moves
   * the pointers group by group (a form and period's ≤100 returns at once, all or nothing, each
   * only from the ETag it replaces) and records the new versions' history. The first group that
   * does not move stops the commit: the writes of that group (if it conflicted) and of every
   * later one are removed. Storage failing is reported (`failed`), never thrown: what was
   * stored is stored, and what was not is swept later.
   */
  commit(versions: NewVersion[]): Promise<CommitReport>;
  /**
   * Removes what commits left behind that nothing holds, recorded before `beforeIso`, at most
   * `limit` writes, oldest first. A write that cannot be settled is reported and goes to
   * the back of the log (due again after the grace): however many keep failing, they never
   * hold back the others.
   */
  sweep(beforeIso: string, limit?: number): Promise<SweepReport>;
}
