import type { Issue } from '@returns-hub/shared/issues/issue';
import type { TypedRow, Value } from '@returns-hub/shared/check/checkedReturn';
import type { Contribution } from '@returns-hub/shared/consolidate/tally';
import type { ReturnKey } from './keys';

/** One stored version of a return: its identity, provenance, record fields and its tally contribution. */
export interface StoredReturn extends ReturnKey {
  version: number;
  /** Rows of this version live in a partition of their own, named by this id. */
  writeId: string;
  submittedAt: string;
  submittedBy: string;
  fileName: string;
  sheet: string;
  idempotencyKey: string | null;
  bodyHash: string;
  rowCount: number;
  warnings: number;
  fields: Record<string, Value | null>;
  fieldCells: Record<string, string>;
  columns: Record<string, string>;
  firstColumn: string;
  contribution: Contribution;
  /** Findings of the check (warnings and info; capped). */
  issues: Issue[];
}

export type { TypedRow };
