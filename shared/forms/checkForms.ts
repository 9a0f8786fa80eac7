import type { FormDef } from './formDef';
import { FormDefinitionError } from './formDefinitionError';
import { formProblems } from './formProblems';
import { finding } from '../definitions/definitionMessages';

/**
 * Checks a definition already typed as a form (the compiler has checked its shape): that
 * every id it names exists (see `formProblems`). Throws one FormDefinitionError listing
 * every problem. Plain code, no zod: this runs in every CLI process.
 */
export function checkForm(form: FormDef): FormDef {
  const problems = formProblems(form);
  if (problems.length) throw new FormDefinitionError(form.id, problems);
  return form;
}

/** Form ids must be unique. */
export function checkUniqueIds(forms: readonly FormDef[]): readonly FormDef[] {
  const seen = new Set<string>();
  for (const f of forms) {
    if (seen.has(f.id)) throw new FormDefinitionError(f.id, [finding('definition.duplicate_id', ['id'], { id: f.id, first: 'another form' })]);
    seen.add(f.id);
  }
  return forms;
}

/** Checks every definition and that their ids are unique. */
export function checkForms(forms: readonly FormDef[]): readonly FormDef[] {
  return checkUniqueIds(forms.map(checkForm));
}
