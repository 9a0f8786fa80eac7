import { z } from 'zod';
import { fieldIdSchema as id } from './fieldId';
import { orgUnitKindSchema } from '../orgUnits/orgUnit';

/**
 * How a form's returns add up. Each kind is implemented once in `consolidate/`;
 * a form picks one and names its own fields.
 */

/** Units expected to report: every unit of these kinds (a region's offices and HQ's divisions, say). */
const expectedKinds = z
  .array(orgUnitKindSchema.exclude(['hq']))
  .min(1)
  .max(4);
const label = { label_th: z.string().min(1).max(300), label_en: z.string().min(1).max(300) };

/** A base a percentage is taken of: another indicator, or the units expected. */
export const pctBaseSchema = z.union([z.strictObject({ indicator: z.string().min(1) }), z.literal('expected')]);
export type PctBase = z.infer<typeof pctBaseSchema>;

export const indicatorDefSchema = z.discriminatedUnion('kind', [
  /** Returns received of those expected. */
  z.strictObject({ id: z.string().min(1), kind: z.literal('returns'), ...label }),
  /** Σ of a record field over returns. */
  z.strictObject({ id: z.string().min(1), kind: z.literal('sum'), field: id, pctOf: pctBaseSchema.optional(), ...label, target: z.number().optional() }),
  /** Units whose return satisfies `when` on any of `fields`. */
  z.strictObject({
    id: z.string().min(1),
    kind: z.literal('countUnits'),
    fields: z.array(id).min(1).max(50),
    when: z.enum(['yes', 'positive']),
    pctOf: pctBaseSchema.optional(),
    /** KPI target in % of the base (BMA KPI). */
    target: z.number().optional(),
    ...label,
  }),
]);
export type IndicatorDef = z.infer<typeof indicatorDefSchema>;

export const indicatorConsolidationSchema = z.strictObject({
  kind: z.literal('indicators'),
  expectedKinds,
  indicators: z.array(indicatorDefSchema).min(1).max(200),
});
export type IndicatorConsolidation = z.infer<typeof indicatorConsolidationSchema>;

/** CODI-style KPI table: quarterly targets, results, cumulative, from the form's catalog. */
export const kpiCatalogConsolidationSchema = z.strictObject({
  kind: z.literal('kpiCatalog'),
  expectedKinds,
  columns: z.strictObject({ code: id, annualTarget: id, quarterTargets: z.tuple([id, id, id, id]), result: id, cumulative: id }),
});
export type KpiCatalogConsolidation = z.infer<typeof kpiCatalogConsolidationSchema>;

/** Project progress reports: latest progress, completion, on plan/target, money. */
export const projectConsolidationSchema = z.strictObject({
  kind: z.literal('projects'),
  expectedKinds,
  fields: z.strictObject({ budget: id, start: id.optional(), end: id.optional() }),
  columns: z.strictObject({ date: id, number: id, progress: id, disbursed: id, onPlan: id, onTarget: id }),
  /** BMA KPI: share of projects completed on target, target %. */
  completedOnTargetGoal: z.number().positive(),
  /** A project is behind when its latest progress is this many points below the elapsed share of the year. */
  behindByPoints: z.number().min(0),
});
export type ProjectConsolidation = z.infer<typeof projectConsolidationSchema>;

/** Sum table columns by item (welfare type) across returns; count returns reporting each item. */
export const itemTotalsConsolidationSchema = z.strictObject({
  kind: z.literal('itemTotals'),
  expectedKinds,
  key: id,
  columns: z.array(id).min(1).max(50),
});
export type ItemTotalsConsolidation = z.infer<typeof itemTotalsConsolidationSchema>;

/** Rows counted by a choice column (risk levels): each count, optionally only rows whose yes/no column `when` is yes. */
export const rowCountsConsolidationSchema = z.strictObject({
  kind: z.literal('rowCounts'),
  expectedKinds,
  counts: z
    .array(z.strictObject({ id, column: id, when: id.optional(), ...label }))
    .min(1)
    .max(50),
});
export type RowCountsConsolidation = z.infer<typeof rowCountsConsolidationSchema>;

export const consolidationDefSchema = z.discriminatedUnion('kind', [
  indicatorConsolidationSchema,
  kpiCatalogConsolidationSchema,
  projectConsolidationSchema,
  itemTotalsConsolidationSchema,
  rowCountsConsolidationSchema,
]);
export type ConsolidationDef = z.infer<typeof consolidationDefSchema>;
