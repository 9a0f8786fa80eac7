import { z } from 'zod';
import type { GroupBy } from './tally';

/**
 * A running aggregate of one group's returns for one tally period: sums and counts only, so
 * a return's share is added at submit and taken away when it is replaced (or sent back), and
 * a tally reads one aggregate per group instead of every return. Figures that are not sums
 * (a mean, a count of distinct units, the latest targets) keep the sums and counts they are
 * computed from. One shape per consolidation kind, tagged like the contributions.
 */

const counts = z.record(z.string(), z.number());
const quarters = z.array(z.number()).length(4);

/** What every kind keeps: shares merged (an aggregate at 0 is gone), and per org unit the returns of the aggregate's own period (received, distinct units). */
const common = { returns: z.number(), units: counts };

export const indicatorAggregateSchema = z.object({ kind: z.literal('indicators'), ...common, sums: counts, flags: counts });
export type IndicatorAggregate = z.infer<typeof indicatorAggregateSchema>;

/** Per item: the returns reporting it (`n`) and its column totals. */
export const itemLineSchema = z.object({ n: z.number(), totals: counts });
export const itemAggregateSchema = z.object({ kind: z.literal('itemTotals'), ...common, items: z.record(z.string(), itemLineSchema) });
export type ItemAggregate = z.infer<typeof itemAggregateSchema>;

/** Projects' latest reports up to one fiscal month (a cut-off), as counts and sums. */
export const projectCutoffSchema = z.object({
  withProgress: z.number(),
  progressSum: z.number(),
  completed: z.number(),
  completedOnTarget: z.number(),
  onPlan: z.number(),
  onTarget: z.number(),
  behind: z.number(),
  disbursed: z.number(),
});
export type ProjectCutoff = z.infer<typeof projectCutoffSchema>;
export const projectAggregateSchema = z.object({
  kind: z.literal('projects'),
  ...common,
  budget: z.number(),
  /** Tally period code → projects with a report in it. */
  reporting: counts,
  /** Cut-off at fiscal month 1–12 (index 0–11). */
  cutoffs: z.array(projectCutoffSchema).length(12),
});
export type ProjectAggregate = z.infer<typeof projectAggregateSchema>;

/** Per KPI code: results of Q1–Q4 (up to the aggregate's quarter) summed over units with the line (`n`). */
export const kpiResultsSchema = z.object({ n: z.number(), byQuarter: quarters });
/** Per KPI code: each unit's latest line up to the quarter, summed (targets are restated each quarter; the latest counts). */
export const kpiPlanSchema = z.object({ n: z.number(), annual: z.number(), targets: quarters, annualOrCumulative: z.number() });
export const kpiAggregateSchema = z.object({
  kind: z.literal('kpiCatalog'),
  ...common,
  results: z.record(z.string(), kpiResultsSchema),
  plans: z.record(z.string(), kpiPlanSchema),
});
export type KpiAggregate = z.infer<typeof kpiAggregateSchema>;

/** Per count: rows by choice, summed over the returns of the period (a quarter's own returns: a status, not a running sum). */
export const rowCountsAggregateSchema = z.object({ kind: z.literal('rowCounts'), ...common, counts: z.record(z.string(), counts) });
export type RowCountsAggregate = z.infer<typeof rowCountsAggregateSchema>;

export const aggregateSchema = z.discriminatedUnion('kind', [indicatorAggregateSchema, itemAggregateSchema, projectAggregateSchema, kpiAggregateSchema, rowCountsAggregateSchema]);
export type Aggregate = z.infer<typeof aggregateSchema>;
export type AggregateKind = Aggregate['kind'];

const emptyCutoff = (): ProjectCutoff => ({ withProgress: 0, progressSum: 0, completed: 0, completedOnTarget: 0, onPlan: 0, onTarget: 0, behind: 0, disbursed: 0 });

/** Nothing merged yet. */
export function emptyAggregate(kind: AggregateKind): Aggregate {
  switch (kind) {
    case 'indicators':
      return { kind, returns: 0, units: {}, sums: {}, flags: {} };
    case 'itemTotals':
      return { kind, returns: 0, units: {}, items: {} };
    case 'projects':
      return { kind, returns: 0, units: {}, budget: 0, reporting: {}, cutoffs: Array.from({ length: 12 }, emptyCutoff) };
    case 'kpiCatalog':
      return { kind, returns: 0, units: {}, results: {}, plans: {} };
    case 'rowCounts':
      return { kind, returns: 0, units: {}, counts: {} };
  }
}

/** Returns of the aggregate's own period (of every unit). */
export function returnsIn(a: Aggregate): number {
  return Object.values(a.units).reduce((x, n) => x + n, 0);
}

/** Org units with a return in the aggregate's own period. */
export function unitsReceived(a: Aggregate): number {
  return Object.keys(a.units).length;
}

/** Where an aggregate belongs: its tally period (`aggregatePeriodOf`), grouping level and group's org unit. */
export interface AggregateKey {
  period: string;
  by: GroupBy;
  group: string;
}

/** Which returns aggregates hold: every current return, or those headquarters accepted. */
export type TallyBasis = 'all' | 'accepted';
