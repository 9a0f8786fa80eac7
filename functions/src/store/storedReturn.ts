import type { Issue } from '@returns-hub/shared/issues/issue';
import type { TypedRow, Value } from '@returns-hub/shared/check/checkedReturn';
import type { Contribution } from '@returns-hub/shared/consolidate/tally';
import type { ReturnKey } from './keys';
import type { CheckedWith } from '@returns-hub/shared/definitions/definitions';

/** One stored version of a return: its identity, provenance, record fields and its tally contribution. */
export interface StoredReturn extends ReturnKey {
  version: number;
  /** Rows of this version live in a partition of their own, named by this id. */
  writeId: string;
  submittedAt: string;
  submittedBy: string;
  fileName: string;
  sheet: string;
  /** The caller-scoped idempotency key of the request that stored it (`<caller>|<key>`). */
  idempotencyKey: string | null;
  bodyHash: string;
  rowCount: number;
  warnings: number;
  fields: Record<string, Value | null>;
  fieldCells: Record<string, string>;
  columns: Record<string, string>;
  firstColumn: string;
  contribution: Contribution;
  /** Which definitions checked it: the version of its form and of its unit's org-unit tree (0: built in). */
  checkedWith: CheckedWith;
  /** Findings of the check (warnings and info; capped). */
  issues: Issue[];
}

/** A version's details: read for one return, not for lists and tallies. */
export const DETAIL_PROPS = ['fields', 'fieldCells', 'columns', 'issues'] as const;
export type DetailProp = (typeof DETAIL_PROPS)[number];

/** A version without its details: what lists, tallies and the history need. */
export type ReturnSummary = Omit<StoredReturn, DetailProp>;

export type { TypedRow };
