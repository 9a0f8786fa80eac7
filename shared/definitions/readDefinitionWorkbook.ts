import type { Grid } from '../sheet/grid';
import { cellText, isBlank } from '../sheet/grid';
import { sheetAddress } from '../sheet/address';
import { finding, pathText, type DefinitionFinding, type DefinitionPath } from './definitionMessages';
import { columnPath, readCell, setAt } from './definitionCells';
import {
  CATALOG_SHEET,
  CHOICES_SHEET,
  CONSOLIDATION_SHEET,
  COUNTS_SHEET,
  FIELDS_SHEET,
  FORM_SHEET,
  INDICATORS_SHEET,
  MAX_SHEET_ROWS,
  REPORT_COLUMNS_SHEET,
  REPORTS_SHEET,
  RULES_SHEET,
  TARGETS_SHEET,
  UNITS_SHEET,
  headerId,
  type ColumnSpec,
  type PropertySheetSpec,
  type RowSheetSpec,
} from './definitionSheets';

/** A definition workbook read: its JSON twin (shape not yet checked) and where each path stands, or what stops the reading. */
export type DefinitionRead = { ok: true; doc: Record<string, unknown>; sources: Map<string, string> } | { ok: false; findings: DefinitionFinding[]; sources: Map<string, string> };

type Row = Record<string, unknown>;
interface ReadRow {
  value: Row;
  /** The sheet row (0-based) and each column's cell address, by column id. */
  row: number;
  cells: Map<string, string>;
}

class Reading {
  readonly findings: DefinitionFinding[] = [];
  readonly sources = new Map<string, string>();
  private readonly grids: Map<string, Grid>;
  constructor(grids: readonly Grid[]) {
    this.grids = new Map(grids.map((g) => [g.sheet.trim().toLowerCase(), g]));
  }

  grid(sheet: string): Grid | undefined {
    return this.grids.get(sheet);
  }

  has(sheet: string): boolean {
    return this.grids.has(sheet);
  }

  /** A finding placed at a cell right away (reading findings have no definition path yet). */
  at(cell: string, f: DefinitionFinding): void {
    this.findings.push({ ...f, cell });
  }

  /** Records where a path of the definition stands. */
  place(path: DefinitionPath, cell: string): void {
    this.sources.set(pathText(path), cell);
  }

  /** The header row (the first non-blank row) and which column holds which id. */
  private header(grid: Grid, specs: readonly ColumnSpec[], sheet: string): { row: number; columns: Map<number, ColumnSpec> } | null {
    const row = grid.rows.findIndex((r) => r?.some((c) => !isBlank(c)));
    if (row < 0) return null;
    const columns = new Map<number, ColumnSpec>();
    const seen = new Set<string>();
    (grid.rows[row] ?? []).forEach((cell, col) => {
      if (isBlank(cell)) return;
      const id = headerId(cellText(cell));
      const spec = specs.find((s) => s.id.toLowerCase() === id.toLowerCase());
      if (!spec) this.at(sheetAddress(grid.sheet, row, col), finding('definition.column_unknown', [], { text: cellText(cell), known: specs.map((s) => s.id).join(', ') }));
      else if (!seen.has(spec.id)) {
        seen.add(spec.id);
        columns.set(col, spec);
      }
    });
    for (const spec of specs) if (spec.required && !seen.has(spec.id)) this.at(sheetAddress(grid.sheet, row, 0), finding('definition.column_missing', [], { sheet, column: spec.id }));
    return { row, columns };
  }

  /** Every non-blank row of a sheet of rows, read by its columns' kinds. */
  rows(spec: RowSheetSpec): ReadRow[] {
    const grid = this.grid(spec.sheet);
    if (!grid) return [];
    const head = this.header(grid, spec.columns, spec.sheet);
    if (!head) return [];
    const out: ReadRow[] = [];
    for (let r = head.row + 1; r < grid.rows.length; r++) {
      const cells = grid.rows[r];
      if (!cells?.some((c) => !isBlank(c))) continue;
      if (out.length >= MAX_SHEET_ROWS) {
        this.at(sheetAddress(grid.sheet, r, 0), finding('definition.sheet_too_long', [], { sheet: spec.sheet, limit: MAX_SHEET_ROWS }));
        break;
      }
      const value: Row = {};
      const where = new Map<string, string>();
      for (const [col, column] of head.columns) {
        const address = sheetAddress(grid.sheet, r, col);
        where.set(column.id, address);
        const v = readCell(cells[col], column.kind, column.id, []);
        if (v === undefined) continue;
        if (v.ok) setAt(value, columnPath(column.id), v.value);
        else this.at(address, v.finding);
      }
      out.push({ value, row: r, cells: where });
    }
    return out;
  }

  /** Places a read row at a path: the row's first cell for the element, each column's cell for its property. */
  placeRow(path: DefinitionPath, row: ReadRow): void {
    const first = [...row.cells.values()][0];
    if (first) this.place(path, first);
    for (const [id, cell] of row.cells) this.place([...path, ...columnPath(id)], cell);
  }

  /** A `property | value` sheet as an object, each property placed at its value cell. */
  properties(spec: PropertySheetSpec, path: DefinitionPath): Row {
    const out: Row = {};
    const grid = this.grid(spec.sheet);
    if (!grid) return out;
    this.place(path, sheetAddress(grid.sheet, 0, 0));
    const head = this.header(grid, PROPERTY_COLUMNS, spec.sheet);
    if (!head) return out;
    const colOf = (id: string) => [...head.columns].find(([, s]) => s.id === id)?.[0];
    const [pCol, vCol] = [colOf('property'), colOf('value')];
    if (pCol === undefined || vCol === undefined) return out;
    const seen = new Map<string, string>();
    for (let r = head.row + 1; r < Math.min(grid.rows.length, head.row + 1 + MAX_SHEET_ROWS); r++) {
      const cells = grid.rows[r];
      const name = cellText(cells?.[pCol]);
      if (!name) continue;
      const at = sheetAddress(grid.sheet, r, pCol);
      const prop = spec.properties.find((p) => p.id.toLowerCase() === headerId(name).toLowerCase());
      if (!prop) {
        this.at(at, finding('definition.property_unknown', [], { text: name, known: spec.properties.map((p) => p.id).join(', ') }));
        continue;
      }
      const other = seen.get(prop.id);
      if (other) {
        this.at(at, finding('definition.property_repeated', [], { text: prop.id, other }));
        continue;
      }
      seen.set(prop.id, String(r + 1));
      const address = sheetAddress(grid.sheet, r, vCol);
      this.place([...path, ...columnPath(prop.id)], address);
      const v = readCell(cells?.[vCol], prop.kind, prop.id, []);
      if (v === undefined) continue;
      if (v.ok) setAt(out, columnPath(prop.id), v.value);
      else this.at(address, v.finding);
    }
    return out;
  }
}

/** The columns of a property sheet: the property, a description (what people read; ignored), the value. */
export const PROPERTY_COLUMNS: ColumnSpec[] = [
  { id: 'property', th: 'รายการ', kind: 'text', required: true },
  { id: 'description', th: 'คำอธิบาย', kind: 'text' },
  { id: 'value', th: 'ค่า', kind: 'text', required: true },
];

function readForm(w: Reading): Row {
  const form = w.properties(FORM_SHEET, ['form']);
  for (const s of [FIELDS_SHEET.sheet, CONSOLIDATION_SHEET.sheet]) if (!w.has(s)) w.at(`${s}`, finding('definition.sheet_missing', [], { sheet: s }));

  // Fields: record fields, table columns, or both.
  const fields: Row[] = [];
  const columns: Row[] = [];
  let tableRow: ReadRow | undefined;
  for (const row of w.rows(FIELDS_SHEET)) {
    const { in: where, ...def } = row.value;
    const into = String(where ?? '');
    if (!['record', 'table', 'both'].includes(into)) {
      const cell = row.cells.get('in');
      if (cell) w.at(cell, finding(into ? 'definition.unknown_value' : 'definition.missing', [], into ? { name: 'in', text: into, allowed: 'record, table, both' } : { name: 'in' }));
      continue;
    }
    if (into !== 'table') {
      w.placeRow(['form', 'fields', fields.length], row);
      fields.push(def);
    }
    if (into !== 'record') {
      tableRow ??= row;
      w.placeRow(['form', 'table', 'columns', columns.length], row);
      columns.push(def);
    }
  }
  form.fields = fields;
  if (form.table !== undefined || columns.length) {
    const table = (form.table ?? {}) as Row;
    if (table.row === undefined && tableRow) w.at(tableRow.cells.get('in')!, finding('definition.missing', [], { name: 'table.row' }));
    form.table = { ...table, columns };
  }

  const list = (spec: RowSheetSpec, path: DefinitionPath): Row[] =>
    w.rows(spec).map((row, i) => {
      w.placeRow([...path, i], row);
      return row.value;
    });

  const choices = list(CHOICES_SHEET, ['form', 'choices']);
  if (choices.length) form.choices = choices;
  form.rules = list(RULES_SHEET, ['form', 'rules']);

  const consolidation = w.properties(CONSOLIDATION_SHEET, ['form', 'consolidation']);
  const indicators = list(INDICATORS_SHEET, ['form', 'consolidation', 'indicators']);
  if (indicators.length || consolidation.kind === 'indicators') consolidation.indicators = indicators;
  const counts = list(COUNTS_SHEET, ['form', 'consolidation', 'counts']);
  if (counts.length || consolidation.kind === 'rowCounts') consolidation.counts = counts;
  form.consolidation = consolidation;

  const catalog = list(CATALOG_SHEET, ['form', 'catalog']);
  if (catalog.length) form.catalog = catalog;
  const targets = list(TARGETS_SHEET, ['form', 'targets']);
  if (targets.length) form.targets = targets;

  const reports = w.rows(REPORTS_SHEET);
  if (reports.length) {
    const byName = new Map<string, { layout: Row; index: number }>();
    form.reports = reports.map((row, i) => {
      w.placeRow(['form', 'reports', i], row);
      const layout = row.value;
      // Tables of measures or units choose their measures; none named means all of them.
      if (layout.shape !== 'itemRows') layout.measures ??= {};
      layout.columns = [];
      byName.set(String(layout.name ?? ''), { layout, index: i });
      return layout;
    });
    for (const row of w.rows(REPORT_COLUMNS_SHEET)) {
      const { report, part, ...column } = row.value;
      const owner = byName.get(String(report ?? ''));
      if (!owner) {
        w.at(row.cells.get('report') ?? 'report_columns', finding('definition.unknown_value', [], { name: 'report', text: String(report ?? ''), allowed: [...byName.keys()].join(', ') }));
        continue;
      }
      const key = part === undefined || part === 'columns' ? 'columns' : part === 'eachMeasure' ? 'eachMeasure' : null;
      if (!key) {
        w.at(row.cells.get('part')!, finding('definition.unknown_value', [], { name: 'part', text: String(part), allowed: 'columns, eachMeasure' }));
        continue;
      }
      const target = (owner.layout[key] ??= []) as Row[];
      w.placeRow(['form', 'reports', owner.index, key, target.length], row);
      target.push(column);
    }
  }
  return { kind: 'form', form };
}

function readUnits(w: Reading): Row {
  const units = w.rows(UNITS_SHEET).map((row, i) => {
    w.placeRow(['units', i], row);
    return row.value;
  });
  return { kind: 'orgUnits', units };
}

/**
 * Reads a definition workbook (grids from any reader: .xlsx, .ods, .xls) into its JSON twin
 * and the cell of every path. A workbook with a sheet `units` is an org-unit tree; one with a
 * sheet `form` a form. Cells that cannot be read (text where a number goes, an unknown column)
 * stop it with findings at their cells; the shape and the ids are checked by `checkDefinition`.
 */
export function readDefinitionWorkbook(grids: readonly Grid[]): DefinitionRead {
  const w = new Reading(grids);
  let doc: Row | null = null;
  if (w.has(UNITS_SHEET.sheet)) doc = readUnits(w);
  else if (w.has(FORM_SHEET.sheet)) doc = readForm(w);
  else w.at(grids[0]?.sheet ?? '(workbook)', finding('definition.not_definition', [], {}));
  if (w.findings.length || !doc) return { ok: false, findings: w.findings, sources: w.sources };
  return { ok: true, doc, sources: w.sources };
}
