import type { FormDef } from '../forms/formDef';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';

/**
 * The definitions a return is read, checked and consolidated with: the forms and org units
 * in force for one fiscal year (the built-in set, or what headquarters published for it).
 */
export interface Definitions {
  readonly forms: readonly FormDef[];
  readonly units: OrgUnitTree;
  formById(id: string): FormDef | undefined;
}

/** Definitions made of forms and an org-unit tree. */
export function definitionsOf(forms: readonly FormDef[], units: OrgUnitTree): Definitions {
  const byId = new Map(forms.map((f) => [f.id, f]));
  return { forms, units, formById: (id) => byId.get(id) };
}
