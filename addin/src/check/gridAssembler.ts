import type { Cell, Grid } from '@returns-hub/shared/sheet/grid';
import { makeGrid } from '@returns-hub/shared/sheet/grid';
import { packChunk, type PackedChunk, type SheetChunk, type SheetHead, type SheetSink } from './sheetChunk';

/** One row of office.js values as the reader's cells, placed at their real columns, with the row's errors and number formats. */
function rowOf(values: unknown[], errors: Set<number> | undefined, formats: Map<number, string> | undefined, columnIndex: number): (Cell | undefined)[] {
  const out: (Cell | undefined)[] = new Array(columnIndex);
  values.forEach((v, c) => {
    const numFmt = formats?.get(c);
    if (errors?.has(c)) out[columnIndex + c] = { value: null, error: String(v) };
    else if (v === '' || v === null || v === undefined) out[columnIndex + c] = undefined;
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') out[columnIndex + c] = { value: v, numFmt };
    else out[columnIndex + c] = { value: String(v), numFmt };
  });
  return out;
}

/**
 * Builds the reader's grid from a sheet's head and chunks, in any order, each placed at its
 * real position so that addresses match the sheet. Runs wherever the checker runs.
 */
export class GridAssembler implements SheetSink {
  private name = '';
  private rows: (Cell | undefined)[][] = [];
  private merges = new Set<string>();

  head(h: SheetHead): void {
    this.name = h.sheet;
    this.rows = Array.from({ length: h.rowIndex + h.rows }, () => []);
    this.merges.clear();
  }

  chunk(c: SheetChunk): void {
    this.packed(packChunk(c));
  }

  packed(c: PackedChunk): void {
    const errors = new Map<number, Set<number>>();
    for (const [r, k] of c.errors) errors.set(r, (errors.get(r) ?? new Set()).add(k));
    const formats = new Map<number, Map<number, string>>();
    for (const [r, k, f] of c.formats) formats.set(r, (formats.get(r) ?? new Map()).set(k, f));
    c.values.forEach((row, r) => (this.rows[c.rowIndex + r] = rowOf(row, errors.get(r), formats.get(r), c.columnIndex)));
    for (const m of c.merges) this.merges.add(m);
  }

  grid(): Grid {
    return makeGrid(this.name, this.rows, [...this.merges]);
  }
}

/** A grid from one head and its chunks (tests, and a sheet read whole). */
export function gridOf(head: SheetHead, chunks: readonly SheetChunk[]): Grid {
  const a = new GridAssembler();
  a.head(head);
  for (const c of chunks) a.chunk(c);
  return a.grid();
}
