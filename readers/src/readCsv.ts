import type { Cell, Grid } from '@returns-hub/shared/sheet/grid';
import { makeGrid } from '@returns-hub/shared/sheet/grid';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { MAX_COLS, MAX_ROWS, MAX_SHEET_CELLS } from './readLimits';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'windows-874';
export type CsvRead = { ok: true; grid: Grid; encoding: CsvEncoding } | { ok: false; issue: Issue };

/**
 * A CSV's text: UTF-16 or UTF-8 by their byte-order marks; otherwise UTF-8 if the bytes
 * are valid UTF-8 (strictly), else TIS-620/Windows-874, the Thai legacy encoding (a
 * TIS-620 file is almost never valid UTF-8, as its Thai bytes are all ≥ 0xA1).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-874').decode(body), encoding: 'windows-874' };
  }
}

/** The separator of the first line: a comma, unless the line has none and has semicolons or tabs. */
function separatorOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  return first.includes(';') ? ';' : ',';
}

/**
 * Reads a CSV (RFC 4180: quoted fields may hold separators, quotes and line breaks) into
 * one grid of text cells. Values stay text, as typed: the checker reads numbers, Thai
 * digits and dates from text the same way it reads them from cells.
 */
export function readCsv(bytes: Uint8Array, sheet: string): CsvRead {
  const { text, encoding } = decodeCsv(bytes);
  const sep = separatorOf(text);
  const rows: (Cell | undefined)[][] = [];
  let row: (Cell | undefined)[] = [];
  let cells = 0;
  let field = '';
  let quoted = false;
  const push = () => {
    if (row.length >= MAX_COLS) throw new Error('cols');
    if (field.trim() !== '') {
      row[row.length] = { value: field };
      if (++cells > MAX_SHEET_CELLS) throw new Error('cells');
    } else row.length++;
    field = '';
  };
  const endRow = () => {
    push();
    while (row.length && row[row.length - 1] === undefined) row.length--;
    rows.push(row);
    row = [];
    if (rows.length > MAX_ROWS) throw new Error('rows');
  };
  try {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] !== '"') quoted = false;
          else {
            field += '"';
            i++;
          }
        } else field += ch;
      } else if (ch === '"' && field === '') quoted = true;
      else if (ch === sep) push();
      else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        endRow();
      } else field += ch;
    }
    if (field !== '' || row.length) endRow();
  } catch (e) {
    const what = e instanceof Error ? e.message : '';
    if (what === 'cells') return { ok: false, issue: issueAt('error', 'sheet.too_large', sheet, { cells, limit: MAX_SHEET_CELLS }) };
    return { ok: false, issue: issueAt('error', 'sheet.beyond_limits', sheet, { row: rows.length + 1, col: row.length + 1, rows: MAX_ROWS, cols: MAX_COLS }) };
  }
  return { ok: true, grid: makeGrid(sheet, rows), encoding };
}
