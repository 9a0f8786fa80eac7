import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { LockException, ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import { closesOn, submitLock } from '../domain/submitLock';
import { statusOf } from '../domain/reviewRules';
import type { ReturnKey } from '../store/keys';
import type { ReviewRecord } from '../store/reviewStore';

/** One return's review as the API shows it, with the lock a unit's new submission would meet now. */
export function reviewViewOf(key: ReturnKey, form: FormDef, units: OrgUnitTree, rec: ReviewRecord | null, exception: LockException | null, now: Date): ReviewView {
  const state = rec?.state ?? null;
  const lock = submitLock({ key, form, units, current: rec ? { version: rec.version, state } : null, exception, heldByClosedPeriods: true, now });
  return {
    formId: key.formId,
    fiscalYear: key.fiscalYear,
    period: key.period,
    orgUnit: key.orgUnit,
    subject: key.subject,
    version: rec?.version ?? null,
    status: rec ? statusOf(state) : 'not_received',
    decision: state?.decision ?? null,
    reason: state?.reason ?? null,
    comments: state?.comments ?? [],
    zoneAccepted: state?.zoneAccepted ?? null,
    lock: lock ? { code: lock.code, detail: lock.en, detail_th: lock.th } : null,
    closesOn: closesOn(form, key.fiscalYear, key.period),
    exception,
  };
}
