import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import type { Grid } from '@returns-hub/shared/sheet/grid';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueAt, type IssueCode, type IssueParams } from '@returns-hub/shared/issues/messages';
import { gridFromWorksheet } from './gridFromExcelJs';

/** Files larger than this are refused before opening: no return is that big. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Cells per sheet above which a sheet is refused (a junk export, not a return). */
export const MAX_SHEET_CELLS = 3_000_000;

export type WorkbookRead = { ok: true; grids: Grid[] } | { ok: false; issue: Issue };

/** Opens an .xlsx from bytes; anything that is not a readable workbook is one clear finding, never a throw. */
export async function readWorkbookBytes(bytes: Buffer, name: string): Promise<WorkbookRead> {
  const fail = <C extends IssueCode>(code: C, ...params: IssueParams<C>): WorkbookRead => ({ ok: false, issue: issueAt('error', code, name, ...params) });
  if (bytes.length === 0) return fail('file.empty');
  if (bytes.length > MAX_FILE_BYTES) return fail('file.too_large', { size: bytes.length, limit: MAX_FILE_BYTES });
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail('file.unreadable', { detail: 'not a zip/xlsx container' });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return fail('file.unreadable', { detail: e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : 'unknown' });
  }
  const grids: Grid[] = [];
  for (const ws of wb.worksheets) {
    const grid = gridFromWorksheet(ws, MAX_SHEET_CELLS);
    const cells = grid.rows.reduce((n, r) => n + r.length, 0);
    if (cells > MAX_SHEET_CELLS) return fail('sheet.too_large', { cells, limit: MAX_SHEET_CELLS });
    grids.push(grid);
  }
  if (grids.length === 0) return fail('file.unreadable', { detail: 'no worksheet inside' });
  if (grids.every((g) => g.rows.length === 0)) return fail('file.empty');
  return { ok: true, grids };
}

export async function readWorkbookFile(path: string): Promise<WorkbookRead> {
  const name = basename(path);
  try {
    const s = await stat(path);
    if (s.size > MAX_FILE_BYTES) return { ok: false, issue: issueAt('error', 'file.too_large', name, { size: s.size, limit: MAX_FILE_BYTES }) };
    return await readWorkbookBytes(await readFile(path), name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, issue: issueAt('error', 'file.unreadable', name, { detail: code }) };
  }
}
