import { z } from 'zod';
import { orgUnitCodeSchema, orgUnitKindSchema } from '../orgUnits/orgUnit';
import type { Severity } from '../issues/issue';
import { ruleDefSchema } from './ruleDef';
import { consolidationDefSchema } from './consolidationDef';
import { reportLayoutSchema } from '../report/reportLayout';
import { fieldIdSchema, formIdSchema } from './fieldId';

/**
 * A form's definition, as data: its shape is this schema; `loadForms.ts` checks it and
 * that every id it names exists. The types below are inferred from the schemas. Every list
 * and text is bounded (a definition is published through the API and kept in one entity).
 */

/** A label, a name, a title: non-empty, at most 300 characters. */
const text = z.string().min(1).max(300);
/** Other spellings people use: at most 20. */
const texts = z.array(text).max(20);

/** How a cell's text becomes a value. */
export const fieldTypeSchema = z.enum(['text', 'code', 'number', 'count', 'money', 'percent', 'date', 'yesno', 'orgUnit', 'year', 'choice']);
export type FieldType = z.infer<typeof fieldTypeSchema>;

export const fieldDefSchema = z.strictObject({
  id: fieldIdSchema,
  type: fieldTypeSchema,
  label_th: text,
  label_en: text,
  /** More labels people use, Thai or English (matching ignores case, spaces, punctuation, unit suffixes). */
  aliases: texts.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** A regular expression a code or text value must match. */
  pattern: z.string().max(300).optional(),
  /** Words of this field that mean yes / no, beside the common ones. */
  yes: texts.optional(),
  no: texts.optional(),
  /** For `orgUnit` fields: which kinds of unit are acceptable. */
  orgUnitKinds: z.array(orgUnitKindSchema).min(1).optional(),
  /** The unit amounts are kept in; a cell in ล้านบาท is converted when this is บาท. */
  unit: z.string().max(50).optional(),
  /** For `choice` fields: the list of the form's `choices` a cell must name (matched like labels; `-` is none). */
  choices: fieldIdSchema.optional(),
  /** A record field the return must give; a table column every row with data must give (an error otherwise). */
  required: z.boolean().optional(),
});
export type FieldDef = z.infer<typeof fieldDefSchema>;

/** A table section: a header row (or two) and one row per item, or per org unit. */
export const tableDefSchema = z.strictObject({
  /** `item`: rows are items of one return; `return`: each row is a whole return of one org unit. */
  row: z.enum(['item', 'return']),
  /** Column fields (for `return` tables: the form's own fields). */
  columns: z.array(fieldDefSchema).min(1).max(300),
  /** Columns that must all be found for the table to be recognised (the key among them). */
  required: z.array(fieldIdSchema).min(1).max(300),
  /** The column that names an item (report no., KPI code, welfare type). */
  key: fieldIdSchema,
  /** The column a total row's label (`รวม`) may stand in, beside the key. */
  labelColumn: fieldIdSchema.optional(),
});
export type TableDef = z.infer<typeof tableDefSchema>;

/** A KPI of a catalog-driven form (CODI): unit, score tiers, how it consolidates. */
export const catalogItemSchema = z.strictObject({
  code: z.string().min(1).max(32),
  name_th: text,
  name_en: text,
  unit: z.string().min(1).max(50),
  /** `count`: results add up; `numerator`/`denominator`: the two amount rows of a ratio KPI. */
  kind: z.enum(['count', 'numerator', 'denominator']),
  /** For numerator/denominator rows: the ratio KPI they make. */
  ratioOf: z.string().max(32).optional(),
  /** Score tiers (minimum, standard, high) of the cumulative result. */
  tiers: z.tuple([z.number(), z.number(), z.number()]).optional(),
  /** Ratio KPIs: national cumulative targets in % at the end of Q1..Q4. */
  cumulativeTargetsPct: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  /**
   * Judged on the annual target only: CODI's report shows no % of target to date and no
   * traffic light before year end (its quarterly phasing is indicative).
   */
  annualOnly: z.boolean().optional(),
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;

/**
 * A target headquarters sets for one unit and one KPI of the catalog, for the year the
 * definition is published for: annual, and by quarter. A unit's sheet that states other
 * targets gets a warning; one that states none is read with these.
 */
export const targetSchema = z.strictObject({
  unit: orgUnitCodeSchema,
  code: z.string().min(1).max(32),
  annual: z.number().min(0).optional(),
  q1: z.number().min(0).optional(),
  q2: z.number().min(0).optional(),
  q3: z.number().min(0).optional(),
  q4: z.number().min(0).optional(),
});
export type Target = z.infer<typeof targetSchema>;

/** One choice of a list a `choice` field names: its id (what is stored), Thai and English labels, other spellings. */
export const choiceSchema = z.strictObject({
  list: fieldIdSchema,
  id: fieldIdSchema,
  label_th: text,
  label_en: text,
  aliases: texts.optional(),
  /** Higher is more (a risk level): what `choiceNotAbove` compares. */
  rank: z.number().optional(),
});
export type Choice = z.infer<typeof choiceSchema>;

export const formDefSchema = z.strictObject({
  id: formIdSchema,
  title_th: text,
  title_en: text,
  /** Record fields: label–value pairs anywhere outside the table. */
  fields: z.array(fieldDefSchema).max(300),
  table: tableDefSchema.optional(),
  /** Which fields name the reporting org unit, first found wins, and the kinds allowed. */
  orgUnit: z.strictObject({
    fields: z.array(fieldIdSchema).min(1).max(20),
    kinds: z.array(orgUnitKindSchema).min(1).max(10),
    /**
     * Only units within this one (an agency's headquarters, `CODI`): who may send the form and who
     * is expected to, when several agencies' trees have units of its kinds (BMA's departments beside CODI's).
     */
    under: z.string().min(1).max(40).optional(),
  }),
  /** `year`: one return per fiscal year; `quarter`: the title states the quarter. */
  period: z.strictObject({ kind: z.enum(['year', 'quarter']), fiscalYearField: fieldIdSchema.optional() }),
  /** Fields naming what the return is about when one unit sends many per period (a project). */
  subjectFields: z.array(fieldIdSchema).max(20).optional(),
  catalog: z.array(catalogItemSchema).max(500).optional(),
  /** Headquarters' targets by unit and KPI (catalog forms), for the year published. */
  targets: z.array(targetSchema).max(20_000).optional(),
  /** The choices of the form's `choice` fields, list by list (a list's order is the order shown). */
  choices: z.array(choiceSchema).max(500).optional(),
  /** Days after the end of the period by which a return is on time (default 15). */
  dueDaysAfterPeriod: z.number().int().positive().max(366).optional(),
  /** Days after the end of the period after which submissions are refused (period closed), unless HQ grants the unit an exception. */
  closesAfterDays: z.number().int().min(0).max(3660).optional(),
  rules: z.array(ruleDefSchema).max(300),
  consolidation: consolidationDefSchema,
  /** The report tables its tally offers (layouts as data: `report/reportLayout.ts`), the first the default. */
  reports: z.array(reportLayoutSchema).max(30).optional(),
});
export type FormDef = z.infer<typeof formDefSchema>;

export type { Severity };
