import type { Grid } from '../sheet/grid';
import type { Issue } from '../issues/issue';
import { locateSheet } from '../read/locateSheet';
import type { LocatedReturn } from '../read/locatedReturn';
import type { CheckedReturn } from './checkedReturn';
import { checkReturn, checkTotalRows, interpretTable } from './checkReturn';

export interface SheetCheck {
  sheet: string;
  formId: string | null;
  located: LocatedReturn[];
  returns: CheckedReturn[];
  /** Findings about the sheet itself (layout, notes, unknown columns, not a form). */
  issues: Issue[];
}

/** A table of one row per unit has its total rows checked here: they belong to no single return. */
function unitTableTotals(sheet: string, reading: ReturnType<typeof locateSheet>): Issue[] {
  const t = reading.unitTable;
  const columns = reading.form?.table?.columns;
  if (!t || !columns) return [];
  const rows = interpretTable(sheet, t, columns, []);
  return checkTotalRows({ sheet, columns: t.columns, firstColumn: t.firstColumn, fieldCells: {} }, rows, columns, t);
}

/** Reads and checks every sheet of a workbook: sheet → grid → form reading → checked returns. */
export function checkSheets(grids: readonly Grid[]): SheetCheck[] {
  return grids.map((grid) => {
    const reading = locateSheet(grid);
    return {
      sheet: grid.sheet,
      formId: reading.form?.id ?? null,
      located: reading.returns,
      returns: reading.returns.map((loc) => checkReturn(loc)),
      issues: [...reading.issues, ...unitTableTotals(grid.sheet, reading)],
    };
  });
}
