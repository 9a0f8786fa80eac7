import type { Grid } from '../sheet/grid';
import { colCount, shownText } from '../sheet/grid';
import type { TableDef } from '../forms/formDef';
import type { LabelIndex } from './labelIndex';

/** Where a form's table sits in a sheet. */
export interface FoundTable {
  headerTop: number;
  headerRows: 1 | 2;
  dataStart: number;
  /** field id → 0-based column */
  columns: Map<string, number>;
  unknown: { col: number; text: string }[];
  duplicates: { col: number; id: string }[];
}

/** The header may start anywhere in the first 30 rows. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * What the first rows of a sheet show, for finding a header in: each row's shown texts (merged
 * cells read through to their top-left) and whether a group label sits on the row below. The
 * same for every form tried on a sheet, so `locateSheet` makes it once and each form reads it.
 */
export interface HeaderRows {
  /** Shown texts of rows 0 … HEADER_SEARCH_ROWS (one more: a two-row header's second row), `cols` wide. */
  texts: string[][];
  /** Row r and row r + 1 form a group label over sub-labels somewhere. */
  grouped: boolean[];
}

export function headerRows(grid: Grid): HeaderRows {
  const cols = colCount(grid);
  const last = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  const texts: string[][] = [];
  for (let r = 0; r < Math.min(last + 1, grid.rows.length); r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) row.push(shownText(grid, r, c));
    texts.push(row);
  }
  const grouped: boolean[] = [];
  for (let r = 0; r < last; r++) grouped.push(r + 1 < grid.rows.length && hasGroupLabel(texts[r], texts[r + 1]));
  return { texts, grouped };
}

/** A two-row header has a group label on top of different sub-labels somewhere. */
function hasGroupLabel(top: string[], bottom: string[]): boolean {
  for (let c = 0; c < top.length; c++) if (top[c] && bottom[c] && top[c] !== bottom[c]) return true;
  return false;
}

/** The label a column's header gives: the sub-label, the group and sub-label together, then the group (one-row: its text). */
function columnLabel(index: LabelIndex, t: string, b: string): { id: string | null; fromTop: boolean } {
  if (b && b !== t) {
    for (const text of [b, `${t} ${b}`, t]) {
      const id = text ? index.match(text) : null;
      if (id) return { id, fromTop: text !== b }; // a vertically merged cell is the top row's
    }
    return { id: null, fromTop: false };
  }
  const id = t ? index.match(t) : null;
  return { id, fromTop: id !== null };
}

/** Whether a header at `top` (with `bottom` below, for two rows) names every required column: most rows name none, and build nothing. */
function namesRequired(index: LabelIndex, top: string[], bottom: string[] | null, required: readonly string[]): boolean {
  if (required.length === 0) return true;
  const named = new Set<string>();
  for (let c = 0; c < top.length; c++) {
    const { id } = columnLabel(index, top[c], bottom ? bottom[c] : '');
    if (id) named.add(id);
  }
  return required.every((id) => named.has(id));
}

function headerCandidate(index: LabelIndex, top: string[], bottom: string[] | null) {
  const columns = new Map<string, number>();
  const unknown: { col: number; text: string }[] = [];
  const duplicates: { col: number; id: string }[] = [];
  let topUsed = false;
  for (let c = 0; c < top.length; c++) {
    const t = top[c];
    const b = bottom ? bottom[c] : '';
    const { id, fromTop } = columnLabel(index, t, b);
    if (fromTop) topUsed = true;
    if (id) {
      if (columns.has(id)) duplicates.push({ col: c, id });
      else columns.set(id, c);
    } else if (t || b) unknown.push({ col: c, text: b && b !== t ? `${t} ${b}`.trim() : t });
  }
  return { columns, unknown, duplicates, topUsed };
}

/**
 * Finds the header row (or two-row header: a merged group label over sub-labels) that
 * names the most columns, all required ones included. Columns may be in any order.
 */
export function findTable(grid: Grid, table: TableDef, index: LabelIndex, rows: HeaderRows = headerRows(grid)): FoundTable | null {
  let best: FoundTable | null = null;
  for (let r = 0; r < rows.grouped.length; r++) {
    const options: [1 | 2, string[] | null][] = [[1, null]];
    if (rows.grouped[r]) options.push([2, rows.texts[r + 1]]);
    for (const [height, bottom] of options) {
      if (!namesRequired(index, rows.texts[r], bottom, table.required)) continue;
      const cand = headerCandidate(index, rows.texts[r], bottom);
      // A two-row header whose top row names nothing is a title row above a one-row header.
      if (height === 2 && !cand.topUsed) continue;
      if (!best || cand.columns.size > best.columns.size) {
        best = { headerTop: r, headerRows: height, dataStart: r + height, columns: cand.columns, unknown: cand.unknown, duplicates: cand.duplicates };
      }
    }
  }
  return best;
}
