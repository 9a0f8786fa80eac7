import type { Grid } from '@returns-hub/shared/sheet/grid';
import type { Issue } from '@returns-hub/shared/issues/issue';

/**
 * The file formats the reader takes, by what their bytes are (not their names): `html` and
 * `spreadsheetml` (Excel 2003 XML) are what web systems save as ".xls".
 */
export type WorkbookFormat = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'csv' | 'html' | 'spreadsheetml';

/** A file read to grids, or the one finding that says why it could not be. */
export type WorkbookRead = { ok: true; format: WorkbookFormat; grids: Grid[] } | { ok: false; format?: WorkbookFormat; issue: Issue };

/** What one format's reader gives back: grids, or the finding that stopped it. */
export type GridsRead = { ok: true; grids: Grid[] } | { ok: false; issue: Issue };
