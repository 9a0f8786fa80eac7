import type { z } from 'zod';
import { formDefSchema, type FormDef } from './formDef';
import { formProblems } from './formProblems';

/** A form definition that cannot be used: every problem found, each naming the form and where. */
export class FormDefinitionError extends Error {
  constructor(
    readonly formId: string,
    readonly problems: readonly string[],
  ) {
    super(problems.map((p) => `Form "${formId}": ${p}`).join('\n'));
    this.name = 'FormDefinitionError';
  }
}

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
 * Checks a form definition and returns it typed: its shape (zod), then that every id it
 * names exists (see `formProblems`). Throws one FormDefinitionError listing every problem.
 */
export function loadForm(def: unknown): FormDef {
  const parsed = formDefSchema.safeParse(def);
  if (!parsed.success) throw new FormDefinitionError(statedId(def), parsed.error.issues.map(shapeProblem));
  const problems = formProblems(parsed.data);
  if (problems.length) throw new FormDefinitionError(parsed.data.id, problems);
  return parsed.data;
}

/** Loads every definition; form ids must be unique. */
export function loadForms(defs: readonly unknown[]): readonly FormDef[] {
  const forms = defs.map(loadForm);
  const seen = new Set<string>();
  for (const f of forms) {
    if (seen.has(f.id)) throw new FormDefinitionError(f.id, ['the id is used by another form']);
    seen.add(f.id);
  }
  return forms;
}
