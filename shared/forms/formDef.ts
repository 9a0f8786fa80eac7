import type { OrgUnitKind } from '../orgUnits/orgUnit';
import type { Severity } from '../issues/issue';
import type { RuleDef } from './ruleDef';
import type { ConsolidationDef } from './consolidationDef';
import type { PeriodKind } from '../period/periodCode';

/** How a cell's text becomes a value. */
export type FieldType = 'text' | 'code' | 'number' | 'count' | 'money' | 'percent' | 'date' | 'yesno' | 'orgUnit' | 'year';

export interface FieldDef {
  id: string;
  type: FieldType;
  label_th: string;
  label_en: string;
  /** More labels people use, Thai or English (matching ignores case, spaces, punctuation, unit suffixes). */
  aliases?: string[];
  min?: number;
  max?: number;
  /** A regular expression a code or text value must match. */
  pattern?: string;
  /** Words of this field that mean yes / no, beside the common ones. */
  yes?: string[];
  no?: string[];
  /** For `orgUnit` fields: which kinds of unit are acceptable. */
  orgUnitKinds?: OrgUnitKind[];
  /** The unit amounts are kept in; a cell in ล้านบาท is converted when this is บาท. */
  unit?: string;
}

/** A table section: a header row (or two) and one row per item, or per org unit. */
export interface TableDef {
  /** `item`: rows are items of one return; `return`: each row is a whole return of one org unit. */
  row: 'item' | 'return';
  /** Column fields (for `return` tables: the form's own fields). */
  columns: FieldDef[];
  /** Columns that must all be found for the table to be recognised. */
  required: string[];
  /** The column that names an item (report no., KPI code, welfare type). */
  key: string;
  /** The column a total row's label (`รวม`) may stand in, beside the key. */
  labelColumn?: string;
}

/** A KPI of a catalog-driven form (CODI): unit, score tiers, how it consolidates. */
export interface CatalogItem {
  code: string;
  name_th: string;
  name_en: string;
  unit: string;
  /** `count`: results add up; `numerator`/`denominator`: the two amount rows of a ratio KPI. */
  kind: 'count' | 'numerator' | 'denominator';
  /** For numerator/denominator rows: the ratio KPI they make. */
  ratioOf?: string;
  /** Score tiers (minimum, standard, high) of the cumulative result. */
  tiers?: [number, number, number];
  /** Ratio KPIs: national cumulative targets in % at the end of Q1..Q4. */
  cumulativeTargetsPct?: [number, number, number, number];
  /**
   * Judged on the annual target only: CODI's report shows no % of target to date and no
   * traffic light before year end (its quarterly phasing is indicative).
   */
  annualOnly?: boolean;
}

export interface FormDef {
  id: string;
  title_th: string;
  title_en: string;
  /** Record fields: label–value pairs anywhere outside the table. */
  fields: FieldDef[];
  table?: TableDef;
  /** Which fields name the reporting org unit, first found wins, and the kinds allowed. */
  orgUnit: { fields: string[]; kinds: OrgUnitKind[] };
  /** `year`: one return per fiscal year; `quarter`: the title states the quarter. */
  period: { kind: Extract<PeriodKind, 'year' | 'quarter'>; fiscalYearField?: string };
  /** Fields naming what the return is about when one unit sends many per period (a project). */
  subjectFields?: string[];
  catalog?: CatalogItem[];
  /** Days after the end of the period by which a return is on time (default 15). */
  dueDaysAfterPeriod?: number;
  /** Days after the end of the period after which submissions are refused (period closed), unless HQ grants the unit an exception. */
  closesAfterDays?: number;
  rules: RuleDef[];
  consolidation: ConsolidationDef;
}

export type { Severity };
