/** Table keys may not hold / \ # ? or control characters: those are %-escaped, everything else (Thai too) kept. */
export function escapeKey(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return s.replace(/[/\\#?%\u0000-\u001f\u007f-\u009f]/g, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/** What identifies a return: (form, fiscal year, period, org unit) and, for forms with several per unit, the subject. */
export interface ReturnKey {
  formId: string;
  fiscalYear: number;
  period: string;
  orgUnit: string;
  subject: string | null;
}

/** All returns of a form and period share one partition of the pointer table: a tally reads just that. */
export function periodPartition(formId: string, fiscalYear: number, period: string): string {
  return `${formId}|${fiscalYear}|${period}`;
}

export function returnRowKey(k: ReturnKey): string {
  return `${k.orgUnit}|${escapeKey(k.subject ?? '-')}`;
}

export function versionPartition(k: ReturnKey): string {
  return `${periodPartition(k.formId, k.fiscalYear, k.period)}|${returnRowKey(k)}`;
}

/** Versions and rows sort by zero-padded numbers. */
export function pad(n: number, width = 8): string {
  return String(n).padStart(width, '0');
}
