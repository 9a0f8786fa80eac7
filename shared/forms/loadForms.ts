import { formDefSchema, type FormDef } from './formDef';
import { checkForm, checkUniqueIds } from './checkForms';
import { FormDefinitionError } from './formDefinitionError';
import { layoutTallyProblems } from '../report/layoutTallyProblems';
import { layoutProblems } from '../report/layoutProblems';
import { BUILT_IN_UNITS } from '../orgUnits/orgUnits';
import { shapeFindings } from '../definitions/shapeFindings';

export { FormDefinitionError };

/** The id a definition states, for naming it in errors before its shape is known to be right. */
function statedId(def: unknown): string {
  const id = typeof def === 'object' && def !== null && 'id' in def ? def.id : undefined;
  return typeof id === 'string' ? id : '(no id)';
}

/**
 * Checks a form definition of unknown shape and returns it typed: its shape (zod), then
 * that every id it names exists (see `formProblems`). Throws one FormDefinitionError
 * listing every problem. The product's own forms are typed already: `forms/index.ts`
 * checks their ids without zod, and the test suite loads each through here.
 */
export function loadForm(def: unknown): FormDef {
  const parsed = formDefSchema.safeParse(def);
  if (!parsed.success) throw new FormDefinitionError(statedId(def), shapeFindings(parsed.error.issues, def));
  const form = checkForm(parsed.data);
  const reports = [...layoutProblems(form, BUILT_IN_UNITS), ...layoutTallyProblems(form)];
  if (reports.length) throw new FormDefinitionError(form.id, reports);
  return form;
}

/** Loads every definition; form ids must be unique. */
export function loadForms(defs: readonly unknown[]): readonly FormDef[] {
  return checkUniqueIds(defs.map(loadForm));
}
