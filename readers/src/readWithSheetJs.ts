import type { CellObject, ParsingOptions, WorkBook } from '@e965/xlsx';
import type { Cell, Grid, Rect } from '@returns-hub/shared/sheet/grid';
import { DAYS_1904, makeGrid } from '@returns-hub/shared/sheet/grid';
import type { GridsRead } from './workbookRead';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { showsCalendarDate } from './numberFormats';
import { MAX_COLS, MAX_ROWS, MAX_SHEET_CELLS } from './readLimits';
import { decodeMarkup } from './decodeMarkup';

/**
 * Reads through SheetJS Community Edition what our own reader does not: .xls (BIFF8, and
 * Excel 5/95's BIFF5 in its code page), .xlsb, .ods, and the two things web systems save as
 * ".xls": an HTML table and an Excel 2003 XML workbook. These files are at most
 * MAX_FILE_BYTES and SheetJS holds them whole; rows past Excel's bound are never built
 * (`sheetRows`), and the cell cap is applied per sheet. SheetJS's own error texts never reach
 * a user: a file it cannot decode is one finding in our words.
 */
export type SheetJsFormat = 'xls' | 'xlsb' | 'ods' | 'html' | 'spreadsheetml';

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
      return { value: date1904 && showsCalendarDate(numFmt) ? n + DAYS_1904 : n, numFmt, ...f };
    }
    case 'd':
      return c.v instanceof Date ? { value: (c.v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, numFmt: numFmt ?? 'yyyy-mm-dd', ...f } : undefined;
    default: {
      const s = c.v === undefined || c.v === null ? '' : String(c.v);
      return !f && s.trim() === '' ? undefined : { value: s, numFmt, ...f };
    }
  }
}

type SheetJs = typeof import('@e965/xlsx');
let sheetJsWithCodePages: Promise<SheetJs> | undefined;
/**
 * SheetJS with its code-page tables. Its ES module build (what Node's `import()` loads) has
 * none, so Excel 5/95 text, stored in the file's code page (874 for Thai), came out as
 * Latin-1 gibberish; the CommonJS build Jest loads has them, which hid it.
 */
function sheetJs(): Promise<SheetJs> {
  sheetJsWithCodePages ??= (async () => {
    const XLSX = await import('@e965/xlsx');
    XLSX.set_cptable(await import('@e965/xlsx/dist/cpexcel'));
    return XLSX;
  })();
  return sheetJsWithCodePages;
}

/** The workbook, or why not: SheetJS's exceptions are its own words (and its internals), never shown. */
async function parse(content: Uint8Array | string, format: SheetJsFormat): Promise<WorkBook | 'password' | 'damaged'> {
  const XLSX = await sheetJs();
  const options: ParsingOptions = { dense: true, cellNF: true, cellDates: false, sheetStubs: true, sheetRows: MAX_ROWS + 1 };
  // Markup comes decoded (its declared charset, or UTF-8, or Thai Windows-874), where SheetJS would assume one.
  // An HTML table's cells are text as shown: read as text, by the same Thai-aware parsers as CSV, not by SheetJS's guesses.
  const read = (cellFormula: boolean): WorkBook =>
    typeof content === 'string' ? XLSX.read(content, { ...options, type: 'string', cellFormula, raw: format === 'html' }) : XLSX.read(content, { ...options, type: 'array', cellFormula });
  // SheetJS notes ODS conditional formats it approximates on console.error; they are not the user's concern.
  const consoleError = console.error;
  console.error = () => {};
  try {
    try {
      return read(true);
    } catch (e) {
      if (/password|encrypt/i.test(e instanceof Error ? e.message : String(e))) return 'password';
      // Some valid files hold formula tokens SheetJS cannot write out as text ("Unsupported ELFs"): their values still read.
      return read(false);
    }
  } catch (e) {
    return /password|encrypt/i.test(e instanceof Error ? e.message : String(e)) ? 'password' : 'damaged';
  } finally {
    console.error = consoleError;
  }
}

/**
 * The sheet names an HTML "Excel" page gives in the XML island Excel and web exporters write
 * (`<x:ExcelWorksheet><x:Name>…`), one per table; SheetJS names its tables Sheet1, Sheet2….
 */
function htmlSheetNames(text: string, tables: number): string[] | undefined {
  const names = [...text.matchAll(/<x:Name>([^<]{1,31})<\/x:Name>/gi)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim());
  return names.length === tables && new Set(names).size === tables && names.every((n) => n !== '') ? names : undefined;
}

export async function readWithSheetJs(bytes: Uint8Array, file: string, format: SheetJsFormat): Promise<GridsRead> {
  const text = format === 'html' || format === 'spreadsheetml' ? decodeMarkup(bytes) : undefined;
  const wb = await parse(text ?? bytes, format);
  if (wb === 'password') return { ok: false, issue: issueAt('error', 'file.password_protected', file) };
  if (wb === 'damaged') return { ok: false, issue: issueAt('error', 'file.damaged_format', file, { format }) };
  const names = format === 'html' ? htmlSheetNames(text!, wb.SheetNames.length) : undefined;
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const grids: Grid[] = [];
  for (const [i, sheetName] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[sheetName];
    const name = names?.[i] ?? sheetName;
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
    grids.push(makeGrid(name, rows, merges, date1904));
  }
  return { ok: true, grids };
}
