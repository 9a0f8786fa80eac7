import type { Grid } from '@returns-hub/shared/sheet/grid';
import { readSheet, type ReadOptions, type SheetRead } from '@returns-hub/addin/excel/readSheet';
import type { ExcelContext } from '@returns-hub/addin/excel/excelApi';
import { GridAssembler } from '@returns-hub/addin/check/gridAssembler';
import type { SheetChunk } from '@returns-hub/addin/check/sheetChunk';
import { excelRunner, type ExcelRunner } from '@returns-hub/addin/excel/excelRunner';
import { excelPort } from '@returns-hub/addin/excel/excelPort';
import type { ExcelPort } from '@returns-hub/addin/pane/excelPort';
import { FakeBook, type FakeSets } from './fakeBook';
import { fakeHost, EXCEL_ENUMS } from './fakeHost';
import { FakeContext } from './fakeContext';

/** The office.js enumerations on globalThis.Excel, for Excel-layer code that names them (the tally writer). */
export function installExcelEnums(): void {
  Object.assign(globalThis, { Excel: EXCEL_ENUMS });
}

/** Everything a Jest test needs over one fake workbook: the book, a request context, the runner and the pane's port. */
export function fakeExcel(grids: readonly Grid[] = [], o: { sets?: FakeSets; retryMs?: number[] } = {}): { book: FakeBook; context: FakeContext; runner: ExcelRunner; port: ExcelPort } {
  const book = FakeBook.fromGrids(grids, o.sets);
  const runner = excelRunner(fakeHost(book), { wait: async () => undefined, retryMs: o.retryMs });
  return { book, context: new FakeContext(book), runner, port: excelPort(runner) };
}

/** Reads a sheet through the Excel layer and puts the grid together, as the checker would: the read, the grid, the chunks. */
export async function readGrid(context: ExcelContext, o: ReadOptions): Promise<{ read: SheetRead; grid: Grid; chunks: SheetChunk[] }> {
  const a = new GridAssembler();
  const chunks: SheetChunk[] = [];
  const read = await readSheet(context, o, { head: (h) => a.head(h), chunk: (c) => (chunks.push(c), a.chunk(c)) });
  return { read, grid: a.grid(), chunks };
}
