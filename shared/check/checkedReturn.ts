import type { Issue } from '../issues/issue';
import { addressPrefix } from '../sheet/address';

/** A value as the checker and the consolidation use it: number, ISO date, boolean, org-unit code or text. */
export type Value = number | string | boolean;

export interface TypedRow {
  /** 1-based sheet row. */
  row: number;
  kind: 'item' | 'total';
  values: Record<string, Value | null>;
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
  fields: Record<string, Value | null>;
  /** Where each record field stands (`Sheet!C14`). */
  fieldCells: Record<string, string>;
  /** Column letters of the table, to address its cells. */
  columns: Record<string, string>;
  firstColumn: string;
  rows: TypedRow[];
  issues: Issue[];
}

/** What addressing a return's cells needs. */
export type Addressing = Pick<CheckedReturn, 'sheet' | 'fieldCells' | 'columns' | 'firstColumn'>;

/** The address of a record field, or of a table cell when a row is given. */
export function cellOf(ret: Addressing, id: string, row?: TypedRow): string {
  if (!row) return ret.fieldCells[id] ?? `${addressPrefix(ret.sheet)}A1`;
  return `${addressPrefix(ret.sheet)}${ret.columns[id] ?? ret.firstColumn}${row.row}`;
}

/** The address a finding about a whole row points at: its first table cell. */
export function rowCell(ret: Addressing, row: TypedRow): string {
  return `${addressPrefix(ret.sheet)}${ret.firstColumn}${row.row}`;
}
