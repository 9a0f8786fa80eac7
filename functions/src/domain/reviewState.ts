import { z } from 'zod';
import { reviewCommentSchema, reviewDecisionSchema, reviewEventSchema, reviewStatusSchema } from '@returns-hub/shared/review/reviewSchemas';

/**
 * A return's review, kept with its current version. A return without one is `submitted`: a new
 * submission replaces the version and with it the review, so a resubmission is never left
 * looking accepted or sent back.
 */
export const reviewStateSchema = z.object({
  status: reviewStatusSchema.exclude(['submitted']),
  /** The version the review applies to (always the current one: a new version starts without a review). */
  version: z.number().int(),
  decision: reviewDecisionSchema,
  reason: z.string().nullable(),
  comments: z.array(reviewCommentSchema),
  /** A zone reviewer's acceptance, kept when HQ decides after it. */
  zoneAccepted: reviewDecisionSchema.nullable(),
  /** Audit entries recorded on this version so far; the submission is entry 0. */
  seq: z.number().int().min(1),
  /** The last entry, kept beside the state: if writing it to the audit trail failed, the next action (or a reader) writes it again. */
  last: reviewEventSchema,
  /** The request that made this decision (a hash of its caller and Idempotency-Key), so its retry is recognised as done. */
  requestKey: z.string().nullable().optional(),
});
export type ReviewState = z.infer<typeof reviewStateSchema>;
