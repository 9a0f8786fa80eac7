import type { DomainErrorKind } from './domainError';

/** The review workflow's refusals and the locks it puts on submissions, by stable code (part of the domain errors). */
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
} as const satisfies Record<string, DomainErrorKind>;
