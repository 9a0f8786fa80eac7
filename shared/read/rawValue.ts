import type { Grid } from '../sheet/grid';
import { addressOf, cellAt } from '../sheet/grid';
import { showsCalendarDate } from '../sheet/dateFormats';
import type { RawCell, RawField } from './locatedReturn';

/** The serial of 2400-01-01: a date cell at or past it holds a Buddhist-era year that was typed as CE. */
export const BE_YEAR_SERIALS = 182_623;

/**
 * The raw content of one table cell: a plain value unless more matters to its meaning: an
 * error, a pending formula, a percent format, a date format on a serial from year 2400 on
 * (a BE year typed into a date cell), or a 1904-system workbook's plain number (as a date,
 * it counts from 1904).
 */
export function rawCell(grid: Grid, row: number, col: number): RawCell {
  const cell = cellAt(grid, row, col);
  if (!cell) return null;
  const v = typeof cell.value === 'string' ? cell.value.trim() : cell.value;
  const fmt = cell.numFmt;
  const number = typeof v === 'number';
  const from1904 = number && grid.date1904 === true && !showsCalendarDate(fmt);
  const beYear = number && v >= BE_YEAR_SERIALS && fmt !== undefined && showsCalendarDate(fmt);
  if (!cell.error && !cell.uncomputed && !(fmt && fmt.includes('%')) && !from1904 && !beYear) return v;
  const d: RawCell = { v };
  if (cell.error) d.err = cell.error;
  if (cell.uncomputed) d.uncomputed = true;
  if (fmt) d.fmt = fmt;
  if (from1904) d.date1904 = true;
  return d;
}

/** A cell's content as a record field, with its address. */
export function fieldOf(c: RawCell, cell: string): RawField {
  return c !== null && typeof c === 'object' ? { cell, ...c } : { cell, v: c };
}

/** A record field's raw content with its address. */
export function rawField(grid: Grid, row: number, col: number): RawField {
  return fieldOf(rawCell(grid, row, col), addressOf(grid, row, col));
}
