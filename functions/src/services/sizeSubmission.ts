import { domainError, type DomainError } from '../domain/domainError';
import type { StoreBounds } from '../store/returnStore';
import { returnRowKey, periodPartition } from '../store/keys';
import type { Storable } from './checkSubmission';
import type { Contribution } from '@returns-hub/shared/consolidate/contribution';
import { keyOf } from './returnKeyOf';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** A request of more rows than one request may store (what can be written within its time): refused whole. */
export function sizeRows(returns: { rows?: unknown[]; table?: { rows: unknown[] } }[], bounds: StoreBounds): DomainError | null {
  const rows = returns.reduce((n, r) => n + (r.rows ?? r.table?.rows ?? []).length, 0);
  if (rows <= bounds.requestRows) return null;
  return domainError('return.too_large', REFUSAL_TEXTS.tooManyRows({ rows, limit: bounds.requestRows }));
}

/**
 * Sizes a request against what storage can hold, before anything is written: a request
 * that cannot be stored whole is refused (422) instead of failing half-way with a 500.
 */
export function sizeSubmission(returns: (Storable & { contribution: Contribution })[], bounds: StoreBounds): DomainError | null {
  const tooMany = sizeRows(returns, bounds);
  if (tooMany) return tooMany;
  const seen = new Set<string>();
  for (const r of returns) {
    const name = `${r.formId} ${r.orgUnit} ${r.fiscalYear} ${r.period}${r.subject ? ` (${r.subject.slice(0, 60)}${r.subject.length > 60 ? '…' : ''})` : ''}`;
    const id = `${periodPartition(r.formId, r.fiscalYear, r.period)}|${returnRowKey(keyOf(r))}`;
    if (seen.has(id)) return domainError('return.duplicate', REFUSAL_TEXTS.sentTwice({ name }));
    seen.add(id);
    if (r.subject && r.subject.length > bounds.subjectChars) return domainError('return.too_large', REFUSAL_TEXTS.subjectTooLong({ name, chars: r.subject.length, limit: bounds.subjectChars }));
    for (const row of r.rows) {
      const chars = JSON.stringify(row).length;
      if (chars > bounds.rowJsonChars) return domainError('return.too_large', REFUSAL_TEXTS.rowTooLarge({ name, row: row.row, chars, limit: bounds.rowJsonChars }));
    }
    const recordChars = JSON.stringify([r.fields, r.fieldCells, r.columns, r.issues]).length;
    if (recordChars > bounds.recordJsonChars) return domainError('return.too_large', REFUSAL_TEXTS.recordTooLarge({ name, chars: recordChars, limit: bounds.recordJsonChars }));
    const contributionChars = JSON.stringify(r.contribution).length;
    if (contributionChars > bounds.recordJsonChars) return domainError('return.too_large', REFUSAL_TEXTS.contributionTooLarge({ name, chars: contributionChars, limit: bounds.recordJsonChars }));
  }
  return null;
}
