import type { ReturnPath } from '@returns-hub/shared/api/client';

/** The return the review options name (form, fiscal year, period, unit code, and subject for forms with several per unit). */
export function returnOf(v: { form: string; fy: number; period: string; unit: string; subject?: string }): ReturnPath & { subject: string | null } {
  return { form: v.form, fy: v.fy, period: v.period, orgUnit: v.unit, subject: v.subject ?? null };
}

/** A return as the review commands print it: `F 1045 FY 2563 FY [subject]`. */
export function returnLabel(t: ReturnPath): string {
  return `${t.form} ${t.orgUnit} FY ${t.fy} ${t.period}${t.subject ? ` ${t.subject}` : ''}`;
}
