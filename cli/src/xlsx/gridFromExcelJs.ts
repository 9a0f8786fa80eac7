import type ExcelJS from 'exceljs';
import type { Cell, Grid } from '@returns-hub/shared/sheet/grid';
import { dateToSerial, makeGrid } from '@returns-hub/shared/sheet/grid';
import { parseRange } from '@returns-hub/shared/sheet/address';

/** ExcelJS cell value → the grid's Cell (dates become serials, formulas their result, rich text its text). */
function toCell(c: ExcelJS.Cell): Cell | undefined {
  const v = c.value as unknown;
  const numFmt = c.numFmt && c.numFmt !== 'General' ? c.numFmt : undefined;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, numFmt };
  if (typeof v === 'string') return v.trim() === '' ? undefined : { value: v, numFmt };
  if (v instanceof Date) return { value: dateToSerial(v), numFmt: numFmt ?? 'yyyy-mm-dd' };
  const o = v as Record<string, unknown>;
  if ('error' in o) return { value: null, error: String(o.error) };
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result as unknown;
    if (r === undefined || r === null) return { value: null, formula: true, uncomputed: true };
    if (typeof r === 'object' && r !== null && 'error' in (r as object)) return { value: null, formula: true, error: String((r as { error: unknown }).error) };
    if (r instanceof Date) return { value: dateToSerial(r), numFmt: numFmt ?? 'yyyy-mm-dd', formula: true };
    return { value: r as number | string | boolean, numFmt, formula: true };
  }
  if ('richText' in o && Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join(''), numFmt };
  if ('text' in o) return { value: String(o.text), numFmt };
  return { value: String(v), numFmt };
}

/**
 * Builds the reader's grid from an ExcelJS worksheet. ExcelJS repeats a merged range's
 * value in every cell of it; office.js does not. The grid follows office.js: only the
 * top-left cell of a merge holds the value.
 */
export function gridFromWorksheet(ws: ExcelJS.Worksheet, maxCells = Infinity): Grid {
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m) => m !== null);
  const slaves = new Set<string>();
  for (const m of merges) for (let r = m!.top; r <= m!.bottom; r++) for (let c = m!.left; c <= m!.right; c++) if (r !== m!.top || c !== m!.left) slaves.add(`${r},${c}`);
  const rows: (Cell | undefined)[][] = [];
  let cells = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (cells > maxCells) return;
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (slaves.has(`${rowNumber - 1},${colNumber - 1}`)) return;
      const cell = toCell(c);
      if (cell) {
        out[colNumber - 1] = cell;
        cells++;
      }
    });
    rows[rowNumber - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return makeGrid(ws.name, rows, merges as NonNullable<(typeof merges)[number]>[]);
}
