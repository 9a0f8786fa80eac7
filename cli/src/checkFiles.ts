import { basename } from 'node:path';
import { checkSheets, type SheetCheck } from '@returns-hub/shared/check/checkSheets';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { hasErrors } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { readWorkbookFile, type WorkbookFormat } from './xlsx/readWorkbookFile';

export interface FileCheck {
  file: string;
  /** The format the file was read as (by its content), when it could be told. */
  format?: WorkbookFormat;
  sheets: SheetCheck[];
  /** Findings about the file as a whole (unreadable, empty, no form). */
  issues: Issue[];
}

/** Reads and checks one workbook file (.xlsx, .xlsm, .xls, .ods, .csv). */
export async function checkFile(path: string): Promise<FileCheck> {
  const file = basename(path);
  const read = await readWorkbookFile(path);
  if (!read.ok) return { file, format: read.format, sheets: [], issues: [read.issue] };
  const sheets = checkSheets(read.grids);
  const issues = sheets.some((s) => s.returns.length > 0) ? [] : [issueAt('error', 'file.no_form', file)];
  return { file, format: read.format, sheets, issues };
}

export function fileHasErrors(f: FileCheck): boolean {
  return hasErrors(f.issues) || f.sheets.some((s) => hasErrors(s.issues) || s.returns.some((r) => hasErrors(r.issues)));
}
