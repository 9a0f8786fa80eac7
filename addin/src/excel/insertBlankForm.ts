import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { blankFormLayout } from '@returns-hub/shared/forms/blankFormLayout';
import { ORG_UNITS } from '@returns-hub/shared/orgUnits/orgUnits';
import { columnLetters } from '@returns-hub/shared/sheet/address';

/** A hidden sheet holding the org-unit names the dropdowns list (a list source longer than 255 characters must be a range). */
export const LISTS_SHEET = 'รายชื่อหน่วยงาน';
const YES_NO = 'ใช่,ไม่ใช่';

/**
 * Inserts an empty sheet of a form, with dropdowns for org units and yes/no, so a new
 * user starts with labels the checker reads. Two syncs.
 */
export async function insertBlankForm(context: Excel.RequestContext, form: FormDef): Promise<{ sheet: string; syncs: number }> {
  let syncs = 0;
  const lists = context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
  await (syncs++, context.sync());

  const kinds = new Set(blankFormLayout(form).dropdowns.flatMap((d) => d.field.orgUnitKinds ?? []));
  const units = ORG_UNITS.filter((u) => kinds.has(u.kind));
  const listSheet = lists.isNullObject ? context.workbook.worksheets.add(LISTS_SHEET) : lists;
  listSheet.visibility = Excel.SheetVisibility.hidden;
  if (units.length) listSheet.getRangeByIndexes(0, 0, units.length, 2).values = units.map((u) => [u.name_th, u.code]);

  const name = `${form.title_th}`.replace(/[:\\/?*[\]]/g, '-').slice(0, 24) + ' ' + new Date().toISOString().slice(11, 16).replace(':', '');
  const ws = context.workbook.worksheets.add(name);
  const { rows, dropdowns } = blankFormLayout(form);
  const width = Math.max(...rows.map((r) => r.length), 1);
  ws.getRangeByIndexes(0, 0, rows.length, width).values = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
  for (const d of dropdowns) {
    const range = ws.getRangeByIndexes(d.row, d.col, d.rows, 1);
    const source = d.kind === 'yesno' ? YES_NO : `='${LISTS_SHEET}'!$A$1:$A$${units.length}`;
    range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  }
  ws.getRange(`A1:${columnLetters(width - 1)}1`).format.font.bold = true;
  ws.activate();
  await (syncs++, context.sync());
  return { sheet: name, syncs };
}
