import type { Issue } from '@returns-hub/shared/issues/issue';
import type { YearDefinitions } from '@returns-hub/shared/definitions/versionsByYear';

/**
 * What the clerk's page and its file worker say to each other. The page hands over a file's
 * bytes; the worker reads them into grids (the same readers as the CLI), checks every sheet
 * with the shared checker, keeps the grids, and answers with what the page shows: the returns
 * found, the findings, and the returns as Send posts them. The page then asks for the rows it
 * scrolls to, as text: it never holds a sheet's cells.
 */

/** A return found in a file, in the checker's terms (the page puts it into words) and as Send posts it. */
export interface FoundReturn {
  formId: string;
  orgUnit: string | null;
  fiscalYear: number | null;
  period: string | null;
  subject: string | null;
  /** Rows of its table (0 for a return of record fields only). */
  rows: number;
  errors: number;
  warnings: number;
  /** The located return as a request carries it, naming its file (JSON: the page never parses it). */
  json: string;
}

/** One sheet of a file: its size, what it holds, and everything the checker found in it. */
export interface SheetReading {
  sheet: string;
  formId: string | null;
  rows: number;
  /** Columns the rendering shows (at most MAX_SHOWN_COLUMNS); `allColumns` the sheet has. */
  columns: number;
  allColumns: number;
  /** Width of each shown column, in characters of its widest text among the first rows. */
  widths: number[];
  returns: FoundReturn[];
  /** The sheet's findings and its returns', errors first. */
  issues: Issue[];
}

/** A file read and checked, or the one finding that says why it could not be read. */
export interface FileReading {
  /** The format its bytes are (`xlsx`, `xls`, `ods`, `csv`, …), when it could be told. */
  format?: string;
  sheets: SheetReading[];
  /** Findings about the file as a whole (unreadable, password-protected, no form in it). */
  issues: Issue[];
}

/** One shown cell: its text as the spreadsheet shows it; `spill` when its text may run over empty cells to its right. */
export interface ShownCell {
  text: string;
  spill?: boolean;
  /** Right-aligned as a spreadsheet aligns numbers and dates. */
  number?: boolean;
  /** A report sheet's own styling (the totals headquarters prints): bold, and a fill `#RRGGBB`. */
  bold?: boolean;
  fill?: string;
}

export type ToFiles =
  /** Read and check a file: the page hands over the file itself (a handle; the worker reads its bytes). */
  | { type: 'read'; id: string; name: string; file: Blob }
  /** Rows `from`…`from + count - 1` (0-based) of a file's sheet, as text. */
  | { type: 'rows'; id: string; file: string; sheet: number; from: number; count: number }
  /** The clerk took the file away: its grids go. */
  | { type: 'forget'; file: string }
  /** A fiscal year's forms and units as headquarters published them (the page loaded them from the API). */
  | { type: 'definitions'; fiscalYear: number; year: YearDefinitions }
  /** Check a file read before again (its grids are kept), with the definitions given since. */
  | { type: 'recheck'; id: string; name: string };

export type FromFiles =
  /** How far a read has come: `reading` the bytes (fraction of the file), then `checking` each sheet. */
  | { type: 'progress'; id: string; stage: 'reading' | 'checking'; done: number; total: number }
  | { type: 'read'; id: string; reading: FileReading }
  | { type: 'rows'; id: string; rows: ShownCell[][] }
  /** The worker could not do it (a fault of ours, not of the file: the file's faults are findings). */
  | { type: 'failed'; id: string; message: string };

/** Columns a sheet is shown with: a return has a few dozen; a sheet of 16,384 columns is shown in part and says so. */
export const MAX_SHOWN_COLUMNS = 200;
