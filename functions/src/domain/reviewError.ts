import { domainError, isDomainError, type DomainError } from './domainError';
import { REVIEW_ERROR_KINDS } from './reviewErrorKinds';

export type ReviewErrorCode = keyof typeof REVIEW_ERROR_KINDS;
export type LockCode = Extract<ReviewErrorCode, `lock.${string}`>;

/** A refusal of the review workflow: a domain error whose code is one of the review's. */
export type ReviewError<C extends ReviewErrorCode = ReviewErrorCode> = DomainError & { code: C };

export function reviewError<C extends ReviewErrorCode>(code: C, text: { en: string; th: string }): ReviewError<C> {
  return { ...domainError(code, text), code };
}

export function isReviewError(x: unknown): x is ReviewError {
  return isDomainError(x) && Object.prototype.hasOwnProperty.call(REVIEW_ERROR_KINDS, x.code);
}
