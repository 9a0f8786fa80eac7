/**
 * A sheet as it travels from Excel to the checker: a head, then chunks of rows. The pane reads
 * them from office.js (excel/readSheet.ts) and hands them on as they arrive, to a Web Worker
 * or to an in-page checker; a page reading a file can hand over whole grids instead.
 */

/** Which sheet, and where its used range is (0-based). */
export interface SheetHead {
  /** The sheet's stable id (office.js `Worksheet.id`): later calls find it by this after a rename. */
  sheetId: string;
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rows: number;
  columns: number;
}

/** Rows of the used range as one office.js read brings them: values, value types (formula errors), number formats. */
export interface SheetChunk {
  /** 0-based position of the chunk's top-left cell on the sheet. */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: string[][];
  /** Merged areas overlapping these rows, as A1 ranges (`A1:E1`); an area spanning two chunks comes with both. */
  merges: string[];
}

/** Where a sheet's read goes, part by part. */
export interface SheetSink {
  head(h: SheetHead): void;
  chunk(c: SheetChunk): void;
}

/**
 * A chunk as it crosses to the checker: its values, and only the cells whose value type (an
 * error) or number format says more. Most cells are plain, and every string the page copies
 * to the worker costs it time: this copies a third of them.
 */
export interface PackedChunk {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  /** [row, column] within the chunk of each formula error (its text is its value). */
  errors: [number, number][];
  /** [row, column, format] within the chunk of each number format other than General. */
  formats: [number, number, string][];
  merges: string[];
}

export function packChunk(c: SheetChunk): PackedChunk {
  const errors: PackedChunk['errors'] = [];
  const formats: PackedChunk['formats'] = [];
  c.values.forEach((row, r) => {
    const types = c.valueTypes[r];
    const fmts = c.numberFormat[r];
    for (let k = 0; k < row.length; k++) {
      if (types?.[k] === 'Error') errors.push([r, k]);
      const f = fmts?.[k];
      if (f && f !== 'General') formats.push([r, k, f]);
    }
  });
  return { rowIndex: c.rowIndex, columnIndex: c.columnIndex, values: c.values, errors, formats, merges: c.merges };
}
