import type { Issue } from '@returns-hub/shared/issues/issue';
import { bySeverity } from '@returns-hub/shared/issues/issue';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import type { Grid } from '@returns-hub/shared/sheet/grid';
import type { DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import { groupFindings, type FindingGroup } from './findingGroups';
import { changedCells } from './sheetChanges';
import { cellsToHighlight } from '../excel/highlights';

/**
 * Cells coloured after a check at most: each is a read and a write of its fill, so a sheet of
 * 60,000 findings is coloured where the clerk starts (errors first) and the list has the rest.
 */
export const MAX_HIGHLIGHTS = 1000;

/** A return found on the sheet: its key, and what it is about in the clerk's words (the project's code and name). */
export interface FoundReturn {
  formId: string;
  orgUnit: string | null;
  fiscalYear: number | null;
  period: string | null;
  subject: string | null;
  /** The form's subject fields as written (`รหัสโครงการ` → `50450000-3247`), by field id. */
  about: { field: string; value: string }[];
}

/**
 * One sheet checked, in a form that crosses to and from a Web Worker cheaply: the findings
 * (sorted by severity) and their groups, the returns found, and the returns as Send posts
 * them, already as JSON.
 */
export interface SheetCheck {
  sheet: string;
  returns: FoundReturn[];
  issues: Issue[];
  counts: { error: number; warning: number; info: number };
  groups: FindingGroup[];
  /** How many returns were located (what Send would send). */
  located: number;
  /** The located returns as the JSON body part Send posts. */
  submission: string;
  /** The cells to colour (errors win over warnings; errors first), at most MAX_HIGHLIGHTS; and how many cells have findings in all. */
  highlights: { cells: { cell: string; severity: 'error' | 'warning' }[]; total: number };
  /** Cells that differ from the grid this check was compared with; null when it was compared with none. */
  changed: string[] | null;
  /** The checker's own time, ms: reading the grid as a form, checking it, grouping the findings (not reading the sheet from Excel). */
  checkMs: number;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Reads and checks one sheet's grid (the shared checker, with the definitions of the year the sheet states), and compares it with an earlier read of the sheet. */
export function checkGrid(grid: Grid, definitions: DefinitionSource, previous?: Grid): SheetCheck {
  const t0 = now();
  const [sheet] = checkSheets([grid], definitions);
  const issues = [...sheet.issues, ...sheet.returns.flatMap((r) => r.issues)].sort(bySeverity);
  const groups = groupFindings(issues);
  const marked = cellsToHighlight(issues);
  const checkMs = now() - t0;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return {
    sheet: sheet.sheet,
    returns: sheet.returns.map((r) => ({
      formId: r.formId,
      orgUnit: r.orgUnit,
      fiscalYear: r.fiscalYear,
      period: r.period,
      subject: r.subject,
      about: (definitions.forYear(r.fiscalYear).formById(r.formId)?.subjectFields ?? []).flatMap((field) => {
        const v = r.fields[field];
        return v === null || v === undefined || v === '' ? [] : [{ field, value: String(v) }];
      }),
    })),
    issues,
    counts,
    groups,
    highlights: { cells: [...marked].slice(0, MAX_HIGHLIGHTS).map(([cell, severity]) => ({ cell, severity })), total: marked.size },
    located: sheet.located.length,
    submission: JSON.stringify(sheet.located),
    changed: previous ? changedCells(previous, grid) : null,
    checkMs,
  };
}
