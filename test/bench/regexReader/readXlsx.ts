// The .xlsx reader as it was at eafcb11, before the XML tokenizer (saxes): regular expressions over
// the XML. Kept only so `npm run bench -- reader` compares the two side by side in one run; it reads
// CDATA, comments and CR LF wrongly (issue 21). Delete this folder when that comparison is no longer wanted.
import type { Cell, Grid } from '@returns-hub/shared/sheet/grid';
import { makeGrid } from '@returns-hub/shared/sheet/grid';
import { parseRange } from '@returns-hub/shared/sheet/address';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { openZip, type ZipArchive, type ZipEntry } from '@returns-hub/readers/zipArchive';
import { zlibInflater } from '@returns-hub/cli/xlsx/zlibInflater';
import { attr, ooxmlText, stringItemText, unescapeXml } from './xmlText';
import { ownString } from '@returns-hub/readers/ownString';
import { builtInFormat, isDateFormat } from '@returns-hub/readers/numberFormats';
import type { GridsRead } from '@returns-hub/readers/workbookRead';
import { MAX_COLS, MAX_PART_BYTES, MAX_ROWS, MAX_SHEET_CELLS, MAX_TEXT_CHARS } from '@returns-hub/readers/readLimits';

/**
 * Reads an .xlsx/.xlsm as it streams out of the zip, one sheet at a time, into the grids
 * `shared/` reads. Only the cells are kept, never the sheet's XML: memory is bounded by
 * the cells of one sheet, and a sheet is refused the moment it passes Excel's row and
 * column bounds or the cell cap, without reading the rest.
 *
 * Cached formula results are taken as Excel wrote them, whatever their type (0, FALSE,
 * "", errors); a formula with no cached value is marked `uncomputed`, never read as blank.
 * Dates of a 1904-system workbook become 1900-system serials, as the grid's dates are.
 */

/** Days between the 1900 and 1904 date systems' day zero. */
const DAYS_1904 = 1462;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EMPTY_ROW: (Cell | undefined)[] = [];

interface Styles {
  /** Number format of each cell style (`s`), undefined for General. */
  fmt: (string | undefined)[];
  date: boolean[];
}

interface SheetRef {
  name: string;
  path: string;
}

/** Numbers whose cell objects are shared (codes, zeros, years); unique ones are not worth a map entry. */
const MAX_SHARED_NUMBERS = 10_000;

/** A plain cell, with no `numFmt` key when it has none (a smaller object). Cells are never mutated, so they may be shared. */
const plain = (value: string | number, numFmt: string | undefined): Cell => (numFmt === undefined ? { value } : { value, numFmt });
function remember<K>(map: Map<K, Cell>, key: K, cell: Cell): Cell {
  map.set(key, cell);
  return cell;
}

class Refusal {
  constructor(readonly issue: Issue) {}
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** Relationship id → target path, for the part at `partPath`. */
function relationships(zip: ZipArchive, partPath: string): Map<string, { type: string; path: string }> {
  const dir = partPath.split('/').slice(0, -1).join('/');
  const relsPath = `${dir ? dir + '/' : ''}_rels/${partPath.split('/').pop()}.rels`;
  const e = zip.find(relsPath);
  const out = new Map<string, { type: string; path: string }>();
  if (!e) return out;
  for (const m of zip.text(e, MAX_PART_BYTES).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target && attr(m[1], 'TargetMode') !== 'External') out.set(id, { type: attr(m[1], 'Type') ?? '', path: resolvePath(partPath, target) });
  }
  return out;
}

function readStyles(zip: ZipArchive, path: string | undefined): Styles {
  const e = path ? zip.find(path) : undefined;
  const styles: Styles = { fmt: [], date: [] };
  if (!e) return styles;
  const xml = zip.text(e, MAX_PART_BYTES);
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    const code = attr(m[1], 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<(\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[2] ?? '';
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    const code = custom.get(id) ?? builtInFormat(id);
    const fmt = code === undefined || code === 'General' ? undefined : code;
    styles.fmt.push(fmt);
    styles.date.push(isDateFormat(fmt));
  }
  return styles;
}

/** Shared strings, streamed item by item; their total is bounded. */
async function readSharedStrings(zip: ZipArchive, path: string | undefined): Promise<string[]> {
  const e = path ? zip.find(path) : undefined;
  const out: string[] = [];
  if (!e) return out;
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let chars = 0;
  let prefix: string | undefined;
  let itemRe = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  const take = (text: string) => {
    itemRe.lastIndex = 0;
    for (let m = itemRe.exec(text); m; m = itemRe.exec(text)) {
      const s = m[1] ? ownString(stringItemText(m[1], prefix)) : '';
      chars += s.length;
      if (chars > MAX_TEXT_CHARS || out.length >= MAX_SHEET_CELLS) throw new Refusal(issueAt('error', 'file.too_large', e.name, { size: e.size, limit: MAX_TEXT_CHARS }));
      out.push(s);
    }
  };
  for await (const chunk of zip.chunks(e)) {
    buf += decoder.decode(chunk, { stream: true });
    if (prefix === undefined) {
      const root = /<(\w+:)?sst\b/.exec(buf);
      if (!root) continue;
      prefix = root[1] ?? '';
      itemRe = new RegExp(`<${prefix}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}si>)`, 'g');
    }
    const end = buf.lastIndexOf(`</${prefix}si>`);
    const selfClosed = buf.lastIndexOf('/>');
    const cut = Math.max(end >= 0 ? end + prefix.length + 5 : -1, selfClosed >= 0 ? selfClosed + 2 : -1);
    if (cut > 0) {
      take(buf.slice(0, cut));
      buf = buf.slice(cut);
    }
    if (buf.length > MAX_TEXT_CHARS) throw new Refusal(issueAt('error', 'file.too_large', e.name, { size: e.size, limit: MAX_TEXT_CHARS }));
  }
  take(buf + decoder.decode());
  return out;
}

/** `C14` → 0-based column and row (row -1 when the reference has none). */
function parseRef(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = i < ref.length ? Number(ref.slice(i)) - 1 : -1;
  return { col: col - 1, row: Number.isInteger(row) ? row : -1 };
}

const isoToSerial = (iso: string): number => {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : iso + 'Z');
  return (ms - EXCEL_EPOCH_MS) / 86_400_000;
};

/** Reads one worksheet part into a grid, refusing it at the first cell past a bound. */
async function readSheet(zip: ZipArchive, entry: ZipEntry, name: string, sst: string[], styles: Styles, date1904: boolean): Promise<Grid> {
  const rows: (Cell | undefined)[][] = [];
  const merges: string[] = [];
  let cells = 0;
  const tooLarge = () => new Refusal(issueAt('error', 'sheet.too_large', name, { cells: MAX_SHEET_CELLS + 1, limit: MAX_SHEET_CELLS }));
  const beyond = (row: number, col: number) => new Refusal(issueAt('error', 'sheet.beyond_limits', name, { row: row + 1, col: col + 1, rows: MAX_ROWS, cols: MAX_COLS }));

  let p = '';
  let rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  let cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let valueRe = /<v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/v>)/;
  let isRe = /<is\b[^>]*>([\s\S]*?)<\/is>/;
  let formulaTag = '<f';

  // Registers repeat their words and dates: one cell object per string and style. By string
  // index for the style first seen with it (an array slot, not a map entry: a register has
  // hundreds of thousands of strings), by string and style for any other.
  const sstCells: (Cell | undefined)[] = [];
  const sstStyledCells = new Map<number, Cell>();
  const numberCells = new Map<string, Cell>();
  const cellOf = (attrs: string, inner: string | undefined): Cell | undefined => {
    const t = attr(attrs, 't') ?? 'n';
    const s = Number(attr(attrs, 's') ?? 0) || 0;
    const numFmt = styles.fmt[s];
    const formula = inner !== undefined && inner.includes(formulaTag);
    const vm = inner === undefined ? null : valueRe.exec(inner);
    const v = vm ? (vm[1] ?? '') : undefined;
    const f = formula ? { formula: true } : undefined;
    switch (t) {
      case 's': {
        const i = v === undefined ? -1 : Number(v);
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
        const is = inner === undefined ? null : isRe.exec(inner);
        const text = is ? stringItemText(is[1], p) : v !== undefined ? ooxmlText(v) : '';
        return !formula && text.trim() === '' ? undefined : { value: ownString(text), numFmt, ...f };
      }
      case 'str':
        // A formula's text result; an empty <v></v> is the result "" (Excel and Calc write it so).
        if (v === undefined) return formula ? { value: null, formula: true, uncomputed: true } : undefined;
        return !formula && ooxmlText(v).trim() === '' ? undefined : { value: ownString(ooxmlText(v)), numFmt, ...f };
      case 'b':
        if (v === undefined || v === '') return formula ? { value: null, formula: true, uncomputed: true } : undefined;
        return { value: v === '1' || v.toLowerCase() === 'true', numFmt, ...f };
      case 'e':
        return { value: null, error: v !== undefined ? unescapeXml(v) : '#N/A', ...f };
      case 'd': {
        if (v === undefined || v === '') return formula ? { value: null, formula: true, uncomputed: true } : undefined;
        const serial = isoToSerial(v);
        return Number.isFinite(serial) ? { value: serial, numFmt: numFmt ?? 'yyyy-mm-dd', ...f } : { value: v, numFmt, ...f };
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

  let nextRow = 0;
  const rowCols: number[] = [];
  const rowCells: Cell[] = [];
  const takeRows = (text: string) => {
    rowRe.lastIndex = 0;
    for (let rm = rowRe.exec(text); rm; rm = rowRe.exec(text)) {
      const r = attr(rm[1], 'r');
      const row = r !== undefined ? Number(r) - 1 : nextRow;
      if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) throw beyond(Number.isInteger(row) ? row : MAX_ROWS, 0);
      nextRow = row + 1;
      const body = rm[2];
      if (!body) continue;
      let col = -1;
      let n = 0;
      cellRe.lastIndex = 0;
      for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
        const ref = attr(cm[1], 'r');
        const at = ref ? parseRef(ref) : { col: col + 1, row };
        col = at.col;
        if (col < 0 || col >= MAX_COLS || (at.row >= 0 && at.row >= MAX_ROWS)) throw beyond(at.row >= 0 ? at.row : row, col);
        const cell = cellOf(cm[1], cm[2]);
        if (!cell) continue;
        if (++cells > MAX_SHEET_CELLS) throw tooLarge();
        rowCols[n] = col;
        rowCells[n++] = cell;
      }
      if (n === 0) continue;
      // The row array is made at its final length: grown cell by cell it would hold twice the slots.
      let width = 0;
      for (let k = 0; k < n; k++) if (rowCols[k] >= width) width = rowCols[k] + 1;
      const out = rows[row] ?? (rows[row] = new Array<Cell | undefined>(width));
      for (let k = 0; k < n; k++) out[rowCols[k]] = rowCells[k];
    }
  };
  const checkDimension = (head: string) => {
    const ref = /<(?:\w+:)?dimension\b([^>]*)>/.exec(head);
    const range = ref ? attr(ref[1], 'ref') : undefined;
    const end = range?.split(':').pop();
    if (!end) return;
    const at = parseRef(end.replace(/\$/g, ''));
    if (at.row >= MAX_ROWS || at.col >= MAX_COLS) throw beyond(at.row, at.col);
  };
  const takeMerges = (text: string) => {
    for (const m of text.matchAll(/<(?:\w+:)?mergeCell\b([^>]*)>/g)) {
      const ref = attr(m[1], 'ref');
      if (ref) merges.push(ref);
    }
  };

  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let state: 'head' | 'data' | 'tail' = 'head';
  const consume = (final: boolean) => {
    if (state === 'head') {
      const root = /<(\w+:)?worksheet\b/.exec(buf);
      const open = root ? new RegExp(`<${root[1] ?? ''}sheetData\\b[^>]*?(/?)>`).exec(buf) : null;
      if (!open) {
        if (final || buf.length > MAX_TEXT_CHARS) checkDimension(buf);
        return;
      }
      p = root?.[1] ?? '';
      rowRe = new RegExp(`<${p}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}row>)`, 'g');
      cellRe = new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, 'g');
      valueRe = new RegExp(`<${p}v(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}v>)`);
      isRe = new RegExp(`<${p}is\\b[^>]*>([\\s\\S]*?)</${p}is>`);
      formulaTag = `<${p}f`;
      checkDimension(buf.slice(0, open.index));
      buf = buf.slice(open.index + open[0].length);
      state = open[1] ? 'tail' : 'data';
    }
    if (state === 'data') {
      const close = `</${p}sheetData>`;
      const end = buf.indexOf(close);
      if (end >= 0) {
        takeRows(buf.slice(0, end));
        buf = buf.slice(end + close.length);
        state = 'tail';
      } else {
        const cut = buf.lastIndexOf(`</${p}row>`);
        if (cut >= 0) {
          takeRows(buf.slice(0, cut + p.length + 6));
          buf = buf.slice(cut + p.length + 6);
        }
        if (final) takeRows(buf);
        else if (buf.length > MAX_TEXT_CHARS) throw tooLarge();
        return;
      }
    }
    // After the cells: only merged ranges matter; what precedes the last tag is done with.
    const last = final ? buf.length : buf.lastIndexOf('>') + 1;
    takeMerges(buf.slice(0, last));
    buf = buf.slice(last);
  };

  for await (const chunk of zip.chunks(entry)) {
    buf += decoder.decode(chunk, { stream: true });
    consume(false);
  }
  buf += decoder.decode();
  consume(true);

  for (let i = 0; i < rows.length; i++) rows[i] ??= EMPTY_ROW;
  return makeGrid(
    name,
    rows,
    merges.map(parseRange).filter((m) => m !== null),
  );
}

/** The workbook's sheets in tab order, and where its shared strings and styles are. */
function workbookParts(zip: ZipArchive) {
  const root = relationships(zip, '');
  const officeDoc = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const wbPath = officeDoc?.path ?? 'xl/workbook.xml';
  const wbEntry = zip.find(wbPath);
  if (!wbEntry) return null;
  const xml = zip.text(wbEntry, MAX_PART_BYTES);
  const rels = relationships(zip, wbPath);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path;
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(xml);
  const d1904 = pr ? attr(pr[1], 'date1904') : undefined;
  const sheets: SheetRef[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const id = /\s[\w]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
    const rel = id ? rels.get(id[1] ?? id[2]) : undefined;
    if (rel && rel.type.endsWith('/worksheet')) sheets.push({ name: attr(m[1], 'name') ?? rel.path, path: rel.path });
  }
  return {
    sheets,
    date1904: d1904 === '1' || d1904?.toLowerCase() === 'true',
    sharedStrings: byType('/sharedStrings') ?? 'xl/sharedStrings.xml',
    styles: byType('/styles') ?? 'xl/styles.xml',
  };
}

export async function readXlsx(bytes: Buffer, file: string): Promise<GridsRead> {
  try {
    const zip = openZip(bytes, zlibInflater);
    const parts = workbookParts(zip);
    if (!parts) return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail: 'no workbook part' }) };
    const sst = await readSharedStrings(zip, parts.sharedStrings);
    const styles = readStyles(zip, parts.styles);
    const grids: Grid[] = [];
    for (const s of parts.sheets) {
      const entry = zip.find(s.path);
      if (!entry) return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail: `sheet ${s.name} is missing` }) };
      grids.push(await readSheet(zip, entry, s.name, sst, styles, parts.date1904));
    }
    return { ok: true, grids };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, issue: e.issue };
    return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail: e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : 'unknown' }) };
  }
}
