import type { TypedRow } from '@returns-hub/shared/check/checkedReturn';
import type { SubmitResponse } from '@returns-hub/shared/api/schemas';
import type { ReturnKey } from './keys';
import type { ReturnSummary, StoredReturn } from './storedReturn';
import type { TallyStore } from './tallyStore';

/** A return's current version and the condition (ETag) under which it may be replaced. */
export interface CurrentReturn {
  record: StoredReturn;
  etag: string;
}

/** Move one return's pointer to `record`, only if it is still at `etag` (null: only if there is none yet). */
export interface PointerSwitch {
  record: StoredReturn;
  etag: string | null;
}

export type SwitchResult = { ok: true } | { ok: false; conflict: true };

/** An idempotency key's claim: the request's body hash, and its answer once the work finished. */
export interface IdempotencyClaim {
  bodyHash: string;
  response: SubmitResponse | null;
}

export type ClaimResult = { claimed: true } | { claimed: false; existing: IdempotencyClaim };

/** A write in progress: recorded before its rows are written, forgotten once a pointer or version holds it. */
export interface WriteRecord {
  writeId: string;
  key: ReturnKey;
  /** ISO time the write began; the orphan sweep removes writes older than its grace that nothing points at. */
  startedAt: string;
}

/** What one stored return may hold: the service sizes a request against these before writing anything. */
export interface StoreBounds {
  /** Characters of a return's subject (it is part of the return's identity). */
  subjectChars: number;
  /** Characters of one row as JSON. */
  rowJsonChars: number;
  /** Characters of a version's record fields, findings and tally contribution as JSON. */
  recordJsonChars: number;
}

/**
 * The storage port: everything the services need from storage, and nothing of how it is done.
 * Every method either answers or throws `StorageUnavailable` (no answer within the configured
 * time, or storage unreachable); any other failure is a defect.
 */
export interface ReturnStore {
  readonly bounds: StoreBounds;
  /** Running aggregates for tallies. */
  readonly tallies: TallyStore;
  newWriteId(): string;

  getCurrent(k: ReturnKey): Promise<CurrentReturn | null>;
  /** `getCurrent` for many returns, in few requests; answers in the order of the keys. */
  getCurrentMany(keys: ReturnKey[]): Promise<(CurrentReturn | null)[]>;
  /** The current versions of every return of a form and period (or of one org unit), without their record details. */
  listCurrent(formId: string, fiscalYear: number, period: string, orgUnit?: string): Promise<ReturnSummary[]>;
  /**
   * Splits pointer switches into the groups the store can switch atomically, each all or
   * nothing (for Table Storage: one partition, ≤100 entities, under the transaction's size).
   */
  switchGroups(switches: PointerSwitch[]): PointerSwitch[][];
  /** Switches one group of pointers (as `switchGroups` made it) atomically: all move, or none does. */
  switchCurrent(group: PointerSwitch[]): Promise<SwitchResult>;

  /** Records versions in the audit history (idempotent), many in one transaction where they share a form and period. */
  putVersions(rs: StoredReturn[]): Promise<void>;
  listVersions(k: ReturnKey): Promise<ReturnSummary[]>;
  getVersion(k: ReturnKey, version: number): Promise<StoredReturn | null>;

  /** Records writes before anything of them is written. */
  beginWrites(ws: WriteRecord[]): Promise<void>;
  /** Forgets writes (they committed, or their data was removed); one already forgotten is fine. */
  endWrites(ws: WriteRecord[]): Promise<void>;
  /** Writes begun before `beforeIso` and not yet forgotten. */
  listWrites(beforeIso: string): Promise<WriteRecord[]>;

  /** Writes a version's rows under its write id; `offset` numbers a later part. */
  writeRows(writeId: string, rows: TypedRow[], offset?: number): Promise<void>;
  readRows(writeId: string): Promise<TypedRow[]>;
  /** Removes everything stored under a write id (rows, and details kept apart). */
  deleteWrite(writeId: string): Promise<void>;

  /** Claims an idempotency key of a caller if nobody has (insert-if-absent), or answers the existing claim. */
  claimIdempotency(scope: string, key: string, bodyHash: string): Promise<ClaimResult>;
  /** Records the answer of a claimed key's finished request. */
  completeIdempotency(scope: string, key: string, bodyHash: string, response: SubmitResponse): Promise<void>;
}
