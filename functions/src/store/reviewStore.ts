import type { LockException, ReviewEvent } from '@returns-hub/shared/review/reviewSchemas';
import type { ReviewState } from '../domain/reviewState';
import type { ReturnKey } from './keys';

/** A current return as the review sees it: the version, what the lists show, its review, and the condition (ETag) under which the review may change. */
export interface ReviewRecord {
  key: ReturnKey;
  version: number;
  submittedAt: string;
  submittedBy: string;
  fileName: string;
  rowCount: number;
  warnings: number;
  /** Null: not reviewed since this version was submitted (`submitted`). */
  state: ReviewState | null;
  /**
   * The ETag of the return's current-version pointer. A review is kept on the pointer itself,
   * so a review and a new submission can never both win: whichever moves the pointer first
   * changes its ETag, and the other's conditional write fails.
   */
  etag: string;
}

/** An audit entry of a return: its number within the version, and the event. */
export interface AuditEntry {
  key: ReturnKey;
  seq: number;
  event: ReviewEvent;
}

export type SetReviewResult = { ok: true } | { ok: false; conflict: true };

/**
 * The review workflow's storage port: review states (on the returns' current-version
 * pointers), the audit trail (append only: nothing is ever deleted), and lock exceptions.
 * A new submission replacing the pointer clears its review: that is the status reset.
 */
export interface ReviewStore {
  get(k: ReturnKey): Promise<ReviewRecord | null>;
  /** `get` for many returns, in few requests; answers in the order of the keys. */
  getMany(keys: ReturnKey[]): Promise<(ReviewRecord | null)[]>;
  /** Every current return of a form and period with its review: one partition. */
  list(formId: string, fiscalYear: number, period: string): Promise<ReviewRecord[]>;
  /** Sets a return's review, only if its pointer is still at `etag`. */
  setState(k: ReturnKey, state: ReviewState, etag: string): Promise<SetReviewResult>;

  /** Writes audit entries, each named by its return, version and number (writing one again is harmless); many in one transaction where they share a form and period. */
  putEvents(entries: AuditEntry[]): Promise<void>;
  /** A return's audit entries, in order of version and number. */
  listEvents(k: ReturnKey): Promise<{ seq: number; event: ReviewEvent }[]>;

  getException(formId: string, fiscalYear: number, period: string, orgUnit: string): Promise<LockException | null>;
  listExceptions(formId: string, fiscalYear: number, period: string): Promise<LockException[]>;
  /** Grants (or grants again) a unit's exception for a closed period, and records it. */
  putException(formId: string, fiscalYear: number, period: string, x: LockException, event: ReviewEvent): Promise<void>;
  /** The exception entries of a unit's period, oldest first. */
  listExceptionEvents(formId: string, fiscalYear: number, period: string, orgUnit: string): Promise<ReviewEvent[]>;
}
