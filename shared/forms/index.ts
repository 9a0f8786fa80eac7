import type { FormDef } from './formDef';
import { checkForms } from './checkForms';
import { bmaProjectProgress } from './bmaProjectProgress';
import { bmaCommunityPlanReturn } from './bmaCommunityPlanReturn';
import { codiQuarterlyKpi } from './codiQuarterlyKpi';
import { welfareFundTally } from './welfareFundTally';
import { definitionsOf, type Definitions } from '../definitions/definitions';
import { BUILT_IN_UNITS } from '../orgUnits/orgUnits';

/** The definitions as written, one file each. Adding a form: write its definition file and add it here. */
export const FORM_DEFINITIONS: readonly FormDef[] = [bmaProjectProgress, bmaCommunityPlanReturn, codiQuarterlyKpi, welfareFundTally];

/**
 * Every form the product knows, checked when loaded: a definition naming an id it does not
 * have fails at start-up, naming the form and the id. Their shape is their type; the zod
 * schema's finer bounds (id patterns, non-empty labels) are checked by `loadForms` in the
 * test suite, so that no CLI run pays for loading zod and parsing every definition.
 */
export const FORMS: readonly FormDef[] = checkForms(FORM_DEFINITIONS);

export function formById(id: string): FormDef | undefined {
  return FORMS.find((f) => f.id === id);
}

/** The built-in forms and org units. */
export const BUILT_IN: Definitions = definitionsOf(FORMS, BUILT_IN_UNITS);
