import type { Grid } from '../sheet/grid';
import type { Issue } from '../issues/issue';
import { locateSheet, type SheetReading } from '../read/locateSheet';
import type { LocatedReturn } from '../read/locatedReturn';
import type { CheckedReturn } from './checkedReturn';
import { checkReturn, checkTotalRows, interpretTable, interpretingFor } from './checkReturn';
import { BUILT_IN } from '../forms';

export interface SheetCheck {
  sheet: string;
  formId: string | null;
  located: LocatedReturn[];
  returns: CheckedReturn[];
  /** Findings about the sheet itself (layout, notes, unknown columns, not a form). */
  issues: Issue[];
}

/** A table of one row per unit has its total rows checked here: they belong to no single return. */
function unitTableTotals(sheet: string, reading: SheetReading): Issue[] {
  const t = reading.unitTable;
  const columns = reading.form?.table?.columns;
  if (!t || !columns || !reading.form) return [];
  const rows = interpretTable(sheet, t, columns, [], interpretingFor(reading.form, BUILT_IN.units));
  return checkTotalRows({ sheet, columns: t.columns, firstColumn: t.firstColumn, fieldCells: {} }, rows, columns, t);
}

/**
 * Checks one located sheet: form reading → checked returns. It needs the reading only, not
 * the grid it came from. With `keepLocated: false` the reading is given up: the located
 * returns' rows are let go as they are checked, and the result holds no located returns.
 */
export function checkSheet(reading: SheetReading, { keepLocated = true } = {}): SheetCheck {
  const issues = [...reading.issues, ...unitTableTotals(reading.sheet, reading)];
  return {
    sheet: reading.sheet,
    formId: reading.form?.id ?? null,
    located: keepLocated ? reading.returns : [],
    returns: reading.returns.map((loc) => checkReturn(loc, {}, !keepLocated)),
    issues,
  };
}

/** Reads and checks every sheet of a workbook: sheet → grid → form reading → checked returns. */
export function checkSheets(grids: readonly Grid[]): SheetCheck[] {
  return grids.map((grid) => checkSheet(locateSheet(grid)));
}
