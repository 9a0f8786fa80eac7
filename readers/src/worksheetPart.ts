import type { Cell, Grid } from '@returns-hub/shared/sheet/grid';
import { DAYS_1904, makeGrid } from '@returns-hub/shared/sheet/grid';
import { parseRange } from '@returns-hub/shared/sheet/address';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { Refusal } from './readBudget';
import { ownString } from './ownString';
import type { Styles } from './workbookParts';
import * as limits from './readLimits';
import { ooxmlText, prefixOf, xmlTokenizer, type XmlTag } from './xmlStream';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EMPTY_ROW: (Cell | undefined)[] = [];
// Copied once: read per cell, an imported binding may be a getter call (in tsx and Jest).
const { MAX_COLS, MAX_ROWS, MAX_SHEET_CELLS, MAX_TEXT_CHARS } = limits;
/** Numbers whose cell objects are shared (codes, zeros, years); unique ones are not worth a map entry. */
const MAX_SHARED_NUMBERS = 10_000;

/** A plain cell, with no `numFmt` key when it has none (a smaller object). Cells are never mutated, so they may be shared. */
const plain = (value: string | number, numFmt: string | undefined): Cell => (numFmt === undefined ? { value } : { value, numFmt });
function remember<K>(map: Map<K, Cell>, key: K, cell: Cell): Cell {
  map.set(key, cell);
  return cell;
}

/** `C14` → 0-based column and row (row -1 when the reference has none). */
export function parseRef(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === ref.length) return { col: col - 1, row: -1 };
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return { col: col - 1, row: -1 };
    row = row * 10 + d;
  }
  return { col: col - 1, row: row - 1 };
}

/** An ISO 8601 time of day alone (`14:30:00`, `T14:30`), as a `t="d"` cell may hold. */
const TIME_ONLY = /^T?(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/**
 * A `t="d"` cell's ISO 8601 text → a serial: a date (and time) as a 1900-system serial, a
 * time of day alone as the fraction of a day it is. Not a date or time: NaN.
 */
export function isoToSerial(iso: string): number {
  const t = TIME_ONLY.exec(iso.trim());
  if (t) {
    const [h, m, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    return h < 24 && m < 60 && s < 60 ? (h * 3600 + m * 60 + s) / 86_400 : NaN;
  }
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : iso + 'Z');
  return (ms - EXCEL_EPOCH_MS) / 86_400_000;
}

export interface SheetContext {
  /** The sheet's name: the grid's, and where a refusal points. */
  name: string;
  sst: string[];
  styles: Styles;
  date1904: boolean;
}

/**
 * Reads one worksheet part into a grid as its XML streams in, keeping only the cells, and
 * refusing the sheet at the first cell past Excel's bounds or the cell cap.
 *
 * Cached formula results are taken as Excel wrote them, whatever their type (0, FALSE,
 * "", errors); a formula with no cached value is marked `uncomputed`, never read as blank.
 * Dates of a 1904-system workbook become 1900-system serials, as the grid's dates are.
 */
export async function readWorksheet(chunks: AsyncIterable<Uint8Array>, part: string, { name, sst, styles, date1904 }: SheetContext): Promise<Grid> {
  const rows: (Cell | undefined)[][] = [];
  const merges: string[] = [];
  let cells = 0;
  const tooLarge = () => new Refusal(issueAt('error', 'sheet.too_large', name, { cells: MAX_SHEET_CELLS + 1, limit: MAX_SHEET_CELLS }));
  const beyond = (row: number, col: number) => new Refusal(issueAt('error', 'sheet.beyond_limits', name, { row: row + 1, col: col + 1, rows: MAX_ROWS, cols: MAX_COLS }));

  // Registers repeat their words and dates: one cell object per string and style. By string
  // index for the style first seen with it (an array slot, not a map entry: a register has
  // hundreds of thousands of strings), by string and style for any other.
  const sstCells: (Cell | undefined)[] = [];
  const sstStyledCells = new Map<number, Cell>();
  const numberCells = new Map<string, Cell>();
  /** A cell from its type, style, `<v>` text (undefined when absent), formula flag and inline text. */
  const cellOf = (t: string, s: number, v: string | undefined, formula: boolean, inline: string | undefined): Cell | undefined => {
    const numFmt = styles.fmt[s];
    const f = formula ? { formula: true } : undefined;
    switch (t) {
      case 's': {
        // An empty <v/> is no string index: a blank cell, not string 0.
        const i = v === undefined || v.trim() === '' ? -1 : Number(v);
        const text = sst[i];
        if (text === undefined || (!formula && text.trim() === '')) return undefined;
        if (formula) return { value: text, numFmt, formula: true };
        const first = sstCells[i];
        if (first === undefined) return (sstCells[i] = plain(text, numFmt));
        if (first.numFmt === numFmt) return first;
        const key = i * styles.fmt.length + s;
        return sstStyledCells.get(key) ?? remember(sstStyledCells, key, plain(text, numFmt));
      }
      case 'inlineStr': {
        const text = ooxmlText(inline ?? v ?? '');
        return !formula && text.trim() === '' ? undefined : { value: ownString(text), numFmt, ...f };
      }
      case 'str':
        // A formula's text result; an empty <v></v> is the result "" (Excel and Calc write it so).
        if (v === undefined) return formula ? { value: null, formula: true, uncomputed: true } : undefined;
        return !formula && v.trim() === '' ? undefined : { value: ownString(ooxmlText(v)), numFmt, ...f };
      case 'b':
        if (v === undefined || v === '') return formula ? { value: null, formula: true, uncomputed: true } : undefined;
        return { value: v === '1' || v.toLowerCase() === 'true', numFmt, ...f };
      case 'e':
        return { value: null, error: v !== undefined && v !== '' ? v : '#N/A', ...f };
      case 'd': {
        if (v === undefined || v === '') return formula ? { value: null, formula: true, uncomputed: true } : undefined;
        const serial = isoToSerial(v);
        if (!Number.isFinite(serial)) return { value: ownString(v), numFmt, ...f };
        return { value: serial, numFmt: numFmt ?? (TIME_ONLY.test(v.trim()) ? 'hh:mm:ss' : 'yyyy-mm-dd'), ...f };
      }
      default: {
        // No cached value: a formula no spreadsheet computed (openpyxl, scripts), or a styled empty cell.
        if (v === undefined || v.trim() === '') return formula ? { value: null, formula: true, uncomputed: true } : undefined;
        const n = Number(v);
        if (!Number.isFinite(n)) return { value: ownString(ooxmlText(v)), numFmt, ...f };
        const value = date1904 && styles.date[s] ? n + DAYS_1904 : n;
        if (formula) return { value, numFmt, formula: true };
        const key = `${s}:${v}`;
        return numberCells.get(key) ?? (numberCells.size < MAX_SHARED_NUMBERS ? remember(numberCells, key, plain(value, numFmt)) : plain(value, numFmt));
      }
    }
  };

  // Element names, with the prefix the root element uses (`x:row` in some writers' files).
  let SHEET_DATA = '';
  let ROW = '';
  let C = '';
  let V = '';
  let F = '';
  let IS = '';
  let T = '';
  let RPH = '';
  let DIMENSION = '';
  let MERGE_CELL = '';

  let inData = false;
  let nextRow = 0;
  let row = -1;
  let col = -1;
  let n = 0;
  const rowCols: number[] = [];
  const rowCells: Cell[] = [];
  // The cell being read.
  let cellAttrs: Record<string, string> | undefined;
  let value: string | undefined;
  let inline: string | undefined;
  let formula = false;
  /** 1 while in `<v>`, 2 while in an inline string's `<t>`. */
  let into = 0;
  let phonetic = 0;

  const openRow = (a: Record<string, string>) => {
    const r = a.r;
    row = r !== undefined ? Number(r) - 1 : nextRow;
    if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) throw beyond(Number.isInteger(row) ? row : MAX_ROWS, 0);
    nextRow = row + 1;
    col = -1;
    n = 0;
  };
  const closeCell = () => {
    const a = cellAttrs!;
    cellAttrs = undefined;
    const ref = a.r;
    const at = ref ? parseRef(ref) : { col: col + 1, row };
    col = at.col;
    if (col < 0 || col >= MAX_COLS || at.row >= MAX_ROWS) throw beyond(at.row >= 0 ? at.row : row, col);
    const cell = cellOf(a.t ?? 'n', Number(a.s ?? 0) || 0, value, formula, inline);
    if (!cell) return;
    if (++cells > MAX_SHEET_CELLS) throw tooLarge();
    rowCols[n] = col;
    rowCells[n++] = cell;
  };
  const closeRow = () => {
    if (n === 0 || row < 0) return;
    // The row array is made at its final length: grown cell by cell it would hold twice the slots.
    let width = 0;
    for (let k = 0; k < n; k++) if (rowCols[k] >= width) width = rowCols[k] + 1;
    const out = rows[row] ?? (rows[row] = new Array<Cell | undefined>(width));
    for (let k = 0; k < n; k++) out[rowCols[k]] = rowCells[k];
    n = 0;
  };
  const checkDimension = (range: string | undefined) => {
    const end = range?.split(':').pop();
    if (!end) return;
    const at = parseRef(end.replace(/\$/g, ''));
    if (at.row >= MAX_ROWS || at.col >= MAX_COLS) throw beyond(at.row, at.col);
  };

  const xml = xmlTokenizer(part, {
    open(tag: XmlTag) {
      const t = tag.name;
      if (inData) {
        if (t === C) {
          cellAttrs = tag.attributes;
          value = inline = undefined;
          formula = false;
        } else if (t === V) {
          if (cellAttrs) {
            into = 1;
            value = '';
          }
        } else if (t === ROW) openRow(tag.attributes);
        else if (t === F) formula = true;
        else if (t === IS) inline = '';
        else if (t === T) {
          if (inline !== undefined && phonetic === 0) into = 2;
        } else if (t === RPH) phonetic++;
      } else if (!ROW) {
        const p = prefixOf(t);
        [SHEET_DATA, ROW, C, V, F, IS, T, RPH, DIMENSION, MERGE_CELL] = ['sheetData', 'row', 'c', 'v', 'f', 'is', 't', 'rPh', 'dimension', 'mergeCell'].map((x) => p + x);
      } else if (t === SHEET_DATA) inData = true;
      else if (t === DIMENSION) checkDimension(tag.attributes.ref);
      else if (t === MERGE_CELL && tag.attributes.ref) merges.push(tag.attributes.ref);
    },
    close(tag: XmlTag) {
      if (!inData) return;
      const t = tag.name;
      if (t === V || t === T) into = 0;
      else if (t === C) {
        if (cellAttrs) closeCell();
      } else if (t === ROW) closeRow();
      else if (t === RPH) phonetic--;
      else if (t === SHEET_DATA) inData = false;
    },
    text(s: string) {
      if (into === 1) {
        value += s;
        if (value!.length > MAX_TEXT_CHARS) throw tooLarge();
      } else if (into === 2) {
        inline += s;
        if (inline!.length > MAX_TEXT_CHARS) throw tooLarge();
      }
    },
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) xml.write(decoder.decode(chunk, { stream: true }));
  xml.write(decoder.decode());
  xml.close();

  for (let i = 0; i < rows.length; i++) rows[i] ??= EMPTY_ROW;
  return makeGrid(
    name,
    rows,
    merges.map(parseRange).filter((m) => m !== null),
    date1904,
  );
}
