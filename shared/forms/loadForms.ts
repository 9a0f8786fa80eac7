import type { z } from 'zod';
import { formDefSchema, type FormDef } from './formDef';
import { checkForm, checkUniqueIds } from './checkForms';
import { FormDefinitionError } from './formDefinitionError';
import { layoutTallyProblems } from '../report/layoutTallyProblems';

export { FormDefinitionError };

/** `rules[1].parts[0]`: a zod issue's path as the definition would be written. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || '(definition)';
}

function shapeProblem(issue: z.core.$ZodIssue): string {
  return `${pathText(issue.path)}: ${issue.message}`;
}

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
  if (!parsed.success) throw new FormDefinitionError(statedId(def), parsed.error.issues.map(shapeProblem));
  const form = checkForm(parsed.data);
  const tally = layoutTallyProblems(form);
  if (tally.length) throw new FormDefinitionError(form.id, tally);
  return form;
}

/** Loads every definition; form ids must be unique. */
export function loadForms(defs: readonly unknown[]): readonly FormDef[] {
  return checkUniqueIds(defs.map(loadForm));
}
