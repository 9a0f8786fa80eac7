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

function headerCandidate(grid: Grid, index: LabelIndex, top: number, bottom: number | null, cols: number) {
  const columns = new Map<string, number>();
  const unknown: { col: number; text: string }[] = [];
  const duplicates: { col: number; id: string }[] = [];
  let topUsed = false;
  for (let c = 0; c < cols; c++) {
    const t = shownText(grid, top, c);
    const b = bottom === null ? '' : shownText(grid, bottom, c);
    const texts = b && b !== t ? [b, `${t} ${b}`, t] : [t];
    let id: string | null = null;
    for (const text of texts) {
      if (text && (id = index.match(text))) {
        if (text !== b || b === t) topUsed = true; // a vertically merged cell is the top row's
        break;
      }
    }
    if (id) {
      if (columns.has(id)) duplicates.push({ col: c, id });
      else columns.set(id, c);
    } else if (t || b) unknown.push({ col: c, text: b && b !== t ? `${t} ${b}`.trim() : t });
  }
  return { columns, unknown, duplicates, topUsed };
}

/** A two-row header has a group label on top of different sub-labels somewhere. */
function hasGroupLabel(grid: Grid, top: number, bottom: number, cols: number): boolean {
  for (let c = 0; c < cols; c++) {
    const t = shownText(grid, top, c);
    const b = shownText(grid, bottom, c);
    if (t && b && t !== b) return true;
  }
  return false;
}

/**
 * Finds the header row (or two-row header: a merged group label over sub-labels) that
 * names the most columns, all required ones included. Columns may be in any order.
 */
export function findTable(grid: Grid, table: TableDef, index: LabelIndex): FoundTable | null {
  const cols = colCount(grid);
  const last = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  let best: FoundTable | null = null;
  for (let r = 0; r < last; r++) {
    const options: [1 | 2, ReturnType<typeof headerCandidate>][] = [[1, headerCandidate(grid, index, r, null, cols)]];
    if (r + 1 < grid.rows.length && hasGroupLabel(grid, r, r + 1, cols)) options.push([2, headerCandidate(grid, index, r, r + 1, cols)]);
    for (const [rows, cand] of options) {
      // A two-row header whose top row names nothing is a title row above a one-row header.
      if ((rows === 2 && !cand.topUsed) || !table.required.every((id) => cand.columns.has(id))) continue;
      if (!best || cand.columns.size > best.columns.size) {
        best = { headerTop: r, headerRows: rows, dataStart: r + rows, columns: cand.columns, unknown: cand.unknown, duplicates: cand.duplicates };
      }
    }
  }
  return best;
}
