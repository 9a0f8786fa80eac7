/** What kind of refusal a review error is; the HTTP layer alone turns a kind into a status. */
export type ReviewErrorKind = 'bad_request' | 'forbidden' | 'not_found' | 'conflict';

/** Every refusal of the review workflow and of the locks it puts on submissions, by stable code. */
export const REVIEW_ERROR_KINDS = {
  /** The caller's role may not review this return (a unit key; a zone key outside its zone). */
  'review.forbidden': 'forbidden',
  'review.not_found': 'not_found',
  /** The version reviewed is no longer the current one. */
  'review.version_changed': 'conflict',
  /** The return's status does not allow the action (sent back and awaiting a new version; accepted and not reopened). */
  'review.not_pending': 'conflict',
  'review.already_accepted': 'conflict',
  /** Another action on the return won a race; the text says which. */
  'review.conflict': 'conflict',
  /** A new submission meets an accepted return. */
  'lock.accepted': 'conflict',
  'lock.zone_accepted': 'conflict',
  /** A new submission after the form's period closed, without an exception. */
  'lock.period_closed': 'conflict',
  /** Zone reviewers review; they do not submit. */
  'submit.reviewer_only': 'forbidden',
} as const satisfies Record<string, ReviewErrorKind>;

export type ReviewErrorCode = keyof typeof REVIEW_ERROR_KINDS;
export type LockCode = Extract<ReviewErrorCode, `lock.${string}`>;

/** A refusal as a value: a typed code and Thai and English text that says what happened and what to do. */
export interface ReviewError<C extends ReviewErrorCode = ReviewErrorCode> {
  reviewError: true;
  code: C;
  en: string;
  th: string;
}

export function reviewError<C extends ReviewErrorCode>(code: C, text: { en: string; th: string }): ReviewError<C> {
  return { reviewError: true, code, en: text.en, th: text.th };
}

export function isReviewError(x: unknown): x is ReviewError {
  return typeof x === 'object' && x !== null && (x as { reviewError?: unknown }).reviewError === true;
}

export function reviewErrorKind(code: ReviewErrorCode): ReviewErrorKind {
  return REVIEW_ERROR_KINDS[code];
}
