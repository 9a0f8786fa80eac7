import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { blankFormLayout } from '@returns-hub/shared/forms/blankFormLayout';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import { formatPeriod, isPeriodCode } from '@returns-hub/shared/period/index';
import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';
import { a1, addressPrefix, splitSheetAddress } from '@returns-hub/shared/sheet/address';
import type { ReviewComment } from '@returns-hub/shared/review/reviewSchemas';
import type { StoredReturnView } from '@returns-hub/shared/review/storedReturnView';

export type CellValue = string | number;

/** What a cell of the opened sheet is coloured for: a finding of the check, or a reviewer's comment. */
export type MarkKind = 'warning' | 'comment';

/** A stored return as a sheet: its values laid out as the form's blank layout, and where each came from. */
export interface OpenedLayout {
  /** Cell values row by row (0-based), ready to write. */
  rows: CellValue[][];
  /** An opened-sheet cell (`C9`) → the unit's own cell it came from (`'แบบรายงาน 1'!C14`): comments are made on the unit's cells. */
  toUnitCell: Record<string, string>;
  /** Cells of the opened sheet to colour. */
  marks: { cell: string; kind: MarkKind }[];
  /** Rows shown bold: the titles and the table's header. */
  boldRows: number[];
}

/** `'แบบรายงาน 1'!$c$14` and `'แบบรายงาน 1'!C14` are one cell. */
export function unitCellKey(address: string): string {
  const { sheet, cell } = splitSheetAddress(address);
  return `${sheet}!${cell.replace(/\$/g, '').toUpperCase()}`;
}

function shown(v: string | number | boolean | null | undefined): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'ใช่' : 'ไม่ใช่';
  return v;
}

/**
 * Lays a stored return out as its form's blank layout (titles, each record field's label
 * and value, the table's header and its rows, or one row for a table of returns), with a line
 * naming the unit, period and version. Findings and comments, addressed on the unit's own
 * sheet, are mapped to the cells they land on here.
 */
export function reviewSheetLayout(form: FormDef, units: OrgUnitTree, r: StoredReturnView, comments: readonly ReviewComment[]): OpenedLayout {
  const blank = blankFormLayout(form);
  const rows: CellValue[][] = blank.rows.map((row) => [...row]);
  const toUnitCell: Record<string, string> = {};
  const put = (row: number, col: number, value: CellValue, unitCell: string | undefined) => {
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= col) rows[row].push('');
    rows[row][col] = value;
    if (unitCell) toUnitCell[a1(row, col)] = unitCell;
  };
  const unit = units.byCode(r.orgUnit);
  const period = isPeriodCode(r.period) ? formatPeriod({ fiscalYear: r.fiscalYear, code: r.period }, 'th') : `${r.fiscalYear}`;
  rows[2] = [`${r.orgUnit} ${unit?.name_th ?? ''} · ${period}${r.subject ? ` · ${r.subject}` : ''} · ฉบับที่ ${r.version} · ส่งเมื่อ ${bangkokTime(r.submittedAt).th}`];

  for (const [id, at] of Object.entries(blank.valueCells)) put(at.row, at.col, shown(r.fields[id]), r.fieldCells[id]);
  if (blank.table) {
    const { headerRow, columns } = blank.table;
    rows.length = headerRow + 1; // the blank rows go: the stored rows take their place
    if (form.table?.row === 'return') columns.forEach((id, col) => put(headerRow + 1, col, shown(r.fields[id]), r.fieldCells[id]));
    else
      r.rows.forEach((row, i) => columns.forEach((id, col) => put(headerRow + 1 + i, col, shown(row.values[id]), r.columns[id] ? `${addressPrefix(r.sheet)}${r.columns[id]}${row.row}` : undefined)));
  }

  const toOpened = new Map(Object.entries(toUnitCell).map(([opened, unitCell]) => [unitCellKey(unitCell), opened]));
  const marks: OpenedLayout['marks'] = [];
  const mark = (unitCell: string, kind: MarkKind) => {
    const cell = toOpened.get(unitCellKey(unitCell));
    if (cell) marks.push({ cell, kind });
  };
  for (const i of r.issues) if (i.severity === 'warning') mark(i.cell, 'warning');
  for (const c of comments) mark(c.cell, 'comment');
  return { rows, toUnitCell, marks, boldRows: [0, ...(blank.table ? [blank.table.headerRow] : [])] };
}
