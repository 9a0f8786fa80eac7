import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import type { Definitions } from '@returns-hub/shared/definitions/definitions';
import type { FormDef } from '@returns-hub/shared/forms/formDef';

/** The built-in definitions (`forms/*.json`) as the product loads them, for every year: what tests read samples with. */
export const BUILT_IN_SOURCE = new VersionedDefinitions(builtInDocuments(), []);
export const BUILT_IN: Definitions = BUILT_IN_SOURCE.forYear(null);
export const FORMS = BUILT_IN.forms;
export const UNITS = BUILT_IN.units;

/** A built-in form by id (a test's own mistake when it is not one). */
export function builtInForm(id: string): FormDef {
  const f = BUILT_IN.formById(id);
  if (!f) throw new Error(`no built-in form ${id}`);
  return f;
}
