import type { Severity } from '../issues/issue';

/**
 * Cross-field and cross-row rules, as data. Each kind is implemented once in
 * `check/rules.ts`; a form lists the ones it needs with its own field ids.
 */
export type RuleDef =
  /** parts add up to total (record fields). */
  | { kind: 'sumEquals'; parts: string[]; total: string; severity: Severity }
  /** parts add up to at most limit; reported at `at`. A missing limit counts as 0. */
  | { kind: 'sumAtMost'; parts: string[]; limit: string; at: string; severity: Severity }
  /** result, when given, equals from − minus… */
  | { kind: 'differenceEquals'; result: string; from: string; minus: string[]; severity: Severity }
  /** field must be given when `when` is yes. */
  | { kind: 'requiredWhen'; field: string; when: string; severity: Severity }
  /** date `from` on or before date `to`. */
  | { kind: 'dateOrder'; from: string; to: string; severity: Severity }
  /** The agency code inside `field` (a project code) must belong to the reporting unit. */
  | { kind: 'agencyMatchesOrgUnit'; field: string; severity: Severity }
  /** Per table row: parts add up to total, when any part is given. */
  | { kind: 'rowSumEquals'; parts: string[]; total: string; severity: Severity }
  /** No two rows share a value of column. */
  | { kind: 'unique'; column: string; severity: Severity }
  /** A row with its key and nothing else. */
  | { kind: 'emptyRow'; severity: Severity }
  /** Rows with data must give column. */
  | { kind: 'rowRequired'; column: string; severity: Severity }
  /** column must not fall between rows ordered by `orderBy` (first column present in both rows wins). */
  | { kind: 'nonDecreasing'; column: string; orderBy: string[]; severity: Severity }
  /** column's dates inside the fiscal year and between the record's start and end dates. */
  | { kind: 'dateInPeriod'; column: string; start?: string; end?: string; severity: Severity }
  /** Σ column ≤ limit field, unless the limit is 0 or missing. */
  | { kind: 'columnSumAtMost'; column: string; limit: string; severity: Severity }
  /** Σ column = field, when field is given. */
  | { kind: 'columnSumEquals'; column: string; field: string; severity: Severity }
  /** Key column values must be in the form's catalog. */
  | { kind: 'knownItem'; severity: Severity }
  /** Cumulative result = previous quarter's cumulative + this quarter (Q1: = this quarter). */
  | { kind: 'cumulative'; result: string; cumulative: string; severity: Severity };
