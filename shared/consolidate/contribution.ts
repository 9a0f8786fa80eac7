import { z } from 'zod';

/**
 * A return's share of the tallies, stored with it at submit time so a tally never reads
 * rows: small, whatever the size of the return. One shape per consolidation kind, tagged
 * with that kind; the store can check what it reads back with `contributionSchema`.
 */

const count = z.number();
const amount = z.number().nullable();

/** Each summed field, and whether the unit counts (1) for each `countUnits` indicator. */
export const indicatorContributionSchema = z.object({
  kind: z.literal('indicators'),
  sums: z.record(z.string(), count),
  flags: z.record(z.string(), z.union([z.literal(0), z.literal(1)])),
});
export type IndicatorContribution = z.infer<typeof indicatorContributionSchema>;

/** A KPI line of a quarterly return: its targets, this quarter's result and the cumulative. */
export const kpiLineSchema = z.object({ annual: amount, targets: z.array(amount), result: amount, cumulative: amount });
export type KpiLine = z.infer<typeof kpiLineSchema>;
export const kpiContributionSchema = z.object({ kind: z.literal('kpiCatalog'), items: z.record(z.string(), kpiLineSchema) });
export type KpiContribution = z.infer<typeof kpiContributionSchema>;

/** The last report of a fiscal month (progress reports are monthly) and the month's money. */
export const monthLineSchema = z.object({
  date: z.string(),
  progress: amount,
  onPlan: z.boolean().nullable(),
  onTarget: z.boolean().nullable(),
  disbursed: count,
  reports: count,
});
export type MonthLine = z.infer<typeof monthLineSchema>;
export const projectContributionSchema = z.object({
  kind: z.literal('projects'),
  budget: count,
  /** Fiscal month 1–12 → its last report. */
  months: z.record(z.string(), monthLineSchema),
  /** Money disbursed with reports that have no date (counted in every period). */
  undatedDisbursed: count,
});
export type ProjectContribution = z.infer<typeof projectContributionSchema>;

/** Each item's column totals (welfare type → persons, amount). */
export const itemContributionSchema = z.object({ kind: z.literal('itemTotals'), items: z.record(z.string(), z.record(z.string(), count)) });
export type ItemContribution = z.infer<typeof itemContributionSchema>;

/** Rows counted by choice, per count (count id → choice id → rows). */
export const rowCountsContributionSchema = z.object({ kind: z.literal('rowCounts'), counts: z.record(z.string(), z.record(z.string(), count)) });
export type RowCountsContribution = z.infer<typeof rowCountsContributionSchema>;

export const contributionSchema = z.discriminatedUnion('kind', [indicatorContributionSchema, kpiContributionSchema, projectContributionSchema, itemContributionSchema, rowCountsContributionSchema]);
export type Contribution = z.infer<typeof contributionSchema>;

/** A contribution of another kind than the form's consolidation: stored before the form changed. */
function mismatch(c: Contribution, expected: Contribution['kind']): Error {
  return new Error(`a contribution of kind "${c.kind}" where "${expected}" is expected`);
}

export function indicatorContribution(c: Contribution): IndicatorContribution {
  if (c.kind === 'indicators') return c;
  throw mismatch(c, 'indicators');
}
export function kpiContribution(c: Contribution): KpiContribution {
  if (c.kind === 'kpiCatalog') return c;
  throw mismatch(c, 'kpiCatalog');
}
export function projectContribution(c: Contribution): ProjectContribution {
  if (c.kind === 'projects') return c;
  throw mismatch(c, 'projects');
}
export function itemContribution(c: Contribution): ItemContribution {
  if (c.kind === 'itemTotals') return c;
  throw mismatch(c, 'itemTotals');
}
export function rowCountsContribution(c: Contribution): RowCountsContribution {
  if (c.kind === 'rowCounts') return c;
  throw mismatch(c, 'rowCounts');
}
