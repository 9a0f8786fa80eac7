import type { Grid } from '../sheet/grid';
import { addressOf, cellAt } from '../sheet/grid';
import type { RawCell, RawField } from './locatedReturn';

/** The raw content of one table cell: a plain value unless an error, a pending formula or a percent format matter. */
export function rawCell(grid: Grid, row: number, col: number): RawCell {
  const cell = cellAt(grid, row, col);
  if (!cell) return null;
  const v = typeof cell.value === 'string' ? cell.value.trim() : cell.value;
  if (!cell.error && !cell.uncomputed && !(cell.numFmt && cell.numFmt.includes('%'))) return v;
  const d: RawCell = { v };
  if (cell.error) d.err = cell.error;
  if (cell.uncomputed) d.uncomputed = true;
  if (cell.numFmt) d.fmt = cell.numFmt;
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
