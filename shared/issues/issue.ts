/** A finding of the checker: always a cell, a stable code, and text in Thai and English. */
export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  severity: Severity;
  code: string;
  /** `Sheet!C14`, or `Sheet` alone for a sheet-wide finding, or the file name for an unreadable file. */
  cell: string;
  message_th: string;
  message_en: string;
}

export function makeIssue(severity: Severity, code: string, cell: string, th: string, en: string): Issue {
  return { severity, code, cell, message_th: th, message_en: en };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function bySeverity(a: Issue, b: Issue): number {
  return ORDER[a.severity] - ORDER[b.severity];
}
