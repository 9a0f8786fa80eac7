import type { Grid } from '../sheet/grid';
import { addressOf, cellAt } from '../sheet/grid';
import type { RawValue } from './locatedReturn';

/** The raw content of one cell, with its address. */
export function rawValue(grid: Grid, row: number, col: number): RawValue {
  const cell = cellAt(grid, row, col);
  const raw: RawValue = { cell: addressOf(grid, row, col), v: cell ? cell.value : null };
  if (typeof raw.v === 'string') raw.v = raw.v.trim();
  if (cell?.error) raw.err = cell.error;
  if (cell?.uncomputed) raw.uncomputed = true;
  if (cell?.numFmt && cell.numFmt !== 'General') raw.fmt = cell.numFmt;
  return raw;
}
