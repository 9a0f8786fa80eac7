import { z } from 'zod';
import { fiscalYearInputSchema } from '../period/fiscalYear';
import { periodCodeInputSchema } from '../period/periodCode';

/**
 * Wire schemas of headquarters' review of returns, shared by the server, the CLI and the add-in.
 *
 * A return's status: `submitted` (a new version, not yet reviewed) → `zone_accepted` (a zone
 * reviewer accepted it; HQ accepts last) → `accepted` (locked), or `returned` (sent back with a
 * reason). HQ may `reopen` an accepted return (`reopened`: reviewable and resubmittable again).
 * A new submission always makes the return `submitted` again.
 */
export const reviewStatusSchema = z.enum(['submitted', 'returned', 'zone_accepted', 'accepted', 'reopened']);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

/** Every action the audit trail records. */
export const reviewActionSchema = z.enum(['submit', 'accept', 'send_back', 'reopen', 'exception']);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

export const reviewerRoleSchema = z.enum(['hq', 'zone', 'unit']);
export type ReviewerRole = z.infer<typeof reviewerRoleSchema>;

/** A reviewer's note on one cell: `'แบบรายงาน 1'!C14` and what is wrong there. */
export const reviewCommentSchema = z.object({
  cell: z
    .string()
    .max(300)
    .regex(/^(?:'(?:[^']|'')+'|[^'!]+)!\$?[A-Za-z]{1,3}\$?\d{1,7}$/, "a cell address such as 'แบบรายงาน 1'!C14"),
  text: z.string().trim().min(1).max(500),
});
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

const reasonSchema = z.string().trim().min(1).max(2000);
const subjectSchema = z.string().max(1000).nullish();
const versionSchema = z.number().int().min(1).max(999_999);

/** POST …/accept: the version reviewed (refused if a newer one arrived), and an optional note. */
export const acceptBodySchema = z.object({ subject: subjectSchema, version: versionSchema.optional(), note: z.string().trim().max(2000).optional() });
export type AcceptBody = z.infer<typeof acceptBodySchema>;

/** POST …/send-back: the reason in the reviewer's words, and optional cell-addressed comments. */
export const sendBackBodySchema = z.object({ subject: subjectSchema, version: versionSchema.optional(), reason: reasonSchema, comments: z.array(reviewCommentSchema).max(100).default([]) });
export type SendBackBody = z.infer<typeof sendBackBodySchema>;
export type SendBackInput = z.input<typeof sendBackBodySchema>;

/** POST …/reopen: why an accepted return is opened again. */
export const reopenBodySchema = z.object({ subject: subjectSchema, version: versionSchema.optional(), reason: reasonSchema });
export type ReopenBody = z.infer<typeof reopenBodySchema>;

/** One return of a bulk action. */
export const returnRefSchema = z.object({ orgUnit: z.string().regex(/^[A-Za-z0-9-]{1,16}$/), subject: subjectSchema, version: versionSchema.optional() });
export type ReturnRef = z.infer<typeof returnRefSchema>;

/** A decision as it stands on a return (absent for a return never reviewed). */
export const reviewDecisionSchema = z.object({
  by: z.string(),
  /** The person's display name where the sign-in gives one (Entra ID's `name`); absent for API keys and older decisions. */
  name: z.string().optional(),
  role: reviewerRoleSchema,
  at: z.string(),
  client: z.string(),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** What the API says about a lock: which one applies, and text that says why. */
export const lockSchema = z.object({
  code: z.enum(['lock.accepted', 'lock.zone_accepted', 'lock.period_closed']),
  detail: z.string(),
  detail_th: z.string(),
});
export type Lock = z.infer<typeof lockSchema>;

/** A return of a refused submission and the lock it met: a submit refused for locks names every locked return, so a client can send the rest. */
export const lockedReturnSchema = z.object({
  formId: z.string(),
  fiscalYear: z.number(),
  period: z.string(),
  orgUnit: z.string(),
  subject: z.string().nullable(),
  ...lockSchema.shape,
});
export type LockedReturn = z.infer<typeof lockedReturnSchema>;

export const exceptionSchema = z.object({ orgUnit: z.string(), by: z.string(), at: z.string(), reason: z.string() });
export type LockException = z.infer<typeof exceptionSchema>;

/** GET …/review: one return's status as its district (or a reviewer) sees it. */
export const reviewViewSchema = z.object({
  formId: z.string(),
  fiscalYear: z.number(),
  period: z.string(),
  orgUnit: z.string(),
  subject: z.string().nullable(),
  /** Null when nothing has been submitted yet. */
  version: z.number().nullable(),
  status: z.union([reviewStatusSchema, z.literal('not_received')]),
  /** Who set the status, when, from which client (the submitter for `submitted`). */
  decision: reviewDecisionSchema.nullable(),
  reason: z.string().nullable(),
  comments: z.array(reviewCommentSchema),
  /** A zone reviewer's acceptance, kept when HQ decides after it. */
  zoneAccepted: reviewDecisionSchema.nullable(),
  /** The lock a new submission would meet now, or null. */
  lock: lockSchema.nullable(),
  /** The day after which the period no longer takes submissions (Bangkok date), when the form closes. */
  closesOn: z.string().nullable(),
  exception: exceptionSchema.nullable(),
});
export type ReviewView = z.infer<typeof reviewViewSchema>;

/** One entry of a return's audit history. */
export const reviewEventSchema = z.object({
  action: reviewActionSchema,
  /** For `accept`: which level accepted. */
  level: z.enum(['zone', 'hq']).optional(),
  /** The version the action applied to (0 for `exception`: it applies to the unit's period). */
  version: z.number(),
  at: z.string(),
  by: z.string(),
  /** The actor's role (absent on a recovered entry). */
  role: reviewerRoleSchema.optional(),
  client: z.string(),
  /** The return's status before and after (absent where the action does not change it: exceptions, recovered entries). */
  from: z.union([reviewStatusSchema, z.literal('not_received')]).optional(),
  to: z.union([reviewStatusSchema, z.literal('not_received')]).optional(),
  reason: z.string().optional(),
  comments: z.array(reviewCommentSchema).optional(),
  /** A submission recorded in the version history whose audit entry was lost (its writer stopped). */
  recovered: z.boolean().optional(),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;

export const historyResponseSchema = z.object({
  formId: z.string(),
  fiscalYear: z.number(),
  period: z.string(),
  orgUnit: z.string(),
  subject: z.string().nullable(),
  events: z.array(reviewEventSchema),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

/** A return in the reviewers' list. */
export const reviewedReturnSchema = z.object({
  orgUnit: z.string(),
  name_th: z.string(),
  /** The unit's English name (absent from older servers). */
  name_en: z.string().optional(),
  /** The unit's zone, where it belongs to one (a Bangkok district): reviewers filter by it. */
  zone: z.object({ code: z.string(), name_th: z.string(), name_en: z.string() }).nullable().optional(),
  subject: z.string().nullable(),
  version: z.number(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  timeliness: z.enum(['on_time', 'late']),
  rows: z.number(),
  warnings: z.number(),
  fileName: z.string(),
  status: reviewStatusSchema,
  decision: reviewDecisionSchema.nullable(),
  reason: z.string().nullable(),
  comments: z.number(),
});
export type ReviewedReturn = z.infer<typeof reviewedReturnSchema>;

export const reviewListSchema = z.object({
  formId: z.string(),
  fiscalYear: z.number(),
  period: z.string(),
  dueDate: z.string(),
  closesOn: z.string().nullable(),
  returns: z.array(reviewedReturnSchema),
});
export type ReviewList = z.infer<typeof reviewListSchema>;

/** POST /api/reviews/accept: a selection, or every clean submitted return of the period. */
export const bulkAcceptBodySchema = z
  .object({
    form: z.string().regex(/^[a-z0-9-]{1,64}$/),
    fy: fiscalYearInputSchema,
    period: periodCodeInputSchema,
    allClean: z.literal(true).optional(),
    returns: z.array(returnRefSchema).min(1).max(1000).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => (b.allClean === true) !== (b.returns !== undefined), { message: 'give either allClean: true or returns: [...]', path: ['returns'] });
export type BulkAcceptBody = z.input<typeof bulkAcceptBodySchema>;

export const bulkOutcomeSchema = z.object({
  orgUnit: z.string(),
  subject: z.string().nullable(),
  version: z.number().nullable(),
  /** `accepted`, or the code of the refusal (the return is left as it was). */
  outcome: z.string(),
  detail: z.string().optional(),
  detail_th: z.string().optional(),
});
export const bulkAcceptResponseSchema = z.object({ accepted: z.number(), skipped: z.number(), results: z.array(bulkOutcomeSchema) });
export type BulkAcceptResponse = z.infer<typeof bulkAcceptResponseSchema>;

/** POST /api/exceptions: a unit may submit for a closed period. */
export const exceptionBodySchema = z.object({
  form: z.string().regex(/^[a-z0-9-]{1,64}$/),
  fy: fiscalYearInputSchema,
  period: periodCodeInputSchema,
  orgUnit: z.string().regex(/^[A-Za-z0-9-]{1,16}$/),
  reason: reasonSchema,
});
export type ExceptionBody = z.input<typeof exceptionBodySchema>;
