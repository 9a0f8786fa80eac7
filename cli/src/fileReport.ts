import { fileHasErrors, type FileCheck } from './checkFiles';
import { bySeverity, type Issue } from '@returns-hub/shared/issues/issue';
import { orgUnitByCode } from '@returns-hub/shared/orgUnits/orgUnits';
import type { CheckedReturn } from '@returns-hub/shared/check/checkedReturn';

function recordCount(r: CheckedReturn): number {
  return r.rows.length ? r.rows.filter((x) => x.kind === 'item').length : Object.values(r.fields).filter((v) => v !== null).length;
}

/** A finding: severity, cell and code, the cells it also involves, then its Thai and English text. */
function issueLine(i: Issue): string {
  const sheet = i.cell.slice(0, i.cell.lastIndexOf('!') + 1);
  const related = i.related?.length ? `  (with ${i.related.map((c) => (sheet && c.startsWith(sheet) ? c.slice(sheet.length) : c)).join(', ')})` : '';
  return `    ${i.severity.padEnd(7)} ${i.cell}${related}  ${i.code}\n            ${i.message_th}\n            ${i.message_en}`;
}

export function summariseReturn(r: CheckedReturn) {
  const unit = r.orgUnit ? orgUnitByCode(r.orgUnit) : undefined;
  return {
    sheet: r.sheet,
    form: r.formId,
    orgUnit: r.orgUnit,
    orgUnitName: unit?.name_th ?? null,
    fiscalYear: r.fiscalYear,
    period: r.period,
    subject: r.subject,
    records: recordCount(r),
    issues: [...r.issues].sort(bySeverity),
  };
}

function textOf(f: FileCheck): string[] {
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  out(f.format ? `${f.file} (${f.format})` : f.file);
  for (const i of f.issues) out(issueLine(i));
  for (const s of f.sheets) {
    for (const _ of s.issues.filter((x) => x.code === 'sheet.not_a_form')) out(`  sheet ${s.sheet}: skipped (not a form)`);
    for (const r of s.returns) {
      const x = summariseReturn(r);
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

export function reportFile(f: FileCheck, json: boolean): FileReport {
  if (!json) return { failed: fileHasErrors(f), text: textOf(f) };
  const sheets = f.sheets.map((s) => ({ sheet: s.sheet, form: s.formId, issues: s.issues, returns: s.returns.map(summariseReturn) }));
  return { failed: fileHasErrors(f), json: { file: f.file, format: f.format ?? null, issues: f.issues, sheets } };
}
