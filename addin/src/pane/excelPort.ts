import type { Issue } from '@returns-hub/shared/issues/issue';
import type { Tally } from '@returns-hub/shared/consolidate/tally';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { Completeness } from '@returns-hub/shared/api/client';
import type { SheetRead } from '../excel/readActiveSheet';
import type { SavedFill } from '../excel/highlights';

/**
 * Everything the pane needs from Excel. The pane's state and logic use only this; the
 * office.js implementation (`excel/officeExcelPort.ts`) is the one place that calls Excel.
 */
export interface ExcelPort {
  readActiveSheet(): Promise<SheetRead>;
  highlight(issues: readonly Issue[]): Promise<SavedFill[]>;
  clearHighlights(saved: readonly SavedFill[]): Promise<void>;
  selectCell(address: string): Promise<void>;
  writeTallies(t: Tally, c: Completeness | null): Promise<{ sheet: string }>;
  insertBlankForm(form: FormDef): Promise<{ sheet: string }>;
}
