import { basename, extname } from 'node:path';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { detectFormat } from './detectFormat';
import { MAX_FILE_BYTES } from './readLimits';
import type { GridsRead, WorkbookRead } from './workbookRead';

export type { WorkbookFormat, WorkbookRead } from './workbookRead';
export { MAX_FILE_BYTES, MAX_SHEET_CELLS } from './readLimits';

/** The formats read, as the unknown-format finding lists them. */
export const FORMATS_READ = '.xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .xml, .html';

/**
 * Opens a workbook from bytes, whatever it is (.xlsx/.xlsm streamed by our reader; .xls,
 * .xlsb, .ods and web systems' HTML and Excel 2003 XML ".xls" by SheetJS; .csv as text);
 * anything that cannot be read is one clear finding, never a throw. Each reader is loaded
 * only when a file of its format comes.
 */
export async function readWorkbookBytes(bytes: Buffer, name: string): Promise<WorkbookRead> {
  const fail = (issue: Issue): WorkbookRead => ({ ok: false, issue });
  if (bytes.length === 0) return fail(issueAt('error', 'file.empty', name));
  if (bytes.length > MAX_FILE_BYTES) return fail(issueAt('error', 'file.too_large', name, { size: bytes.length, limit: MAX_FILE_BYTES }));
  const detected = detectFormat(bytes, name);
  if (detected.kind === 'password_protected') return fail(issueAt('error', 'file.password_protected', name));
  if (detected.kind === 'damaged') return fail(issueAt('error', 'file.unreadable', name, { detail: detected.detail }));
  if (detected.kind === 'unsupported') return fail(issueAt('error', 'file.unsupported_format', name, { format: detected.format }));
  if (detected.kind === 'unknown') return fail(issueAt('error', 'file.unknown_format', name, { ext: detected.ext, formats: FORMATS_READ }));
  const format = detected.format;
  let read: GridsRead;
  if (format === 'xlsx' || format === 'xlsm') read = await (await import('./readXlsx.js')).readXlsx(bytes, name);
  else if (format === 'csv') {
    const csv = (await import('./readCsv.js')).readCsv(bytes, basename(name, extname(name)));
    read = csv.ok ? { ok: true, grids: [csv.grid] } : csv;
  } else read = await (await import('./readWithSheetJs.js')).readWithSheetJs(bytes, name, format);
  if (!read.ok) return { ok: false, format, issue: read.issue };
  if (read.grids.length === 0) return { ok: false, format, issue: issueAt('error', 'file.unreadable', name, { detail: 'no worksheet inside' }) };
  if (read.grids.every((g) => g.rows.length === 0)) return { ok: false, format, issue: issueAt('error', 'file.empty', name) };
  return { ok: true, format, grids: read.grids };
}

/**
 * The whole file, or the size that refuses it. Read synchronously: files are read one after
 * another on their thread, and a promise's round trip to the thread pool costs more than
 * reading a small file, most of all on a busy machine.
 */
function fileBytes(path: string): Buffer | { tooLarge: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { tooLarge: size };
    const b = Buffer.allocUnsafe(size);
    let n = 0;
    while (n < size) {
      const got = readSync(fd, b, n, size - n, n);
      if (got === 0) break;
      n += got;
    }
    return n === size ? b : b.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export async function readWorkbookFile(path: string): Promise<WorkbookRead> {
  const name = basename(path);
  try {
    const bytes = fileBytes(path);
    if (!Buffer.isBuffer(bytes)) return { ok: false, issue: issueAt('error', 'file.too_large', name, { size: bytes.tooLarge, limit: MAX_FILE_BYTES }) };
    return await readWorkbookBytes(bytes, name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, issue: issueAt('error', 'file.unreadable', name, { detail: code }) };
  }
}
