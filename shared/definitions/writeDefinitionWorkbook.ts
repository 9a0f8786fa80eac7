import { columnPath, getAt, writeCell, type WrittenCell } from './definitionCells';
import type { DefinitionDocument } from './definitionDocument';
import type { FormDef } from '../forms/formDef';
import { PROPERTY_COLUMNS } from './readDefinitionWorkbook';
import {
  CATALOG_SHEET,
  CHOICES_SHEET,
  CONSOLIDATION_SHEET,
  COUNTS_SHEET,
  FIELDS_SHEET,
  FORM_SHEET,
  INDICATORS_SHEET,
  REPORT_COLUMNS_SHEET,
  REPORTS_SHEET,
  RULES_SHEET,
  TARGETS_SHEET,
  UNITS_SHEET,
  headerText,
  type PropertySheetSpec,
  type RowSheetSpec,
} from './definitionSheets';

/** A sheet of a definition workbook as written: its name and rows of cell values (the header first). */
export interface DefinitionSheet {
  name: string;
  rows: WrittenCell[][];
}

function rowSheet(spec: RowSheetSpec, items: readonly object[], extra: (item: object) => Record<string, unknown> = () => ({})): DefinitionSheet {
  const rows = items.map((item) => {
    const all = { ...item, ...extra(item) };
    return spec.columns.map((c) => writeCell(getAt(all, columnPath(c.id)), c.kind));
  });
  return { name: spec.sheet, rows: [spec.columns.map(headerText), ...rows] };
}

function propertySheet(spec: PropertySheetSpec, source: object): DefinitionSheet {
  const rows = spec.properties.flatMap((p) => {
    const value = getAt(source, columnPath(p.id));
    // An object is written property by property (`columns.code`); `columns` of item totals is a list.
    if (value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))) return [];
    return [[p.id, p.th, writeCell(value, p.kind)]];
  });
  return { name: spec.sheet, rows: [PROPERTY_COLUMNS.map(headerText), ...rows] };
}

function formSheets(form: FormDef): DefinitionSheet[] {
  const table = form.table;
  // A table of one row per unit that repeats the record fields exactly: each field once, `in` both.
  const both = table !== undefined && JSON.stringify(table.columns) === JSON.stringify(form.fields);
  const fields = [...form.fields.map((f) => ({ ...f, in: both ? 'both' : 'record' })), ...(both || !table ? [] : table.columns.map((c) => ({ ...c, in: 'table' })))];
  const c = form.consolidation;
  const reports = form.reports ?? [];
  const reportColumns = reports.flatMap((l) => [
    ...l.columns.map((col) => ({ ...col, report: l.name, part: 'columns' })),
    ...(l.shape === 'groupRows' ? (l.eachMeasure ?? []).map((col) => ({ ...col, report: l.name, part: 'eachMeasure' })) : []),
  ]);
  return [
    propertySheet(FORM_SHEET, form),
    rowSheet(FIELDS_SHEET, fields),
    rowSheet(CHOICES_SHEET, form.choices ?? []),
    rowSheet(RULES_SHEET, form.rules),
    propertySheet(CONSOLIDATION_SHEET, c),
    rowSheet(INDICATORS_SHEET, c.kind === 'indicators' ? c.indicators : []),
    rowSheet(COUNTS_SHEET, c.kind === 'rowCounts' ? c.counts : []),
    rowSheet(CATALOG_SHEET, form.catalog ?? []),
    rowSheet(TARGETS_SHEET, form.targets ?? []),
    rowSheet(REPORTS_SHEET, reports),
    rowSheet(REPORT_COLUMNS_SHEET, reportColumns),
  ];
}

/**
 * A definition as the sheets of its workbook (what headquarters edits): each list a sheet of
 * rows, each object a sheet of `property | description | value`, headers `id (Thai label)`.
 * `readDefinitionWorkbook` reads these sheets back into the same definition.
 */
export function definitionWorkbookSheets(doc: DefinitionDocument): DefinitionSheet[] {
  return doc.kind === 'form' ? formSheets(doc.form) : [rowSheet(UNITS_SHEET, doc.units)];
}
