import type { FormDef } from '../forms/formDef';
import type { TypedRow, Value } from '../check/checkedReturn';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import { addressPrefix } from '../sheet/address';

/** Columns that hold where a value came from: `cell:<column id>`. */
export const SOURCE_PREFIX = 'cell:';

/** One current return as the flat export needs it: who, when, which version, on time or late, its fields and rows. */
export interface FlatReturn {
  orgUnit: string;
  fiscalYear: number;
  period: string;
  subject: string | null;
  version: number;
  submittedAt: string;
  status: 'on_time' | 'late';
  fields: Record<string, Value | null>;
  rows: TypedRow[];
  /** Where the values stood in the file sent: the sheet, each record field's cell (`'แบบรายงาน 1'!C14`), each table column's letters. */
  sheet?: string;
  fieldCells?: Record<string, string>;
  columns?: Record<string, string>;
}

export interface FlatColumn {
  id: string;
  label_th: string;
  label_en: string;
}

export type FlatValue = string | number | boolean | null;

const META: FlatColumn[] = [
  { id: 'form', label_th: 'แบบรายงาน', label_en: 'Form' },
  { id: 'org_unit', label_th: 'รหัสหน่วยงานที่รายงาน', label_en: 'Reporting unit code' },
  { id: 'org_unit_name_th', label_th: 'หน่วยงาน', label_en: 'Unit (Thai name)' },
  { id: 'fiscal_year', label_th: 'ปีงบประมาณ', label_en: 'Fiscal year' },
  { id: 'period', label_th: 'งวด', label_en: 'Period' },
  { id: 'subject', label_th: 'เรื่อง', label_en: 'Subject' },
  { id: 'version', label_th: 'ฉบับที่', label_en: 'Version' },
  { id: 'submitted_at', label_th: 'วันเวลาที่ส่ง', label_en: 'Submitted at' },
  { id: 'status', label_th: 'สถานะการส่ง', label_en: 'Status' },
  { id: 'row', label_th: 'แถวในแผ่นงาน', label_en: 'Sheet row' },
];

/**
 * Every current return of a form and period flattened, one row per record: a return's table
 * rows (items; total rows left out) each with the return's record fields beside them, or one
 * row per return when it has no table rows (a district's Form 2 record). Columns: the unit's
 * code and Thai name, period, version, on-time status, then the form's fields and columns by id,
 * then for each of them the cell its value came from (`'แบบรายงาน 1'!C14`: a total drills down to cells).
 */
export function flatRecords(form: FormDef, units: OrgUnitTree, returns: readonly FlatReturn[]): { columns: FlatColumn[]; rows: FlatValue[][] } {
  // A field the metadata already gives (the fiscal year the period comes from) is not repeated.
  const fieldCols: FlatColumn[] = form.fields.filter((f) => !META.some((m) => m.id === f.id)).map((f) => ({ id: f.id, label_th: f.label_th, label_en: f.label_en }));
  const tableCols: FlatColumn[] = (form.table?.row === 'item' ? form.table.columns : [])
    .filter((c) => !form.fields.some((f) => f.id === c.id))
    .map((c) => ({ id: c.id, label_th: c.label_th, label_en: c.label_en }));
  // Drill-down: beside the values, the cell each came from (a record field's own cell, a table value's column and row).
  const sourceCols: FlatColumn[] = [...fieldCols, ...tableCols].map((c) => ({ id: `${SOURCE_PREFIX}${c.id}`, label_th: `เซลล์ต้นทาง: ${c.label_th}`, label_en: `Source cell: ${c.label_en}` }));
  const columns = [...META, ...fieldCols, ...tableCols, ...sourceCols];
  const rows: FlatValue[][] = [];
  const sorted = [...returns].sort((a, b) => a.orgUnit.localeCompare(b.orgUnit) || (a.subject ?? '').localeCompare(b.subject ?? ''));
  for (const r of sorted) {
    const meta: FlatValue[] = [form.id, r.orgUnit, units.byCode(r.orgUnit)?.name_th ?? r.orgUnit, r.fiscalYear, r.period, r.subject, r.version, r.submittedAt, r.status];
    const fields = fieldCols.map((c) => r.fields[c.id] ?? null);
    const fieldSources = fieldCols.map((c) => r.fieldCells?.[c.id] ?? null);
    const items = r.rows.filter((row) => row.kind === 'item');
    const cellIn = (id: string, row: number) => (r.sheet !== undefined && r.columns?.[id] ? `${addressPrefix(r.sheet)}${r.columns[id]}${row}` : null);
    if (items.length === 0 || tableCols.length === 0) rows.push([...meta, null, ...fields, ...tableCols.map(() => null), ...fieldSources, ...tableCols.map(() => null)]);
    else for (const item of items) rows.push([...meta, item.row, ...fields, ...tableCols.map((c) => item.values[c.id] ?? null), ...fieldSources, ...tableCols.map((c) => cellIn(c.id, item.row))]);
  }
  return { columns, rows };
}
