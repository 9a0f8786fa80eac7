import { z } from 'zod';

/** How bad a finding is: `error` blocks upload, `warning` does not, `info` is a note. */
export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

/**
 * A finding of the checker: always a cell, a stable code, and text in Thai and English.
 * `code` is a string here because findings are also read back (store, API) where older
 * codes may appear; findings are built only through `issueAt`, whose codes are typed.
 */
export const issueSchema = z.object({
  severity: severitySchema,
  code: z.string(),
  /** `Sheet!C14`, or `Sheet` alone for a sheet-wide finding, or the file name for an unreadable file. */
  cell: z.string(),
  message_th: z.string(),
  message_en: z.string(),
  /** Other cells the finding involves (the parts and the total of a sum), beside `cell`. */
  related: z.array(z.string()).optional(),
});
export type Issue = z.infer<typeof issueSchema>;

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function bySeverity(a: Issue, b: Issue): number {
  return ORDER[a.severity] - ORDER[b.severity];
}
