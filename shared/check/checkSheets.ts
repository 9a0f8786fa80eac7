import type { Grid } from '../sheet/grid';
import type { Issue } from '../issues/issue';
import { locateSheet } from '../read/locateSheet';
import type { LocatedReturn } from '../read/locatedReturn';
import type { CheckedReturn } from './checkedReturn';
import { checkReturn, checkTotalRows, interpretRows } from './checkReturn';

export interface SheetCheck {
  sheet: string;
  formId: string | null;
  located: LocatedReturn[];
  returns: CheckedReturn[];
  /** Findings about the sheet itself (layout, notes, unknown columns, not a form). */
  issues: Issue[];
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
      issues: reading.form?.table && reading.tableRows.length
        ? [...reading.issues, ...checkTotalRows(interpretRows(reading.tableRows, reading.form.table.columns, []), reading.form.table.columns)]
        : reading.issues,
    };
  });
}
