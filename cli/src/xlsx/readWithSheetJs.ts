import type { CellObject, WorkBook } from '@e965/xlsx';
import type { Cell, Grid, Rect } from '@returns-hub/shared/sheet/grid';
import { makeGrid } from '@returns-hub/shared/sheet/grid';
import type { GridsRead } from './workbookRead';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { isDateFormat } from './numberFormats';
import { MAX_COLS, MAX_ROWS, MAX_SHEET_CELLS } from './readLimits';

/**
 * Reads .xls (BIFF8, and BIFF5) and .ods through SheetJS Community Edition into grids.
 * These files are at most MAX_FILE_BYTES and SheetJS holds them whole; rows past Excel's
 * bound are never built (`sheetRows`), and the cell cap is applied per sheet.
 */

const DAYS_1904 = 1462;
/** BIFF error codes, as SheetJS gives them for error cells. */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/**
 * SheetJS's cell → the grid's. Three ODS cases are read as Calc shows them, since SheetJS
 * drops what tells them apart: a formula's FALSE/TRUE (stored as 0/1 with a boolean
 * style), a percent cell (`office:value-type="percentage"`; SheetJS keeps only the
 * shown text "66.56%"), and a formula's "" (stored with no value at all, which every
 * ODS writer does only for that result).
 */
function toCell(c: CellObject, date1904: boolean, ods: boolean): Cell | undefined {
  let numFmt = c.z === undefined || c.z === 'General' ? undefined : String(c.z);
  const f = c.f !== undefined ? { formula: true } : undefined;
  if (ods && c.t === 'n' && f && (c.w === 'TRUE' || c.w === 'FALSE')) return { value: c.w === 'TRUE', formula: true };
  if (ods && c.t === 'n' && numFmt === undefined && typeof c.w === 'string' && c.w.trim().endsWith('%')) numFmt = '0.00%';
  switch (c.t) {
    case 'z':
      // A stub: with a formula it is one whose result was never stored (in ODS, the result "").
      if (f && ods) return { value: '', formula: true };
      return f ? { value: null, formula: true, uncomputed: true } : undefined;
    case 'e':
      return { value: null, error: typeof c.v === 'number' ? (ERRORS[c.v] ?? '#N/A') : String(c.w ?? c.v ?? '#N/A'), ...f };
    case 'b':
      return { value: Boolean(c.v), numFmt, ...f };
    case 'n': {
      const n = Number(c.v);
      return { value: date1904 && isDateFormat(numFmt) ? n + DAYS_1904 : n, numFmt, ...f };
    }
    case 'd':
      return c.v instanceof Date ? { value: (c.v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, numFmt: numFmt ?? 'yyyy-mm-dd', ...f } : undefined;
    default: {
      const s = c.v === undefined || c.v === null ? '' : String(c.v);
      return !f && s.trim() === '' ? undefined : { value: s, numFmt, ...f };
    }
  }
}

export async function readWithSheetJs(bytes: Buffer, file: string, format: 'xls' | 'ods'): Promise<GridsRead> {
  const XLSX = await import('@e965/xlsx');
  let wb: WorkBook;
  // SheetJS notes ODS conditional formats it approximates on console.error; they are not the user's concern.
  const consoleError = console.error;
  console.error = () => {};
  try {
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: true, cellNF: true, cellDates: false, sheetStubs: true, sheetRows: MAX_ROWS + 1 });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) return { ok: false, issue: issueAt('error', 'file.password_protected', file) };
    return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail: msg.split('\n')[0].slice(0, 120) }) };
  } finally {
    console.error = consoleError;
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const grids: Grid[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const data: CellObject[][] = ws['!data'] ?? [];
    if (data.length > MAX_ROWS) return { ok: false, issue: issueAt('error', 'sheet.beyond_limits', name, { row: data.length, col: 1, rows: MAX_ROWS, cols: MAX_COLS }) };
    const merges: Rect[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    const covered = new Set<number>();
    for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * MAX_COLS + c);
    const rows: (Cell | undefined)[][] = [];
    let cells = 0;
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      const out: (Cell | undefined)[] = [];
      if (src) {
        if (src.length > MAX_COLS) return { ok: false, issue: issueAt('error', 'sheet.beyond_limits', name, { row: r + 1, col: src.length, rows: MAX_ROWS, cols: MAX_COLS }) };
        for (let c = 0; c < src.length; c++) {
          const sc = src[c];
          if (!sc || covered.has(r * MAX_COLS + c)) continue;
          const cell = toCell(sc, date1904, format === 'ods');
          if (!cell) continue;
          if (++cells > MAX_SHEET_CELLS) return { ok: false, issue: issueAt('error', 'sheet.too_large', name, { cells, limit: MAX_SHEET_CELLS }) };
          out[c] = cell;
        }
      }
      rows.push(out);
    }
    grids.push(makeGrid(name, rows, merges));
  }
  return { ok: true, grids };
}
