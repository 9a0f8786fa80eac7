import type { FormDef } from './formDef';
import { loadForms } from './loadForms';
import { bmaProjectProgress } from './bmaProjectProgress';
import { bmaCommunityPlanReturn } from './bmaCommunityPlanReturn';
import { codiQuarterlyKpi } from './codiQuarterlyKpi';
import { welfareFundTally } from './welfareFundTally';

/**
 * Every form the product knows, checked when loaded (a broken definition fails at start-up,
 * naming the form and the id). Adding a form: write its definition file and add it here.
 */
export const FORMS: readonly FormDef[] = loadForms([bmaProjectProgress, bmaCommunityPlanReturn, codiQuarterlyKpi, welfareFundTally]);

export function formById(id: string): FormDef | undefined {
  return FORMS.find((f) => f.id === id);
}
