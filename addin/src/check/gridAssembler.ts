import type { Cell, Grid } from '@returns-hub/shared/sheet/grid';
import { makeGrid } from '@returns-hub/shared/sheet/grid';
import type { SheetChunk, SheetHead, SheetSink } from './sheetChunk';

/** One row of office.js arrays as the reader's cells, placed at their real columns. */
function rowOf(values: unknown[], types: string[] | undefined, formats: string[] | undefined, columnIndex: number): (Cell | undefined)[] {
  const out: (Cell | undefined)[] = new Array(columnIndex);
  values.forEach((v, c) => {
    const type = types?.[c];
    const fmt = formats?.[c];
    const numFmt = fmt && fmt !== 'General' ? fmt : undefined;
    if (type === 'Error') out[columnIndex + c] = { value: null, error: String(v) };
    else if (type === 'Empty' || v === '' || v === null || v === undefined) out[columnIndex + c] = undefined;
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
    c.values.forEach((row, r) => (this.rows[c.rowIndex + r] = rowOf(row, c.valueTypes[r], c.numberFormat[r], c.columnIndex)));
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
