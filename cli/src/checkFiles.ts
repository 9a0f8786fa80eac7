import { basename } from 'node:path';
import { checkSheet, locateForYear, type SheetCheck, type YearReading } from '@returns-hub/shared/check/checkSheets';
import type { DefinitionSource, Definitions } from '@returns-hub/shared/definitions/definitions';
import { builtInDefinitions } from './builtInDefinitions';
import type { Grid } from '@returns-hub/shared/sheet/grid';
import type { Issue } from '@returns-hub/shared/issues/issue';
import type { LocatedReturn } from '@returns-hub/shared/read/locatedReturn';
import { hasErrors } from '@returns-hub/shared/issues/severity';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { readWorkbookFile, type WorkbookFormat } from './xlsx/readWorkbookFile';
import { summariseReturn, type ReturnSummary } from './returnSummary';
import { collectGarbage } from './collectGarbage';

/** A file read and checked, each sheet kept as `S` (the whole check, or what a command needs of it). */
export interface FileResult<S> {
  file: string;
  /** The format the file was read as (by its content), when it could be told. */
  format?: WorkbookFormat;
  sheets: S[];
  /** Findings about the file as a whole (unreadable, empty, no form). */
  issues: Issue[];
}
/** A sheet checked, with the definitions of its year (its org units name its units). */
export type CheckedSheet = SheetCheck & { definitions: Definitions };
export type FileCheck = FileResult<CheckedSheet>;

/** What `check` keeps of a sheet: its findings and a summary of each return, not their rows. */
export interface SheetSummary {
  sheet: string;
  formId: string | null;
  issues: Issue[];
  returns: ReturnSummary[];
}
/** What `upload` keeps: the summary, and the located returns it sends. */
export type SheetToSend = SheetSummary & { located: LocatedReturn[] };

/** Locates the next sheet with its year's definitions, taking its grid out of the list: once located, nothing holds its cells. */
function locateNext(grids: Grid[], source: DefinitionSource): YearReading {
  return locateForYear(grids.shift()!, source);
}

/** Checks the next sheet and keeps what is wanted of it; the rest is let go when this returns. */
function checkNext<S>(grids: Grid[], source: DefinitionSource, keep: (s: CheckedSheet) => S, keepLocated: boolean): { kept: S; returns: number } {
  const rows = grids[0].rows.length;
  const reading = locateNext(grids, source);
  collectGarbage(rows); // the grid
  const s = checkSheet(reading, { keepLocated });
  return { kept: keep({ ...s, definitions: reading.definitions }), returns: s.returns.length };
}

/**
 * Reads and checks one workbook file (any format `readWorkbookFile` reads), a sheet at a time:
 * each grid is let go once its sheet is located, and `keep` takes what is wanted of each
 * checked sheet before the next is checked, so a big sheet's cells, its located rows and
 * its checked rows are never all in memory at once. Without `keepLocated` the located rows
 * are also let go as they are checked (only `upload` needs them).
 */
export async function checkFileKeeping<S>(path: string, keep: (s: CheckedSheet) => S, keepLocated = true, source: DefinitionSource = builtInDefinitions()): Promise<FileResult<S>> {
  const file = basename(path);
  const read = await readWorkbookFile(path);
  if (!read.ok) return { file, format: read.format, sheets: [], issues: [read.issue] };
  collectGarbage(read.grids.reduce((n, g) => n + g.rows.length, 0)); // what reading left
  const grids = read.grids;
  const sheets: S[] = [];
  let forms = 0;
  while (grids.length) {
    const { kept, returns } = checkNext(grids, source, keep, keepLocated);
    forms += returns;
    sheets.push(kept);
  }
  return { file, format: read.format, sheets, issues: forms > 0 ? [] : [issueAt('error', 'file.no_form', file)] };
}

/** Reads and checks one workbook file, keeping everything (tests, consolidation); with the built-in definitions unless others are given. */
export function checkFile(path: string, source?: DefinitionSource): Promise<FileCheck> {
  return checkFileKeeping(path, (s) => s, true, source);
}

export function summariseSheet(s: CheckedSheet): SheetSummary {
  return { sheet: s.sheet, formId: s.formId, issues: s.issues, returns: s.returns.map((r) => summariseReturn(r, s.definitions.units)) };
}

export function fileHasErrors(f: FileResult<{ issues: Issue[]; returns: { issues: Issue[] }[] }>): boolean {
  return hasErrors(f.issues) || f.sheets.some((s) => hasErrors(s.issues) || s.returns.some((r) => hasErrors(r.issues)));
}
