import type { FieldDef, FormDef } from './formDef';

export interface BlankFormLayout {
  /** Cell texts, row by row (0-based), as they go on the sheet. */
  rows: string[][];
  /** Cells (0-based) that get a dropdown: org units of the given kinds, or yes/no. */
  dropdowns: { row: number; col: number; rows: number; kind: 'orgUnit' | 'yesno'; field: FieldDef }[];
  /** Where each record field's value goes (0-based). */
  valueCells: Record<string, { row: number; col: number }>;
  /** The table's header row and its columns' field ids in order, when the form has a table. */
  table?: { headerRow: number; columns: string[] };
}

/** Table rows left empty for a new user to fill. */
const BLANK_ROWS = 20;

/**
 * An empty sheet of a form, laid out from its definition: the title, each record field as
 * a label with an empty value cell to its right, then the table's header and empty rows.
 * What the reader reads back from it is the same form.
 */
export function blankFormLayout(form: FormDef): BlankFormLayout {
  // The Thai title over a Thai form, two rows left empty under it (an opened return states its unit, period and version there).
  const rows: string[][] = [[form.title_th], [], []];
  const dropdowns: BlankFormLayout['dropdowns'] = [];
  const valueCells: BlankFormLayout['valueCells'] = {};
  const recordFields = form.table?.row === 'return' ? [] : form.fields;
  for (const f of recordFields) {
    if (f.type === 'orgUnit' || f.type === 'yesno') dropdowns.push({ row: rows.length, col: 1, rows: 1, kind: f.type, field: f });
    valueCells[f.id] = { row: rows.length, col: 1 };
    rows.push([f.label_th, '']);
  }
  let table: BlankFormLayout['table'];
  if (form.table) {
    rows.push([]);
    const headerRow = rows.length;
    table = { headerRow, columns: form.table.columns.map((c) => c.id) };
    rows.push(form.table.columns.map((c) => c.label_th));
    form.table.columns.forEach((c, col) => {
      if (c.type === 'orgUnit' || c.type === 'yesno') dropdowns.push({ row: headerRow + 1, col, rows: BLANK_ROWS, kind: c.type, field: c });
    });
    for (let i = 0; i < BLANK_ROWS; i++) rows.push(form.table.columns.map(() => ''));
  }
  return { rows, dropdowns, valueCells, ...(table ? { table } : {}) };
}
