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

/**
 * What lists, tallies and the history read of a version: its identity, provenance and tally
 * contribution. Everything else in a record is its details, read for one return only: a field
 * added to stored versions is kept (as a detail) without the store naming it.
 */
export const SUMMARY_PROPS = [
  'formId',
  'fiscalYear',
  'period',
  'orgUnit',
  'subject',
  'version',
  'writeId',
  'submittedAt',
  'submittedBy',
  'fileName',
  'sheet',
  'idempotencyKey',
  'bodyHash',
  'rowCount',
  'warnings',
  'firstColumn',
  'contribution',
] as const satisfies readonly (keyof StoredReturn)[];
export type SummaryProp = (typeof SUMMARY_PROPS)[number];

/** A version without its details: what lists, tallies and the history need. */
export type ReturnSummary = Pick<StoredReturn, SummaryProp>;
/** A version's details. */
export type ReturnDetails = Omit<StoredReturn, SummaryProp>;

/** A record split into its summary and its details. */
export function splitRecord(r: StoredReturn): { summary: ReturnSummary; details: ReturnDetails } {
  const summary = Object.fromEntries(SUMMARY_PROPS.map((k) => [k, r[k]])) as ReturnSummary;
  const details = Object.fromEntries(Object.entries(r).filter(([k]) => !(SUMMARY_PROPS as readonly string[]).includes(k))) as ReturnDetails;
  return { summary, details };
}

export type { TypedRow };
