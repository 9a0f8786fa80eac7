/**
 * What the reader found in a sheet for one return, before any value is interpreted:
 * each field's raw cell content with its address. This is what the add-in and the CLI
 * send to the server, which interprets and checks it again with the same code.
 */
export interface RawValue {
  /** `Sheet!C14` */
  cell: string;
  v: number | string | boolean | null;
  /** Formula error shown in the cell (`#REF!`). */
  err?: string;
  /** A formula whose result was never computed. */
  uncomputed?: boolean;
  /** Excel number format, when not General. */
  fmt?: string;
  /** A unit written in a unit column beside the value (`บาท`, `ล้านบาท`). */
  unit?: string;
}

export interface RawRow {
  /** Address of the row's first table cell: where a finding about the whole row points. */
  cell: string;
  kind: 'item' | 'total';
  values: Record<string, RawValue>;
}

export interface LocatedReturn {
  formId: string;
  sheet: string;
  /** Title texts above the data (they state the fiscal year and quarter), with the cell of the first. */
  titles: string[];
  titleCell: string;
  fields: Record<string, RawValue>;
  rows: RawRow[];
}
