import type { Grid } from '../sheet/grid';
import type { Issue } from '../issues/issue';
import { locateSheet, type SheetReading } from '../read/locateSheet';
import type { LocatedReturn } from '../read/locatedReturn';
import type { CheckedReturn } from './checkedReturn';
import type { DefinitionSource, Definitions } from '../definitions/definitions';
import { checkReturn, checkTotalRows, interpretTable, interpretingFor, statedFiscalYear } from './checkReturn';

export interface SheetCheck {
  sheet: string;
  formId: string | null;
  located: LocatedReturn[];
  returns: CheckedReturn[];
  /** Findings about the sheet itself (layout, notes, unknown columns, not a form). */
  issues: Issue[];
}

/** A sheet located with the definitions of the fiscal year it states. */
export interface YearReading {
  reading: SheetReading;
  definitions: Definitions;
}

/**
 * Locates a sheet's form with the definitions of the year it is for: first with the newest
 * definitions (the year is not known yet), then, when the year it states has other
 * definitions (a form changed for that year), again with those. Needs the grid, not a reading.
 */
export function locateForYear(grid: Grid, source: DefinitionSource): YearReading {
  const newest = source.forYear(null);
  const first = locateSheet(grid, newest.forms);
  const located = first.returns[0];
  if (!first.form || !located) return { reading: first, definitions: newest };
  const definitions = source.forYear(statedFiscalYear(located, first.form));
  return definitions === newest ? { reading: first, definitions } : { reading: locateSheet(grid, definitions.forms), definitions };
}

/** A table of one row per unit has its total rows checked here: they belong to no single return. */
function unitTableTotals(sheet: string, reading: SheetReading, definitions: Definitions): Issue[] {
  const t = reading.unitTable;
  const columns = reading.form?.table?.columns;
  if (!t || !columns || !reading.form) return [];
  const rows = interpretTable(sheet, t, columns, [], interpretingFor(reading.form, definitions.units));
  return checkTotalRows({ sheet, columns: t.columns, firstColumn: t.firstColumn, fieldCells: {} }, rows, columns, t);
}

/**
 * Checks one located sheet: form reading → checked returns, with the definitions of its year.
 * It needs the reading only, not the grid it came from. With `keepLocated: false` the reading
 * is given up: the located returns' rows are let go as they are checked, and the result holds
 * no located returns.
 */
export function checkSheet({ reading, definitions }: YearReading, { keepLocated = true } = {}): SheetCheck {
  const issues = [...reading.issues, ...unitTableTotals(reading.sheet, reading, definitions)];
  return {
    sheet: reading.sheet,
    formId: reading.form?.id ?? null,
    located: keepLocated ? reading.returns : [],
    returns: reading.returns.map((loc) => checkReturn(loc, { definitions }, !keepLocated)),
    issues,
  };
}

/** Reads and checks every sheet of a workbook: sheet → grid → form reading (of its year's definitions) → checked returns. */
export function checkSheets(grids: readonly Grid[], source: DefinitionSource): SheetCheck[] {
  return grids.map((grid) => checkSheet(locateForYear(grid, source)));
}
