import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { Principal } from '../domain/principal';
import { reviewError, type ReviewError } from '../domain/reviewError';
import { statusOf } from '../domain/reviewRules';
import { submitLock } from '../domain/submitLock';
import { versionPartition, type ReturnKey } from '../store/keys';
import type { ReviewRecord, ReviewStore } from '../store/reviewStore';

/**
 * What the review workflow asks of a submission: the locks that refuse it, and its entry in
 * the audit trail. `check` must read after the submission read the pointer whose ETag guards
 * its switch: a review that lands after that read is then either seen here (the lock refuses)
 * or moves the pointer (the switch fails), so a submission never replaces an accepted return.
 */
export interface SubmitGate {
  check(key: ReturnKey, form: FormDef): Promise<ReviewError | null>;
  /** Records a stored version (and the review entry it replaced, should that entry's write have been cut short). */
  recorded(key: ReturnKey, version: number, submittedAt: string): Promise<void>;
}

export function submitGate(reviews: ReviewStore, principal: Principal, client: string, now: () => Date): SubmitGate {
  const seen = new Map<string, ReviewRecord | null>();
  return {
    async check(key, form) {
      if (principal.role === 'zone')
        return reviewError('submit.reviewer_only', {
          en: `Zone reviewers review returns; they do not submit them. Ask the unit (${key.orgUnit}) to send it.`,
          th: `ผู้ตรวจกลุ่มเขตมีหน้าที่ตรวจแบบรายงาน ไม่ได้เป็นผู้ส่ง กรุณาให้หน่วยงาน (${key.orgUnit}) เป็นผู้ส่ง`,
        });
      const rec = await reviews.get(key);
      seen.set(versionPartition(key), rec);
      const held = principal.role !== 'hq';
      const exception = held && form.closesAfterDays !== undefined ? await reviews.getException(key.formId, key.fiscalYear, key.period, key.orgUnit) : null;
      return submitLock({ key, form, current: rec ? { version: rec.version, state: rec.state } : null, exception, heldByClosedPeriods: held, now: now() });
    },
    async recorded(key, version, submittedAt) {
      const before = seen.get(versionPartition(key));
      if (before?.state) await reviews.putEvent(key, before.state.seq, before.state.last);
      await reviews.putEvent(key, 0, {
        action: 'submit',
        version,
        at: submittedAt,
        by: principal.name,
        role: principal.role,
        client,
        from: before ? statusOf(before.state) : 'not_received',
        to: 'submitted',
      });
    },
  };
}
