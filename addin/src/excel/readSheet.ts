import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { a1, sheetAddress } from '@returns-hub/shared/sheet/address';
import type { ExcelContext, ExcelRange, ExcelRangeAreas, ExcelWorksheet } from './excelApi';
import type { SheetChunk, SheetHead, SheetSink } from '../check/sheetChunk';

/** The most cells the pane reads from one sheet (Excel's own get limit for one range; a used range this large is mostly empty formatting). */
export const MAX_READ_CELLS = 5_000_000;

/**
 * What one read asks Excel for: about 1 MB of response, a fifth of Excel on the web's 5 MB
 * limit, so cells of long Thai text still fit; and never more cells than the pane turns into
 * a grid part in one go without holding up the page.
 */
export const CHUNK_TARGET_BYTES = 1_000_000;
export const MAX_CHUNK_CELLS = 100_000;
/** The first chunk, before the sheet's bytes per row are known. */
export const FIRST_CHUNK_CELLS = 10_000;

export type SheetRead =
  | {
      ok: true;
      /** The sheet's stable id: later calls find it by this, even after a rename. */
      sheetId: string;
      sheet: string;
      rows: number;
      /** Requests it took (one for the used range, one per chunk and retry). */
      syncs: number;
      /** True when merged cells are unknown (before ExcelApi 1.13, or Excel would not list them): the grid has none, or only some. */
      mergesUnknown: boolean;
    }
  | { ok: false; issue: Issue };

export interface ReadOptions {
  /** The sheet to read, by id; the active sheet when absent. */
  sheetId?: string;
  /** ExcelApi 1.13: read merged areas with the values. */
  mergedAreas: boolean;
  /** ExcelApi 1.4: the used range as a null object on an empty sheet. */
  nullObjects: boolean;
  /** Bytes a response aims at (tests make it small to see many chunks). */
  targetBytes?: number;
  /** Reads the first rows of the used range only (a glance at which return a sheet holds). */
  maxRows?: number;
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
const codeOf = (e: unknown): string => (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : '');
/** Excel refused the size of what was asked: ask for less. */
const tooLarge = (e: unknown) => PAYLOAD_CODES.has(codeOf(e));
/** The clerk is typing in a cell: the whole batch is retried by the runner, never a chunk. */
const cellEdit = (e: unknown) => codeOf(e) === 'InvalidOperationInCellEditMode';

/** A rough upper bound of a chunk's response in bytes (UTF-8 JSON; Thai letters take 3 bytes). */
function bytesOf(c: Pick<SheetChunk, 'values' | 'valueTypes' | 'numberFormat'>): number {
  let n = 0;
  for (const grid of [c.values, c.valueTypes, c.numberFormat]) for (const row of grid) for (const v of row) n += typeof v === 'string' ? v.length * 3 + 3 : 12;
  return n;
}

const rangeOf = (ws: ExcelWorksheet, top: number, left: number, rows: number, cols: number) => ws.getRange(`${a1(top, left)}:${a1(top + rows - 1, left + cols - 1)}`);

/**
 * Reads a sheet's used range in chunks of rows, each one request sized by bytes, and hands
 * them to `sink` as they arrive: first the head (which sheet, how many rows), then each
 * chunk's values, value types (formula errors), number formats and merged areas. The first
 * request finds the used range; a chunk Excel refuses as too large is asked for again in
 * halves; the next chunk's rows follow from the bytes per row seen so far. Merged areas are
 * read with their chunk; where Excel will not list them (more than 512 in a range), in
 * smaller parts, and a single row it still refuses leaves the merges marked unknown. Never
 * addresses whole columns.
 */
export async function readSheet(context: ExcelContext, o: ReadOptions, sink: SheetSink): Promise<SheetRead> {
  let syncs = 0;
  const sync = async () => (syncs++, await context.sync());
  const worksheets = context.workbook.worksheets;
  const ws = o.sheetId ? worksheets.getItem(o.sheetId) : worksheets.getActiveWorksheet();
  ws.load(['id', 'name']);
  const used: ExcelRange = o.nullObjects ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
  used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount']);
  await sync();

  const empty = o.nullObjects && used.isNullObject;
  const head: SheetHead = {
    sheetId: ws.id,
    sheet: ws.name,
    rowIndex: empty ? 0 : used.rowIndex,
    columnIndex: empty ? 0 : used.columnIndex,
    rows: empty ? 0 : Math.min(used.rowCount, o.maxRows ?? Infinity),
    columns: empty ? 0 : used.columnCount,
  };
  if (!empty && o.maxRows === undefined && used.cellCount > MAX_READ_CELLS) {
    return { ok: false, issue: issueAt('error', 'sheet.too_large', sheetAddress(ws.name, 0, 0), { cells: used.cellCount, limit: MAX_READ_CELLS }) };
  }
  sink.head(head);

  const target = o.targetBytes ?? CHUNK_TARGET_BYTES;
  const cols = Math.max(1, head.columns);
  const maxRows = Math.max(1, Math.floor(MAX_CHUNK_CELLS / cols));
  let rowsPer = Math.min(maxRows, Math.max(1, Math.floor(FIRST_CHUNK_CELLS / cols)));
  /** Rows a chunk may have: lowered for good when Excel refuses a chunk as too large. */
  let ceiling = maxRows;
  let mergesUnknown = !o.mergedAreas;

  /** Merged areas of some rows, in halves where Excel will not list them; a row it still refuses leaves them unknown. */
  const mergesOf = async (top: number, rows: number): Promise<string[]> => {
    const areas = rangeOf(ws, top, head.columnIndex, rows, cols).getMergedAreasOrNullObject();
    areas.load(['address']);
    try {
      await sync();
      return listAreas(areas);
    } catch (e) {
      if (cellEdit(e)) throw e;
      if (rows === 1) {
        mergesUnknown = true;
        return [];
      }
      const half = Math.ceil(rows / 2);
      return [...(await mergesOf(top, half)), ...(await mergesOf(top + half, rows - half))];
    }
  };

  /** One chunk's cells (and merged areas) asked for: new proxies each time, as a failed sync leaves its own unusable. */
  const ask = (top: number, rows: number, withMerges: boolean) => {
    const range = rangeOf(ws, top, head.columnIndex, rows, cols);
    range.load(['values', 'valueTypes', 'numberFormat']);
    const areas = withMerges ? range.getMergedAreasOrNullObject() : null;
    areas?.load(['address']);
    return { range, areas };
  };

  for (let at = 0; at < head.rows;) {
    const n = Math.min(rowsPer, head.rows - at);
    const top = head.rowIndex + at;
    let { range, areas } = ask(top, n, o.mergedAreas);
    let merges: string[];
    try {
      await sync();
      merges = areas ? listAreas(areas) : [];
    } catch (e) {
      if (cellEdit(e)) throw e;
      if (tooLarge(e) && n > 1) {
        rowsPer = ceiling = Math.ceil(n / 2);
        continue;
      }
      if (!areas) throw e;
      // Perhaps only the merged areas were refused: the cells alone, then the merges in parts.
      ({ range, areas } = ask(top, n, false));
      await sync();
      merges = await mergesOf(top, n);
    }
    const { values, valueTypes, numberFormat } = range;
    if (!values || !valueTypes || !numberFormat) {
      return { ok: false, issue: issueAt('error', 'sheet.too_large', sheetAddress(ws.name, 0, 0), { cells: head.rows * head.columns, limit: MAX_READ_CELLS }) };
    }
    const chunk: SheetChunk = { rowIndex: top, columnIndex: head.columnIndex, values, valueTypes, numberFormat, merges };
    sink.chunk(chunk);
    at += n;
    rowsPer = Math.min(ceiling, Math.max(1, Math.floor((n * target) / Math.max(1, bytesOf(chunk)))));
  }
  return { ok: true, sheetId: head.sheetId, sheet: head.sheet, rows: head.rows, syncs, mergesUnknown };
}

/** `Sheet1!A1:E1, Sheet1!A2:E2` → [`A1:E1`, `A2:E2`]. */
function listAreas(areas: ExcelRangeAreas): string[] {
  if (areas.isNullObject) return [];
  return areas.address.split(/,\s*/).map((a) => a.slice(a.lastIndexOf('!') + 1));
}
