import { formDefSchema, type FormDef } from './formDef';
import { checkForm, checkUniqueIds } from './checkForms';
import { FormDefinitionError } from './formDefinitionError';
import { layoutTallyProblems } from '../report/layoutTallyProblems';
import { layoutProblems } from '../report/layoutProblems';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import { shapeFindings } from '../definitions/shapeFindings';

export { FormDefinitionError };

/** The id a definition states, for naming it in errors before its shape is known to be right. */
function statedId(def: unknown): string {
  const id = typeof def === 'object' && def !== null && 'id' in def ? def.id : undefined;
  return typeof id === 'string' ? id : '(no id)';
}

/**
 * Checks a form definition of unknown shape and returns it typed: its shape (zod), then
 * that every id it names exists (see `formProblems`), then its report layouts against the
 * org units and the tally. Throws one FormDefinitionError listing every problem (English,
 * for developers; headquarters gets the same findings in Thai and English at their cells
 * from `checkDefinition`).
 */
export function loadForm(def: unknown, units: OrgUnitTree): FormDef {
  const parsed = formDefSchema.safeParse(def);
  if (!parsed.success) throw new FormDefinitionError(statedId(def), shapeFindings(parsed.error.issues, def));
  const form = checkForm(parsed.data);
  const reports = [...layoutProblems(form, units), ...layoutTallyProblems(form, units)];
  if (reports.length) throw new FormDefinitionError(form.id, reports);
  return form;
}

/** Loads every definition; form ids must be unique. */
export function loadForms(defs: readonly unknown[], units: OrgUnitTree): readonly FormDef[] {
  return checkUniqueIds(defs.map((d) => loadForm(d, units)));
}
