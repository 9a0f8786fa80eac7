import type { Issue } from '@returns-hub/shared/issues/issue';
import type { ReturnOutcome } from './returnOutcome';
import type { LockedReturn } from '@returns-hub/shared/review/reviewSchemas';
import { REVIEW_ERROR_KINDS } from './reviewErrorKinds';

/** What kind of refusal an error is; the HTTP layer alone turns a kind into a status. */
export type DomainErrorKind = 'bad_request' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'unavailable';

/** Every error the services answer with, by stable code, and its kind. */
export const DOMAIN_ERROR_KINDS = {
  'auth.other_unit': 'forbidden',
  'auth.hq_only': 'forbidden',
  'return.not_found': 'not_found',
  'return.version_not_found': 'not_found',
  'return.conflict': 'conflict',
  'return.has_errors': 'invalid',
  'return.too_large': 'invalid',
  'return.duplicate': 'invalid',
  'idempotency.key_reused': 'invalid',
  'query.bad_period': 'bad_request',
  'query.bad_grouping': 'bad_request',
  'storage.unavailable': 'unavailable',
  'tally.rebuild_conflict': 'conflict',
  'return.partly_stored': 'unavailable',
  'definition.invalid': 'invalid',
  'definition.id_mismatch': 'bad_request',
  ...REVIEW_ERROR_KINDS,
} as const satisfies Record<string, DomainErrorKind>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;

/** A refusal as a value: a typed code, Thai and English text, and what the caller needs to act on it. */
export interface DomainError {
  domainError: true;
  code: DomainErrorCode;
  en: string;
  th: string;
  /** Cell-addressed findings (a return with errors). */
  issues?: Issue[];
  /** Per return of a multi-return request: what was stored (a partial commit the retry completes). */
  outcomes?: ReturnOutcome[];
  /** A submission refused for locks: every locked return (nothing was stored). */
  locked?: LockedReturn[];
}

export function domainError(code: DomainErrorCode, text: { en: string; th: string }, extra: Pick<DomainError, 'issues' | 'outcomes' | 'locked'> = {}): DomainError {
  return { domainError: true, code, en: text.en, th: text.th, ...extra };
}

export function isDomainError(x: unknown): x is DomainError {
  return typeof x === 'object' && x !== null && (x as { domainError?: unknown }).domainError === true;
}

export function kindOf(code: DomainErrorCode): DomainErrorKind {
  return DOMAIN_ERROR_KINDS[code];
}
