import type { Issue } from '../issues/issue';
import type { TypedValue } from './interpretValue';

export interface TypedRow {
  cell: string;
  kind: 'item' | 'total';
  values: Record<string, TypedValue>;
}

/** A return after interpretation and checking: who, when, what, and every finding. */
export interface CheckedReturn {
  formId: string;
  sheet: string;
  /** Org-unit code (`1045`, `N`), null when it could not be told. */
  orgUnit: string | null;
  /** Buddhist Era fiscal year. */
  fiscalYear: number | null;
  /** `FY` for yearly returns, `Q1`–`Q4` for quarterly ones. */
  period: string | null;
  /** What the return is about when a unit sends several per period (a project code). */
  subject: string | null;
  fields: Record<string, TypedValue>;
  rows: TypedRow[];
  issues: Issue[];
}
