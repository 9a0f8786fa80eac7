import type { Grid } from '../sheet/grid';
import { addressOf, cellText, isBlank } from '../sheet/grid';
import { sheetAddress } from '../sheet/address';
import type { FieldDef, FormDef } from '../forms/formDef';
import { FORMS } from '../forms';
import type { Issue } from '../issues/issue';
import { issueAt } from '../issues/messages';
import { normalizeLabel } from '../text/normalizeLabel';
import { LabelIndex } from './labelIndex';
import { findTable, HEADER_SEARCH_ROWS, type FoundTable } from './findTable';
import { findRecordFields, type FoundRecord } from './findRecordFields';
import type { LocatedReturn, RawRow, RawValue } from './locatedReturn';
import { rawValue } from './rawValue';

/** Record forms are small: labels are looked for in the first rows only, so junk sheets stay cheap. */
const RECORD_SEARCH_ROWS = 200;
/** A form is recognised when at least this many of its fields or columns are found. */
const MIN_FIELDS_FOUND = 3;
const TOTAL_WORDS = new Set(['รวม', 'รวมทั้งสิ้น', 'ยอดรวม', 'total', 'grandtotal'].map(normalizeLabel));
const CHECK_MARKS = new Set(['✓', '✔', '/']);

export interface SheetReading {
  sheet: string;
  form: FormDef | null;
  returns: LocatedReturn[];
  /** Findings about the sheet's layout (unknown columns, notes, duplicates). */
  issues: Issue[];
  /** For tables of one row per unit: every row, totals included, so totals can be checked. */
  tableRows: RawRow[];
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

function tryForm(grid: Grid, form: FormDef): Candidate {
  const table = form.table ? findTable(grid, form.table, indexFor(form.table.columns)) : null;
  const recordRows = range(0, table ? table.headerTop : Math.min(grid.rows.length, RECORD_SEARCH_ROWS));
  const record = findRecordFields(grid, indexFor(form.fields), recordRows);
  const score = new Set(record.fields.map((f) => f.id)).size + (table ? table.columns.size : 0);
  return { form, table, record, score };
}

function isTotalLabel(text: string): boolean {
  return TOTAL_WORDS.has(normalizeLabel(text));
}

/** Reads a sheet: which form it is, and the raw fields and rows of each return in it. */
export function locateSheet(grid: Grid, forms: readonly FormDef[] = FORMS): SheetReading {
  const issues: Issue[] = [];
  let best: Candidate | null = null;
  for (const form of forms) {
    const c = tryForm(grid, form);
    if (c.score >= MIN_FIELDS_FOUND && (!best || c.score > best.score)) best = c;
  }
  if (!best) {
    issues.push(issueAt('info', 'sheet.not_a_form', sheetAddress(grid.sheet, 0, 0)));
    return { sheet: grid.sheet, form: null, returns: [], issues, tableRows: [] };
  }
  const { form, table, record } = best;

  // Record fields: the first occurrence counts; a second is an error at its label.
  const fields: Record<string, RawValue> = {};
  for (const f of record.fields) {
    if (fields[f.id]) {
      const def = form.fields.find((d) => d.id === f.id)!;
      issues.push(issueAt('error', 'field.duplicate', f.labelCell, { th: def.label_th, en: def.label_en }));
    } else fields[f.id] = f.raw;
  }
  const titleLimit = table ? table.headerTop : HEADER_SEARCH_ROWS;
  const titleCells = record.others.filter((o) => o.row < titleLimit && o.text.length > 3);
  const titles = titleCells.map((o) => o.text);
  const titleCell = titleCells.length ? addressOf(grid, titleCells[0].row, titleCells[0].col) : sheetAddress(grid.sheet, 0, 0);

  const rows = table && form.table ? readTableRows(grid, form, table, issues) : [];
  const base = { formId: form.id, sheet: grid.sheet, titles, titleCell };
  if (table && form.table?.row === 'return') {
    const returns = rows.filter((r) => r.kind === 'item').map((r): LocatedReturn => ({ ...base, fields: { ...fields, ...r.values }, rows: [] }));
    return { sheet: grid.sheet, form, returns, issues, tableRows: rows };
  }
  return { sheet: grid.sheet, form, returns: [{ ...base, fields, rows }], issues, tableRows: [] };
}

function readTableRows(grid: Grid, form: FormDef, table: FoundTable, issues: Issue[]): RawRow[] {
  const def = form.table!;
  for (const u of table.unknown) issues.push(issueAt('info', 'column.unknown', addressOf(grid, table.headerTop, u.col), { text: u.text }));
  for (const d of table.duplicates) {
    const col = def.columns.find((c) => c.id === d.id)!;
    issues.push(issueAt('warning', 'column.duplicate', addressOf(grid, table.headerTop, d.col), { th: col.label_th, en: col.label_en }));
  }
  const cols = [...table.columns.entries()];
  const firstCol = Math.min(...cols.map(([, c]) => c));
  const keyCol = table.columns.get(def.key)!;
  const labelCols = [keyCol, ...(def.labelColumn && table.columns.has(def.labelColumn) ? [table.columns.get(def.labelColumn)!] : [])];
  // In a yes/no column of check marks, a blank cell is no.
  const checkMarkCols = new Set<string>();
  for (const [id, c] of cols) {
    if (def.columns.find((f) => f.id === id)?.type !== 'yesno') continue;
    for (let r = table.dataStart; r < grid.rows.length; r++) {
      if (CHECK_MARKS.has(cellText(grid.rows[r]?.[c]))) {
        checkMarkCols.add(id);
        break;
      }
    }
  }

  const out: RawRow[] = [];
  for (let r = table.dataStart; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    const filled = cols.filter(([, c]) => !isBlank(row[c]));
    if (filled.length === 0) continue;
    const allFilled = row.reduce((n, cell) => n + (isBlank(cell) ? 0 : 1), 0);
    const only = filled.length === 1 ? filled[0][1] : -1;
    if (allFilled === 1 && (only !== keyCol || cellText(row[only]).length > 30)) {
      issues.push(issueAt('info', 'row.note_ignored', addressOf(grid, r, only >= 0 ? only : firstCol)));
      continue;
    }
    const kind = labelCols.some((c) => isTotalLabel(cellText(row[c]))) ? 'total' : 'item';
    const values: Record<string, RawValue> = {};
    for (const [id, c] of cols) {
      // Blank cells are kept (value null) so findings about a missing value can point at them.
      values[id] = isBlank(row[c]) && checkMarkCols.has(id) ? { cell: addressOf(grid, r, c), v: false } : rawValue(grid, r, c);
    }
    out.push({ cell: addressOf(grid, r, firstCol), kind, values });
  }
  return out;
}

