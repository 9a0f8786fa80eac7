import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { blankFormLayout } from '@returns-hub/shared/forms/blankFormLayout';
import type { OrgUnit } from '@returns-hub/shared/orgUnits/orgUnit';
import { a1, addressPrefix } from '@returns-hub/shared/sheet/address';
import type { ExcelContext } from './excelApi';
import { uniqueSheetName } from './sheetNames';

/** A hidden sheet holding the org-unit names the dropdowns list (a list source longer than 255 characters must be a range). */
export const LISTS_SHEET = 'รายชื่อหน่วยงาน';
const YES_NO = 'ใช่,ไม่ใช่';

export interface InsertedForm {
  /** The new sheet's name: the form's title cut between words, numbered when taken. */
  sheet: string;
  /** False where the host has no data validation (before ExcelApi 1.8): the sheet has no dropdowns. */
  dropdowns: boolean;
  syncs: number;
}

/** `A1:C4` for a block of rows × columns at 0-based row, column. */
function block(row: number, col: number, rows: number, cols: number): string {
  return `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`;
}

/**
 * Inserts an empty sheet of a form under a name no sheet has, with dropdowns for org
 * units and yes/no where the host supports them, and activates it, so a new user starts
 * with labels the checker reads. Two syncs: the sheet names, then everything else.
 */
export async function insertBlankForm(context: ExcelContext, form: FormDef, o: { dropdowns: boolean; units: readonly OrgUnit[] }): Promise<InsertedForm> {
  const sheets = context.workbook.worksheets;
  sheets.load(['items/name']);
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const name = uniqueSheetName(form.title_th, names);

  const { rows, dropdowns } = blankFormLayout(form);
  const kinds = new Set(dropdowns.flatMap((d) => d.field.orgUnitKinds ?? []));
  const units = o.units.filter((u) => kinds.has(u.kind));
  if (o.dropdowns && units.length) {
    const lists = names.some((n) => n.toLowerCase() === LISTS_SHEET.toLowerCase()) ? sheets.getItem(LISTS_SHEET) : sheets.add(LISTS_SHEET);
    lists.visibility = 'Hidden';
    lists.getRange(block(0, 0, units.length, 2)).values = units.map((u) => [u.name_th, u.code]);
  }

  const ws = sheets.add(name);
  const width = Math.max(...rows.map((r) => r.length), 1);
  ws.getRange(block(0, 0, rows.length, width)).values = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  if (o.dropdowns) {
    for (const d of dropdowns) {
      const source = d.kind === 'yesno' ? YES_NO : `=${addressPrefix(LISTS_SHEET)}$A$1:$A$${units.length}`;
      ws.getRange(block(d.row, d.col, d.rows, 1)).dataValidation.rule = { list: { inCellDropDown: true, source } };
    }
  }
  ws.getRange(block(0, 0, 1, width)).format.font.bold = true;
  ws.activate();
  await context.sync();
  return { sheet: name, dropdowns: o.dropdowns, syncs: 2 };
}
