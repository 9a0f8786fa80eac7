import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { Principal } from '../domain/principal';
import { reviewError, type ReviewError } from '../domain/reviewError';
import { statusOf } from '../domain/reviewRules';
import { submitLock } from '../domain/submitLock';
import { versionPartition, type ReturnKey } from '../store/keys';
import type { AuditEntry, ReviewRecord, ReviewStore } from '../store/reviewStore';
import type { LockException } from '@returns-hub/shared/review/reviewSchemas';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/**
 * What the review workflow asks of a submission: the locks that refuse it, and its entry in
 * the audit trail. `check` must read after the submission read the pointer whose ETag guards
 * its switch: a review that lands after that read is then either seen here (the lock refuses)
 * or moves the pointer (the switch fails), so a submission never replaces an accepted return.
 */
export interface SubmitGate {
  /** Reads the reviews of the returns a request will check, in few requests (after their pointers were read). */
  prime(keys: ReturnKey[]): Promise<void>;
  check(key: ReturnKey, form: FormDef, units: OrgUnitTree): Promise<ReviewError | null>;
  /** Records stored versions (and the review entries they replaced, should those entries' writes have been cut short), in few writes. */
  recorded(stored: { key: ReturnKey; version: number; submittedAt: string }[]): Promise<void>;
}

export function submitGate(reviews: ReviewStore, principal: Principal, client: string, now: () => Date): SubmitGate {
  const seen = new Map<string, ReviewRecord | null>();
  /** Reviews read ahead by `prime`, each used by one check only: a check again (after a lost race) reads afresh. */
  const primed = new Map<string, ReviewRecord | null>();
  const exceptions = new Map<string, Promise<LockException | null>>();
  return {
    async prime(keys) {
      const recs = await reviews.getMany(keys);
      keys.forEach((k, i) => primed.set(versionPartition(k), recs[i]));
    },
    async check(key, form, units) {
      if (principal.role === 'zone') return reviewError('submit.reviewer_only', REFUSAL_TEXTS.zoneSubmits({ unit: key.orgUnit }));
      const id = versionPartition(key);
      const rec = primed.has(id) ? (primed.get(id) ?? null) : await reviews.get(key);
      primed.delete(id);
      seen.set(id, rec);
      const held = principal.role !== 'hq';
      const unit = [key.formId, key.fiscalYear, key.period, key.orgUnit].join('|');
      if (held && form.closesAfterDays !== undefined && !exceptions.has(unit)) exceptions.set(unit, reviews.getException(key.formId, key.fiscalYear, key.period, key.orgUnit));
      const exception = (await exceptions.get(unit)) ?? null;
      return submitLock({ key, form, units, current: rec ? { version: rec.version, state: rec.state } : null, exception, heldByClosedPeriods: held, now: now() });
    },
    async recorded(stored) {
      const entries: AuditEntry[] = [];
      for (const { key, version, submittedAt } of stored) {
        const before = seen.get(versionPartition(key));
        if (before?.state) entries.push({ key, seq: before.state.seq, event: before.state.last });
        entries.push({
          key,
          seq: 0,
          event: { action: 'submit', version, at: submittedAt, by: principal.name, role: principal.role, client, from: before ? statusOf(before.state) : 'not_received', to: 'submitted' },
        });
      }
      await reviews.putEvents(entries);
    },
  };
}
