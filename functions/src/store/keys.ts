import { createHash } from 'node:crypto';

/** Table keys may not hold / \ # ? or control characters: those are %-escaped, everything else (Thai too) kept. */
export function escapeKey(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return s.replace(/[/\\#?%\u0000-\u001f\u007f-\u009f]/g, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/**
 * Longest escaped text kept as it is inside a key. Table Storage refuses keys over 1 KiB, and a
 * return's key is nested in its history's partition key: longer text is replaced by its hash
 * (`%h` + SHA-256, 66 characters; escaping writes `%` only before two hex digits, so a hash
 * cannot equal an escaped text).
 */
export const KEY_TEXT_CHARS = 200;

/** Text as a key part: escaped, and hashed when long, so every key stays far below the limit. */
export function keyText(s: string): string {
  const escaped = escapeKey(s);
  return escaped.length <= KEY_TEXT_CHARS ? escaped : '%h' + createHash('sha256').update(s).digest('hex');
}

/** What identifies a return: (form, fiscal year, period, org unit) and, for forms with several per unit, the subject. */
export interface ReturnKey {
  formId: string;
  fiscalYear: number;
  period: string;
  orgUnit: string;
  subject: string | null;
}

/** A return's key as entity properties, and its version: what every entity of a return carries. */
export const RETURN_KEY_PROPS = ['formId', 'fiscalYear', 'period', 'orgUnit', 'subject', 'version'] as const;

/** All returns of a form and period share one partition of the pointer table: a tally reads just that. */
export function periodPartition(formId: string, fiscalYear: number, period: string): string {
  return `${formId}|${fiscalYear}|${period}`;
}

export function returnRowKey(k: ReturnKey): string {
  return `${keyText(k.orgUnit)}|${keyText(k.subject ?? '-')}`;
}

export function versionPartition(k: ReturnKey): string {
  return `${periodPartition(k.formId, k.fiscalYear, k.period)}|${returnRowKey(k)}`;
}

/** Versions and rows sort by zero-padded numbers. */
export function pad(n: number, width = 8): string {
  return String(n).padStart(width, '0');
}
