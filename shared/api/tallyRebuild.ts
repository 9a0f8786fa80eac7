import { z } from 'zod';
import { fiscalYearParam, formIdParam, periodParam } from './schemas';

/**
 * `POST /api/admin/rebuild-tallies?form=&fy=&period=&include=&check=true` (headquarters only): recompute
 * a form's tallies of a fiscal year from the returns' contributions, compare them with the
 * maintained aggregates and, unless `check`, replace what differs.
 */
export const rebuildQuerySchema = z.object({
  form: formIdParam,
  fy: fiscalYearParam,
  /** A tally period of the form; by default its year (a quarterly form: Q4). The whole fiscal year is rebuilt in any case. */
  period: periodParam.optional(),
  check: z.enum(['true', 'false']).default('false'),
  /** The tallies of every current return (default) or of the accepted ones. */
  include: z.enum(['all', 'accepted']).default('all'),
});

export const tallyRebuildSchema = z.object({
  formId: z.string(),
  fiscalYear: z.number(),
  basis: z.enum(['all', 'accepted']),
  /** The return periods whose returns were read (a quarterly form's four quarters depend on one another). */
  periods: z.array(z.string()),
  returns: z.number(),
  aggregates: z.number(),
  /** Whether the maintained aggregates equalled the rebuilt ones (sums up to rounding) before anything was written. */
  matched: z.boolean(),
  differenceCount: z.number(),
  /** The first differences, as `aggregate <period>|<level>|<group> <path>: kept ≠ rebuilt`. */
  differences: z.array(z.string()),
  /** The reason a failed update left, if the tallies were marked stale. */
  stale: z.string().nullable(),
  /** Entities written (0 when only checked, or when everything matched). */
  rewritten: z.number(),
});
export type TallyRebuild = z.infer<typeof tallyRebuildSchema>;
