import { z } from 'zod';

/**
 * A report layout, as data: which table a form's tally offers and how it looks — rows,
 * columns with Thai and English headings, number formats, which figure a traffic light
 * follows, the chart. `computeReport.ts` turns a layout and a tally into cells; the
 * writers (CLI .xlsx, add-in office.js) only render those cells.
 */

export const headingSchema = z.strictObject({ th: z.string().min(1), en: z.string().min(1) });
export type Heading = z.infer<typeof headingSchema>;

/**
 * How a figure is shown (codes in `numberFormats.ts`, all rendered alike by Excel and LibreOffice):
 * `count` 1,234 · `amount` 1,234 or 1,234.50 · `decimal` 1,234.56 · `percent` 66.56 (a percentage, two decimals) ·
 * `countOrDash` 1,234 with `–` for 0 (as CODI prints) · `percentSign` 96 % or 9.56 % (a KPI whose unit is ร้อยละ) ·
 * `ofExpected` 50 / 50 (returns received of those expected) · `yesMark` ✓ or `–` (a unit that counts, or not).
 */
export const formatKindSchema = z.enum(['count', 'amount', 'decimal', 'percent', 'countOrDash', 'percentSign', 'ofExpected', 'yesMark']);
export type FormatKind = z.infer<typeof formatKindSchema>;

/** A figure of a consolidated measure (see `consolidate/tally.ts` Measure). */
export const measureFieldSchema = z.enum([
  'value',
  'pct',
  'target',
  'annualTarget',
  'targetToDate',
  'pctOfAnnual',
  'pctOfTargetToDate',
  'remainingTarget',
  'periodPct',
  'score',
  'numerator',
  'denominator',
]);
export type MeasureField = z.infer<typeof measureFieldSchema>;

const figure = {
  field: measureFieldSchema,
  format: formatKindSchema,
  /** The format for a measure whose unit is ร้อยละ (CODI's ratio KPI 8.5: `96 %`). */
  percentUnitFormat: formatKindSchema.optional(),
  /** Per measure id, a format that replaces `format` (the returns indicator shows `50 / 50`). */
  formatFor: z.record(z.string(), formatKindSchema).optional(),
  /**
   * A figure computed as none (no target to date, so no %) shows `—`; a figure the measure
   * does not have (a ratio KPI's % of annual) stays blank. `blank` leaves both blank.
   */
  none: z.enum(['dash', 'blank']).optional(),
  /** Measures this column leaves blank (the returns indicator's own % says nothing `50 / 50` does not). */
  omitFor: z.array(z.string()).optional(),
};

/** Quarter columns: Q1–Q4 (`year`) or Q1 up to the tally's quarter (`period`), under one group heading. */
const quarters = {
  show: z.literal('quarters'),
  through: z.enum(['year', 'period']),
  group: headingSchema,
  format: formatKindSchema,
  percentUnitFormat: formatKindSchema.optional(),
  none: z.enum(['dash', 'blank']).optional(),
};

/** The traffic light: the consolidation's status of a measure, as a coloured word; `follows` names the figure it is judged on. */
const status = { show: z.literal('status'), heading: headingSchema, follows: measureFieldSchema };

/** Columns of a table whose rows are one group's measures (CODI's national KPI table, Form 2's indicator table). */
export const measureRowColumnSchema = z.discriminatedUnion('show', [
  z.strictObject({ show: z.literal('code'), heading: headingSchema }),
  z.strictObject({ show: z.literal('label'), heading: headingSchema }),
  z.strictObject({ show: z.literal('unit'), heading: headingSchema }),
  z.strictObject({ show: z.literal('figure'), heading: headingSchema, group: headingSchema.optional(), ...figure }),
  z.strictObject(quarters),
  z.strictObject(status),
]);
export type MeasureRowColumn = z.infer<typeof measureRowColumnSchema>;

/**
 * Columns of a table whose rows are org units. `measure` names the measure a column shows;
 * without it, the column shows the block's measure (one block per measure) or, inside
 * `eachMeasure`, each measure in turn.
 */
export const groupRowColumnSchema = z.discriminatedUnion('show', [
  z.strictObject({ show: z.literal('unit'), heading: headingSchema }),
  z.strictObject({ show: z.literal('received'), heading: headingSchema }),
  z.strictObject({ show: z.literal('figure'), heading: headingSchema, group: headingSchema.optional(), measure: z.string().optional(), ...figure }),
  z.strictObject({ ...quarters, measure: z.string().optional() }),
  z.strictObject({ ...status, measure: z.string().optional() }),
]);
export type GroupRowColumn = z.infer<typeof groupRowColumnSchema>;

/** Columns of a table whose rows are items of an item-totals form (welfare types): one per summed column. */
export const itemRowColumnSchema = z.discriminatedUnion('show', [
  z.strictObject({ show: z.literal('item'), heading: headingSchema }),
  z.strictObject({ show: z.literal('itemFigure'), heading: headingSchema, column: z.string().min(1), format: formatKindSchema, total: z.boolean() }),
]);
export type ItemRowColumn = z.infer<typeof itemRowColumnSchema>;

/** Which measures a layout shows, in the tally's order. */
export const measureSelectionSchema = z.strictObject({ include: z.array(z.string()).optional(), exclude: z.array(z.string()).optional() });
export type MeasureSelection = z.infer<typeof measureSelectionSchema>;

export const groupBySchema = z.enum(['district', 'zone', 'region', 'hq']);

/**
 * The chart below the tables: categories are the table's rows, one series per measure shown (or the one figure).
 * How it is drawn (columns with reference lines, or sorted horizontal bars for many units) is the report's: chartPlan.ts.
 */
export const chartSpecSchema = z.strictObject({ title: headingSchema, field: measureFieldSchema, measures: z.array(z.string()).optional() });
export type ChartLayout = z.infer<typeof chartSpecSchema>;

const common = {
  /** Named by `--layout` and the add-in: lower-case words and hyphens. */
  name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: headingSchema,
  /** The sheet's name before the period (`ตัวชี้วัด ไตรมาส 2-2563`): at most 20 characters, none of `: \ / ? * [ ]`. */
  sheet: z
    .string()
    .min(1)
    .max(20)
    .regex(/^[^:\\/?*[\]]+$/),
  /** The grouping the rows (or blocks) are by. A layout is shown at this grouping only, unless `titles` names others. */
  by: groupBySchema,
  /**
   * Other groupings the layout may be shown at, each with the title it then takes (the title states the
   * grouping: `รายภาค`, not the default's `ระดับประเทศ`). A grouping not named here is refused, never shown under a wrong title.
   */
  titles: z.partialRecord(groupBySchema, headingSchema).optional(),
  chart: chartSpecSchema.optional(),
  /** Measure ids are printed codes (CODI's KPI numbers 2, 2.4, 5.1) and go before names; other forms' ids are internal and never shown. */
  codes: z.boolean().optional(),
};

export const reportLayoutSchema = z.discriminatedUnion('shape', [
  /** Rows: one group's measures; one block per group of the tally (one at HQ). */
  z.strictObject({ ...common, shape: z.literal('measureRows'), measures: measureSelectionSchema, columns: z.array(measureRowColumnSchema).min(1) }),
  /**
   * Rows: org units, then a total row (the HQ figures, never a sum of percentages).
   * `blocks: perMeasure` repeats the table for each selected measure (KPI by region);
   * `eachMeasure` repeats its columns for each selected measure (regions × KPIs).
   */
  z.strictObject({
    ...common,
    shape: z.literal('groupRows'),
    measures: measureSelectionSchema,
    blocks: z.enum(['single', 'perMeasure']),
    columns: z.array(groupRowColumnSchema).min(1),
    eachMeasure: z.array(groupRowColumnSchema).optional(),
    total: z.boolean(),
    /** Kept so older definitions load: every table now lists only the units that sent a return (completeness names the rest). */
    onlyReporting: z.boolean().optional(),
    /** Row labels by org-unit code where the printed report uses its own (CODI: `เหนือ`, `อีสาน`). */
    rowLabels: z.record(z.string(), z.string()).optional(),
  }),
  /** Rows: the items of an item-totals form (welfare types), then the total row. */
  z.strictObject({ ...common, shape: z.literal('itemRows'), columns: z.array(itemRowColumnSchema).min(1) }),
]);
export type ReportLayout = z.infer<typeof reportLayoutSchema>;
export type ReportLayoutInput = z.input<typeof reportLayoutSchema>;
