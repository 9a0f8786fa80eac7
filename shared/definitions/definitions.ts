import type { FormDef } from '../forms/formDef';
import { OrgUnitTree } from '../orgUnits/orgUnitTree';
import type { OrgUnit } from '../orgUnits/orgUnit';
import type { DefinitionDocument } from './definitionDocument';
import { documentId } from './documentId';

/**
 * The definitions a return is read, checked and consolidated with: the forms and org units
 * in force for one fiscal year (the built-in set, or what headquarters published for it), and
 * which version of each document they are (0: built in).
 */
export interface Definitions {
  readonly forms: readonly FormDef[];
  readonly units: OrgUnitTree;
  formById(id: string): FormDef | undefined;
  /** The version of a document (a form's id, `units:<root>`) these definitions hold; 0 for a built-in one. */
  versionOf(id: string): number;
}

/** Definitions made of forms and an org-unit tree. */
export function definitionsOf(forms: readonly FormDef[], units: OrgUnitTree, versions: ReadonlyMap<string, number> = new Map()): Definitions {
  const byId = new Map(forms.map((f) => [f.id, f]));
  return { forms, units, formById: (id) => byId.get(id), versionOf: (id) => versions.get(id) ?? 0 };
}

/** Definitions made of documents: the forms in their order, and every tree's units together. */
export function definitionsFromDocuments(docs: readonly DefinitionDocument[], versions: ReadonlyMap<string, number> = new Map()): Definitions {
  const forms: FormDef[] = [];
  const units: OrgUnit[] = [];
  for (const d of docs) {
    if (d.kind === 'form') forms.push(d.form);
    else units.push(...d.units);
  }
  return definitionsOf(forms, new OrgUnitTree(units), versions);
}

/** Where the definitions of a fiscal year come from (null: the year is not known yet, e.g. to locate a sheet's form). */
export interface DefinitionSource {
  forYear(fiscalYear: number | null): Definitions;
}

/** The same definitions for every year (the built-in set offline, or a set loaded for one year). */
export function sameEveryYear(definitions: Definitions): DefinitionSource {
  return { forYear: () => definitions };
}

/** The `units:<root>` id of the tree a unit belongs to. */
export function treeIdOf(definitions: Definitions, orgUnit: string): string | null {
  const root = definitions.units.rootOf(orgUnit);
  return root ? `units:${root.code}` : null;
}

/** Which versions checked a return: its form's and its unit's tree's (0: built in). Stored with each version. */
export interface CheckedWith {
  form: number;
  units: number;
}

export function checkedWith(definitions: Definitions, formId: string, orgUnit: string): CheckedWith {
  const tree = treeIdOf(definitions, orgUnit);
  return { form: definitions.versionOf(formId), units: tree ? definitions.versionOf(tree) : 0 };
}

export { documentId };
