import type { HistoryResponse, ReviewEvent } from '@returns-hub/shared/review/reviewSchemas';
import { mayAccess, type Principal } from '../domain/principal';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import { reviewError, type ReviewError } from '../domain/reviewError';
import type { ReturnKey } from '../store/keys';
import type { ReviewStore } from '../store/reviewStore';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** What the history needs of the version store: every version's number and submission. */
export interface VersionSource {
  versions(k: ReturnKey): Promise<{ version: number; submittedAt: string; submittedBy: string }[]>;
}

/**
 * A return's audit history in one answer, oldest first: submissions, reviews, reopenings and
 * the exceptions granted to its unit for the period. A review entry whose write was cut short
 * is read from the return itself; a submission the version history holds but the audit trail
 * lost is shown as recovered.
 */
export async function returnHistory(reviews: ReviewStore, versions: VersionSource, key: ReturnKey, p: Principal, units: OrgUnitTree): Promise<HistoryResponse | ReviewError> {
  if (!mayAccess(p, key.orgUnit, units)) return reviewError('review.forbidden', REFUSAL_TEXTS.reviewOtherUnit({ mine: p.orgUnit ?? '', units }));
  const [entries, rec, exceptions, stored] = await Promise.all([
    reviews.listEvents(key),
    reviews.get(key),
    reviews.listExceptionEvents(key.formId, key.fiscalYear, key.period, key.orgUnit),
    versions.versions(key),
  ]);
  const byPlace = new Map(entries.map((e) => [`${e.event.version}|${e.seq}`, e.event]));
  if (rec?.state) byPlace.set(`${rec.version}|${rec.state.seq}`, rec.state.last);
  const submitted = [...stored, ...(rec ? [rec] : [])];
  for (const v of submitted) {
    if (!byPlace.has(`${v.version}|0`))
      byPlace.set(`${v.version}|0`, { action: 'submit', version: v.version, at: v.submittedAt, by: v.submittedBy, client: 'unknown', to: 'submitted', recovered: true });
  }
  if (byPlace.size === 0 && exceptions.length === 0) return reviewError('review.not_found', REFUSAL_TEXTS.historyNotFound());
  const order = (e: ReviewEvent) => [e.at, e.version] as const;
  const events = [...byPlace.values(), ...exceptions].sort((a, b) => {
    const [ta, va] = order(a);
    const [tb, vb] = order(b);
    return ta < tb ? -1 : ta > tb ? 1 : va - vb;
  });
  return { formId: key.formId, fiscalYear: key.fiscalYear, period: key.period, orgUnit: key.orgUnit, subject: key.subject, events };
}
