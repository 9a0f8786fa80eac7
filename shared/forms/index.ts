import type { FormDef } from './formDef';
import { bmaProjectProgress } from './bmaProjectProgress';
import { bmaCommunityPlanReturn } from './bmaCommunityPlanReturn';
import { codiQuarterlyKpi } from './codiQuarterlyKpi';
import { welfareFundTally } from './welfareFundTally';

/** Every form the product knows. Adding a form: write its definition file and add it here. */
export const FORMS: readonly FormDef[] = [bmaProjectProgress, bmaCommunityPlanReturn, codiQuarterlyKpi, welfareFundTally];

export function formById(id: string): FormDef | undefined {
  return FORMS.find((f) => f.id === id);
}
