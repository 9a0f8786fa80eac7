import type { Cell, Grid } from '@returns-hub/shared/sheet/grid';
import { makeGrid } from '@returns-hub/shared/sheet/grid';
import { parseRange, splitSheetAddress } from '@returns-hub/shared/sheet/address';

/** What one `sync` of the used range brings back from office.js. */
export interface UsedRangeData {
  sheet: string;
  /** 0-based position of the used range's top-left cell. */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: string[][];
  /** Merged areas, e.g. `Sheet1!A1:E1, Sheet1!A2:E2` (office.js RangeAreas.address), or null. */
  mergedAddress: string | null;
}

/** `'My sheet'!A1:E1, Sheet1!B2` → [`A1:E1`, `B2`] */
export function splitAreas(address: string | null): string[] {
  if (!address) return [];
  return address.split(/,\s*/).map((a) => splitSheetAddress(a).cell);
}

/**
 * Builds the reader's grid from office.js arrays (values, valueTypes, numberFormat),
 * placed at the used range's real position so addresses match the sheet.
 */
export function gridFromExcelValues(d: UsedRangeData): Grid {
  const rows: (Cell | undefined)[][] = Array.from({ length: d.rowIndex }, () => []);
  d.values.forEach((row, r) => {
    const out: (Cell | undefined)[] = new Array(d.columnIndex);
    row.forEach((v, c) => {
      const type = d.valueTypes[r]?.[c];
      const fmt = d.numberFormat[r]?.[c];
      const numFmt = fmt && fmt !== 'General' ? fmt : undefined;
      if (type === 'Error') out[d.columnIndex + c] = { value: null, error: String(v) };
      else if (type === 'Empty' || v === '' || v === null || v === undefined) out[d.columnIndex + c] = undefined;
      else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') out[d.columnIndex + c] = { value: v, numFmt };
      else out[d.columnIndex + c] = { value: String(v), numFmt };
    });
    rows.push(out);
  });
  const merges = splitAreas(d.mergedAddress)
    .map(parseRange)
    .filter((m) => m !== null);
  return makeGrid(d.sheet, rows, merges);
}
