import type { CheckedReturn } from '@returns-hub/shared/check/checkedReturn';
import type { ReturnKey } from '../store/keys';

/** The identity of a checked return that names its org unit, year and period. */
export function keyOf(r: Pick<CheckedReturn, 'formId' | 'subject'> & { orgUnit: string; fiscalYear: number; period: string }): ReturnKey {
  return { formId: r.formId, fiscalYear: r.fiscalYear, period: r.period, orgUnit: r.orgUnit, subject: r.subject };
}
