import { z } from 'zod';
import { severitySchema } from '../issues/issue';
import { fieldIdSchema } from './fieldId';

const rule = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) => z.strictObject({ kind: z.literal(kind), ...shape, severity: severitySchema });
const id = fieldIdSchema;
const ids = z.array(fieldIdSchema).min(1).max(50);

/**
 * Cross-field and cross-row rules, as data. Each kind is implemented once in
 * `check/rules.ts`; a form lists the ones it needs with its own field ids. Which ids
 * name record fields and which name table columns is declared in `formProblems.ts`.
 */
export const ruleDefSchema = z.discriminatedUnion('kind', [
  /** parts add up to total (record fields). */
  rule('sumEquals', { parts: ids, total: id }),
  /** parts add up to at most limit; reported at the largest part. A missing limit counts as 0. */
  rule('sumAtMost', { parts: ids, limit: id }),
  /** result, when given, equals from − minus… */
  rule('differenceEquals', { result: id, from: id, minus: ids }),
  /** field must be given when `when` is yes. */
  rule('requiredWhen', { field: id, when: id }),
  /** date `from` on or before date `to`. */
  rule('dateOrder', { from: id, to: id }),
  /** The agency code inside `field` (a project code) must belong to the reporting unit. */
  rule('agencyMatchesOrgUnit', { field: id }),
  /** Per table row: parts add up to total, when any part is given. */
  rule('rowSumEquals', { parts: ids, total: id }),
  /** No two rows share a value of column. */
  rule('unique', { column: id }),
  /** A row with its key and nothing else. */
  rule('emptyRow', {}),
  /** Rows with data must give column. */
  rule('rowRequired', { column: id }),
  /** column must not fall between rows ordered by `orderBy` (first column present in both rows wins). */
  rule('nonDecreasing', { column: id, orderBy: ids }),
  /** column's dates inside the fiscal year and between the record's start and end dates. */
  rule('dateInPeriod', { column: id, start: id.optional(), end: id.optional() }),
  /** Σ column ≤ limit field, unless the limit is 0 or missing. */
  rule('columnSumAtMost', { column: id, limit: id }),
  /** Σ column = field, when field is given. */
  rule('columnSumEquals', { column: id, field: id }),
  /** Key column values must be in the form's catalog. */
  rule('knownItem', {}),
  /** Cumulative result = previous quarter's cumulative + this quarter (Q1: = this quarter). */
  rule('cumulative', { result: id, cumulative: id }),
  /** The record field must be given (a field's `required` says the same). */
  rule('required', { field: id }),
  /** Per table row: column is given only when the yes/no column `when` is yes. */
  rule('onlyWhen', { column: id, when: id }),
  /** Per table row: column's choice ranks no higher than column `than`'s (choices with ranks). */
  rule('choiceNotAbove', { column: id, than: id }),
]);
export type RuleDef = z.infer<typeof ruleDefSchema>;
export type RuleKind = RuleDef['kind'];
