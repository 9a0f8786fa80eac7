import { z } from 'zod';
import { reviewStatusSchema } from './reviewSchemas';

export const unitStatusSchema = z.union([reviewStatusSchema, z.literal('not_received')]);

/** One expected unit of a period: where its return stands, and whether it came in time. */
export const unitCompletenessSchema = z.object({
  code: z.string(),
  name_th: z.string(),
  name_en: z.string(),
  /** The unit's status; with several returns (one per project), the one that most needs attention. */
  status: unitStatusSchema,
  /** `pending`: nothing received and not yet due; `overdue`: nothing received and past due. */
  timeliness: z.enum(['on_time', 'late', 'pending', 'overdue']),
  submittedAt: z.string().nullable(),
  returns: z.number(),
  accepted: z.number(),
});
export type UnitCompleteness = z.infer<typeof unitCompletenessSchema>;

/** GET /api/completeness. */
export const completenessSchema = z.object({
  formId: z.string(),
  fiscalYear: z.number(),
  period: z.string(),
  dueDate: z.string(),
  closesOn: z.string().nullable(),
  expected: z.number(),
  received: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.array(z.object({ code: z.string(), name_th: z.string(), name_en: z.string() })),
  /** Units by status (`not_received` included). */
  byStatus: z.record(unitStatusSchema, z.number()),
  /** Current returns received from the expected units, and how many of them are accepted. */
  returns: z.object({ total: z.number(), accepted: z.number() }),
  units: z.array(unitCompletenessSchema),
});
export type Completeness = z.infer<typeof completenessSchema>;
