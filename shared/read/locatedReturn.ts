/**
 * What the reader found in a sheet for one return, before any value is interpreted:
 * raw cell contents, located by address. This is what the add-in and the CLI send to
 * the server, which interprets and checks it again with the same code.
 *
 * Table cells are plain values (a register has many); their address is derived from
 * the column's letters and the row number, only when a finding needs it.
 */
export type Scalar = number | string | boolean | null;

/** A cell's content when more than its value matters. */
export interface RawDetail {
  v: Scalar;
  /** Formula error shown in the cell (`#REF!`). */
  err?: string;
  /** A formula whose result was never computed. */
  uncomputed?: boolean;
  /** Excel number format, kept when it changes the meaning (a percent format). */
  fmt?: string;
  /** A unit written in a unit column beside the value (`บาท`, `ล้านบาท`). */
  unit?: string;
  /** A plain number from a 1904-system workbook: read as a date, it counts days from 1904-01-01. */
  date1904?: boolean;
}

/** A table cell: its value, or the detail when there is more to it. */
export type RawCell = Scalar | RawDetail;

/** A record field: its content and where it stands. */
export interface RawField extends RawDetail {
  /** `Sheet!C14` */
  cell: string;
}

export interface RawRow {
  /** 1-based sheet row. */
  row: number;
  kind: 'item' | 'total';
  values: Record<string, RawCell>;
}

export interface RawTable {
  /** field id → column letters (`C`). */
  columns: Record<string, string>;
  /** Letters of the table's first column: where a finding about a whole row points. */
  firstColumn: string;
  rows: RawRow[];
}

export interface LocatedReturn {
  formId: string;
  sheet: string;
  /** Title texts above the data (they state the fiscal year and quarter), with the cell of the first. */
  titles: string[];
  titleCell: string;
  fields: Record<string, RawField>;
  table?: RawTable;
}
