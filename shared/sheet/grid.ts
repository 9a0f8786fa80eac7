import { a1, addressPrefix, parseRange } from './address';

/** One cell as the reader sees it, whatever it came from (ExcelJS, office.js, a test). */
export interface Cell {
  /** The computed value: number (dates are Excel serials), string, boolean, or null when blank. */
  value: number | string | boolean | null;
  /** Excel number format, e.g. "d/m/yyyy" or "#,##0"; tells a date serial from a number. */
  numFmt?: string;
  /** A formula error such as "#REF!" (value is then null). */
  error?: string;
  /** True when the cell holds a formula. */
  formula?: boolean;
  /** True when the cell holds a formula whose result was never computed (a file no spreadsheet saved). */
  uncomputed?: boolean;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet: a dense grid of cells (0-based) plus its merged ranges. */
export interface Grid {
  sheet: string;
  rows: (Cell | undefined)[][];
  merges: Rect[];
  /**
   * True when the workbook counts dates from 1904-01-01 (Excel for Mac's old default). Cells
   * formatted as dates are already 1900-system serials, as every grid's dates are; a plain
   * number read as a date must add 1,462 days (see `DAYS_1904`). Absent: the 1900 system.
   */
  date1904?: boolean;
}

/** Days between the 1900 and 1904 date systems' day zero. */
export const DAYS_1904 = 1462;

export function makeGrid(sheet: string, rows: (Cell | undefined)[][], merges: (Rect | string)[] = [], date1904 = false): Grid {
  const rects = merges.map((m) => (typeof m === 'string' ? parseRange(m) : m)).filter((m): m is Rect => m !== null);
  return date1904 ? { sheet, rows, merges: rects, date1904 } : { sheet, rows, merges: rects };
}

/** Builds a grid from plain values, row by row: handy for tests and for office.js `values` arrays. */
export function gridFromValues(sheet: string, values: unknown[][], merges: (Rect | string)[] = []): Grid {
  const rows = values.map((row) =>
    row.map((v): Cell | undefined => {
      if (v === null || v === undefined || v === '') return undefined;
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
      if (v instanceof Date) return { value: dateToSerial(v), numFmt: 'yyyy-mm-dd' };
      return { value: String(v) };
    }),
  );
  return makeGrid(sheet, rows, merges);
}

export function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.rows[row]?.[col];
}

export function rowCount(grid: Grid): number {
  return grid.rows.length;
}

export function colCount(grid: Grid): number {
  let n = 0;
  for (const r of grid.rows) if (r && r.length > n) n = r.length;
  return n;
}

export function isBlank(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.error) return false;
  if (cell.value === null) return !cell.uncomputed;
  return typeof cell.value === 'string' && cell.value.trim() === '';
}

/** The display text of a cell's value, trimmed ("" when blank). */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return cell?.error ?? '';
  return String(cell.value).trim();
}

/** The merged range whose top-left is not (row, col) but which covers it, if any. */
export function mergeCovering(grid: Grid, row: number, col: number): Rect | undefined {
  return grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** The text shown at (row, col), looking through merges to the range's top-left cell. */
export function shownText(grid: Grid, row: number, col: number): string {
  const own = cellAt(grid, row, col);
  if (!isBlank(own)) return cellText(own);
  const m = mergeCovering(grid, row, col);
  return m ? cellText(cellAt(grid, m.top, m.left)) : '';
}

let lastSheet = '';
let lastPrefix = '';
/** `Sheet!C14` for a cell of this grid. */
export function addressOf(grid: Grid, row: number, col: number): string {
  if (grid.sheet !== lastSheet) {
    lastSheet = grid.sheet;
    lastPrefix = addressPrefix(grid.sheet);
  }
  return lastPrefix + a1(row, col);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
}
