import { fileHasErrors, type FileResult, type SheetSummary } from './checkFiles';
import { bySeverity } from '@returns-hub/shared/issues/severity';
import type { Issue } from '@returns-hub/shared/issues/issue';

/** A finding: severity, cell and code, the cells it also involves, then its Thai and English text. */
export function issueLine(i: Issue): string {
  const sheet = i.cell.slice(0, i.cell.lastIndexOf('!') + 1);
  const related = i.related?.length ? `  (with ${i.related.map((c) => (sheet && c.startsWith(sheet) ? c.slice(sheet.length) : c)).join(', ')})` : '';
  return `    ${i.severity.padEnd(7)} ${i.cell}${related}  ${i.code}\n            ${i.message_th}\n            ${i.message_en}`;
}

function textOf(f: FileResult<SheetSummary>): string[] {
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  out(f.format ? `${f.file} (${f.format})` : f.file);
  for (const i of f.issues) out(issueLine(i));
  for (const s of f.sheets) {
    for (const _ of s.issues.filter((x) => x.code === 'sheet.not_a_form')) out(`  sheet ${s.sheet}: skipped (not a form)`);
    for (const x of s.returns) {
      out(`  sheet ${x.sheet}: ${x.form} · ${x.orgUnit ?? '?'} ${x.orgUnitName ?? ''} · FY ${x.fiscalYear ?? '?'} · ${x.period ?? '?'}${x.subject ? ` · ${x.subject}` : ''} · ${x.records} records`);
      for (const i of x.issues) out(issueLine(i));
    }
    for (const i of s.issues.filter((x) => x.code !== 'sheet.not_a_form').sort(bySeverity)) out(issueLine(i));
  }
  return lines;
}

/** One file's part of `returns check`'s output, made where the file was checked (a worker): only this crosses threads. */
export interface FileReport {
  failed: boolean;
  text?: string[];
  json?: unknown;
}

export function reportFile(f: FileResult<SheetSummary>, json: boolean): FileReport {
  if (!json) return { failed: fileHasErrors(f), text: textOf(f) };
  const sheets = f.sheets.map((s) => ({ sheet: s.sheet, form: s.formId, issues: s.issues, returns: s.returns }));
  return { failed: fileHasErrors(f), json: { file: f.file, format: f.format ?? null, issues: f.issues, sheets } };
}
