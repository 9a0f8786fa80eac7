import type { Grid } from '../sheet/grid';
import { addressOf, cellText, isBlank } from '../sheet/grid';
import { columnLetters, sheetAddress } from '../sheet/address';
import type { FieldDef, FormDef } from '../forms/formDef';
import type { Issue } from '../issues/issue';
import { issueAt } from '../issues/messages';
import { normalizeLabel } from '../text/normalizeLabel';
import { LabelIndex } from './labelIndex';
import { findTable, headerRows, HEADER_SEARCH_ROWS, type FoundTable, type HeaderRows } from './findTable';
import { findRecordFields, type FoundRecord } from './findRecordFields';
import type { LocatedReturn, RawField, RawRow, RawTable } from './locatedReturn';
import { fieldOf, rawCell } from './rawValue';

/** Record forms are small: labels are looked for in the first rows only, so junk sheets stay cheap. */
const RECORD_SEARCH_ROWS = 200;
/** A form is recognised when at least this many of its fields or columns are found. */
const MIN_FIELDS_FOUND = 3;
/** A lone text this long in a table row is a note (`ขอรับรองว่า…`), not a numbered item. */
const NOTE_MIN_LENGTH = 30;
const TOTAL_WORDS = new Set(['รวม', 'รวมทั้งสิ้น', 'ยอดรวม', 'total', 'grandtotal'].map(normalizeLabel));
const CHECK_MARKS = new Set(['✓', '✔', '/']);

export interface SheetReading {
  sheet: string;
  form: FormDef | null;
  returns: LocatedReturn[];
  /** Findings about the sheet's layout (unknown columns, notes, duplicates). */
  issues: Issue[];
  /** For tables of one row per unit: the table, totals included, so totals can be checked. */
  unitTable?: RawTable;
}

const indexes = new WeakMap<readonly FieldDef[], LabelIndex>();
function indexFor(fields: readonly FieldDef[]): LabelIndex {
  let i = indexes.get(fields);
  if (!i) indexes.set(fields, (i = new LabelIndex(fields)));
  return i;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r < to; r++) out.push(r);
  return out;
}

interface Candidate {
  form: FormDef;
  table: FoundTable | null;
  record: FoundRecord;
  score: number;
}

function tryForm(grid: Grid, header: HeaderRows, form: FormDef): Candidate {
  const table = form.table ? findTable(grid, form.table, indexFor(form.table.columns), header) : null;
  const recordRows = range(0, table ? table.headerTop : Math.min(grid.rows.length, RECORD_SEARCH_ROWS));
  const record = findRecordFields(grid, indexFor(form.fields), recordRows);
  const score = new Set(record.fields.map((f) => f.id)).size + (table ? table.columns.size : 0);
  return { form, table, record, score };
}

/** Reads a sheet: which form it is, and the raw fields and rows of each return in it. */
export function locateSheet(grid: Grid, forms: readonly FormDef[]): SheetReading {
  const issues: Issue[] = [];
  let best: Candidate | null = null;
  const header = headerRows(grid); // the same for every form
  for (const form of forms) {
    const c = tryForm(grid, header, form);
    if (c.score >= MIN_FIELDS_FOUND && (!best || c.score > best.score)) best = c;
  }
  if (!best) {
    issues.push(issueAt('info', 'sheet.not_a_form', sheetAddress(grid.sheet, 0, 0)));
    return { sheet: grid.sheet, form: null, returns: [], issues };
  }
  const { form, table, record } = best;

  // Record fields: the first occurrence counts; a second is an error at its label.
  const fields: Record<string, RawField> = {};
  for (const f of record.fields) {
    if (fields[f.id]) {
      const def = form.fields.find((d) => d.id === f.id)!;
      issues.push(issueAt('error', 'field.duplicate', f.labelCell, { th: def.label_th, en: def.label_en }));
    } else fields[f.id] = f.raw;
  }
  const titleLimit = table ? table.headerTop : HEADER_SEARCH_ROWS;
  const titleCells = record.others.filter((o) => o.row < titleLimit && o.text.length > 3);
  const base = {
    formId: form.id,
    sheet: grid.sheet,
    titles: titleCells.map((o) => o.text),
    titleCell: titleCells.length ? addressOf(grid, titleCells[0].row, titleCells[0].col) : sheetAddress(grid.sheet, 0, 0),
  };
  if (!table || !form.table) return { sheet: grid.sheet, form, returns: [{ ...base, fields }], issues };

  const raw = readTable(grid, form, table, issues);
  if (form.table.row === 'item') return { sheet: grid.sheet, form, returns: [{ ...base, fields, table: raw }], issues };
  // One row per unit: each item row is a whole return; record fields above the table apply to all.
  const returns = raw.rows.filter((r) => r.kind === 'item').map((r): LocatedReturn => ({ ...base, fields: { ...fields, ...rowAsFields(grid, table, r) } }));
  return { sheet: grid.sheet, form, returns, issues, unitTable: raw };
}

function rowAsFields(grid: Grid, table: FoundTable, row: RawRow): Record<string, RawField> {
  const out: Record<string, RawField> = {};
  for (const [id, col] of table.columns) out[id] = fieldOf(row.values[id], addressOf(grid, row.row - 1, col));
  return out;
}

function readTable(grid: Grid, form: FormDef, table: FoundTable, issues: Issue[]): RawTable {
  const def = form.table!;
  for (const u of table.unknown) issues.push(issueAt('info', 'column.unknown', addressOf(grid, table.headerTop, u.col), { text: u.text }));
  for (const d of table.duplicates) {
    const col = def.columns.find((c) => c.id === d.id)!;
    issues.push(issueAt('warning', 'column.duplicate', addressOf(grid, table.headerTop, d.col), { th: col.label_th, en: col.label_en }));
  }
  const ids = [...table.columns.keys()];
  const idx = ids.map((id) => table.columns.get(id)!);
  const firstCol = Math.min(...idx);
  const keyCol = table.columns.get(def.key)!;
  const labelCols = [keyCol, ...(def.labelColumn && table.columns.has(def.labelColumn) ? [table.columns.get(def.labelColumn)!] : [])];
  const checkMark = ids.map((id, k) =>
    isCheckMarkColumn(
      grid,
      def.columns.find((f) => f.id === id)!,
      idx[k],
      table.dataStart,
    ),
  );

  const rows: RawRow[] = [];
  for (let r = table.dataStart; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    let filled = 0;
    let only = -1;
    for (let k = 0; k < idx.length; k++)
      if (!isBlank(row[idx[k]])) {
        filled++;
        only = idx[k];
      }
    if (filled === 0) continue;
    if (filled > 1) only = -1;
    let allFilled = 0;
    for (const cell of row) if (!isBlank(cell)) allFilled++;
    if (allFilled === 1 && (only !== keyCol || cellText(row[only]).length > NOTE_MIN_LENGTH)) {
      issues.push(issueAt('info', 'row.note_ignored', addressOf(grid, r, only >= 0 ? only : firstCol)));
      continue;
    }
    const kind = labelCols.some((c) => typeof row[c]?.value === 'string' && TOTAL_WORDS.has(normalizeLabel(cellText(row[c])))) ? 'total' : 'item';
    const values: Record<string, RawRow['values'][string]> = {};
    for (let k = 0; k < idx.length; k++) values[ids[k]] = checkMark[k] && isBlank(row[idx[k]]) ? false : rawCell(grid, r, idx[k]);
    rows.push({ row: r + 1, kind, values });
  }
  const columns: Record<string, string> = {};
  ids.forEach((id, k) => (columns[id] = columnLetters(idx[k])));
  return { columns, firstColumn: columnLetters(firstCol), rows };
}

/** In a yes/no column of check marks, a blank cell is no. */
function isCheckMarkColumn(grid: Grid, field: FieldDef, col: number, from: number): boolean {
  if (field.type !== 'yesno') return false;
  for (let r = from; r < grid.rows.length; r++) if (CHECK_MARKS.has(cellText(grid.rows[r]?.[col]))) return true;
  return false;
}
