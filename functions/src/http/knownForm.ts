import type { Definitions, DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { problem, type ApiProblem } from './problem';

/** A form of a fiscal year, with the definitions of that year (its org units). */
export interface FormOfYear {
  form: FormDef;
  definitions: Definitions;
}

/** The form a request names, as defined for its fiscal year; 404 when that year has no such form. */
export function formOfYear(source: DefinitionSource, formId: string, fiscalYear: number): FormOfYear | ApiProblem {
  const definitions = source.forYear(fiscalYear);
  const form = definitions.formById(formId);
  return form ? { form, definitions } : problem('form.not_found', { en: `No form "${formId}" for fiscal year ${fiscalYear}.`, th: `ไม่มีแบบรายงานตามรหัสที่ระบุในปีงบประมาณ ${fiscalYear}` });
}
