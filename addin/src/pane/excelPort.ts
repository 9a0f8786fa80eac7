import type { Tally } from '@returns-hub/shared/consolidate/tally';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { Definitions } from '@returns-hub/shared/definitions/definitions';
import type { OrgUnit } from '@returns-hub/shared/orgUnits/orgUnit';
import type { Completeness } from '@returns-hub/shared/api/client';
import type { SheetRead } from '../excel/readSheet';
import type { SheetSink } from '../check/sheetChunk';
import type { SavedFill } from '../excel/highlights';
import type { InsertedForm } from '../excel/insertBlankForm';
import type { ExcelOutcome } from '../excel/excelRunner';
import type { Feature } from '../excel/requirementSets';

/**
 * Everything the pane needs from Excel. The pane's state and logic use only this; the
 * office.js implementation (`excel/excelPort.ts`) runs every call through the one runner
 * that maps Excel's errors, so each call answers with a value or a problem, never throws.
 */
export interface ExcelPort {
  /** The sheet by its stable id (the active sheet without one), handed to `sink` in chunks of rows as Excel hands them over. */
  readSheet(sheetId: string | undefined, sink: SheetSink, o?: { maxRows?: number }): Promise<ExcelOutcome<SheetRead>>;
  /** Fills cells with colours, saving each one's fill first. */
  highlight(sheetId: string, cells: readonly { cell: string; color: string }[]): Promise<ExcelOutcome<SavedFill[]>>;
  clearHighlights(saved: readonly SavedFill[]): Promise<ExcelOutcome<void>>;
  selectCell(sheetId: string, cell: string): Promise<ExcelOutcome<void>>;
  /** The tally's report sheet in a layout (the form's for the grouping by default), with HQ's total row where the layout has one. */
  writeTallies(t: Tally, c: Completeness | null, definitions: Definitions, o?: { total?: Tally; layout?: string; sheetId?: string }): Promise<ExcelOutcome<{ sheet: string; sheetId: string }>>;
  /** An empty sheet of a form, its dropdowns listing `units` (the org units of the year worked on). */
  insertBlankForm(form: FormDef, units: readonly OrgUnit[]): Promise<ExcelOutcome<InsertedForm>>;
  supports(feature: Feature): boolean;
}
