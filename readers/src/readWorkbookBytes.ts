import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { detectFormat } from './detectFormat';
import { MAX_FILE_BYTES } from './readLimits';
import type { GridsRead, WorkbookRead } from './workbookRead';
import type { ReadHost } from './readHost';
import { stemOf } from './bytes';
import { inflaterOf } from './inflater';

export type { WorkbookFormat, WorkbookRead } from './workbookRead';
export type { ReadHost } from './readHost';
export { MAX_FILE_BYTES, MAX_SHEET_CELLS } from './readLimits';

/** The formats read, as the unknown-format finding lists them. */
export const FORMATS_READ = '.xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .xml, .html';

/**
 * Opens a workbook from bytes, whatever it is (.xlsx/.xlsm streamed by our reader; .xls,
 * .xlsb, .ods and web systems' HTML and Excel 2003 XML ".xls" by SheetJS; .csv as text);
 * anything that cannot be read is one clear finding, never a throw. Each reader is loaded
 * only when a file of its format comes. The same in Node (the CLI, which reads the file and
 * gives Node's zlib) and in a browser's worker (the clerk's page, which reports progress).
 */
export async function readWorkbookBytes(bytes: Uint8Array, name: string, host: ReadHost = {}): Promise<WorkbookRead> {
  const fail = (issue: Issue): WorkbookRead => ({ ok: false, issue });
  if (bytes.length === 0) return fail(issueAt('error', 'file.empty', name));
  if (bytes.length > MAX_FILE_BYTES) return fail(issueAt('error', 'file.too_large', name, { size: bytes.length, limit: MAX_FILE_BYTES }));
  const inflater = await inflaterOf(host);
  const detected = detectFormat(bytes, name, inflater);
  if (detected.kind === 'password_protected') return fail(issueAt('error', 'file.password_protected', name));
  if (detected.kind === 'damaged') return fail(issueAt('error', 'file.unreadable', name, { detail: detected.detail }));
  if (detected.kind === 'unsupported') return fail(issueAt('error', 'file.unsupported_format', name, { format: detected.format }));
  if (detected.kind === 'unknown') return fail(issueAt('error', 'file.unknown_format', name, { ext: detected.ext, formats: FORMATS_READ }));
  const format = detected.format;
  let read: GridsRead;
  if (format === 'xlsx' || format === 'xlsm') read = await (await import('./readXlsx.js')).readXlsx(bytes, name, undefined, { ...host, inflater });
  else if (format === 'csv') {
    const csv = (await import('./readCsv.js')).readCsv(bytes, stemOf(name));
    read = csv.ok ? { ok: true, grids: [csv.grid] } : csv;
  } else read = await (await import('./readWithSheetJs.js')).readWithSheetJs(bytes, name, format);
  if (!read.ok) return { ok: false, format, issue: read.issue };
  if (read.grids.length === 0) return { ok: false, format, issue: issueAt('error', 'file.unreadable', name, { detail: 'no worksheet inside' }) };
  if (read.grids.every((g) => g.rows.length === 0)) return { ok: false, format, issue: issueAt('error', 'file.empty', name) };
  return { ok: true, format, grids: read.grids };
}
