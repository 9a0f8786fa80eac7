import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { awaitingAcceptance } from '@returns-hub/shared/review/reviewWorkflow';
import type { BulkAcceptResponse, ReturnRef, ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import { decide, reviewerOnly, reviewLevel, statusOf, type Actor, type ReviewCommand } from '../domain/reviewRules';
import { isReviewError, reviewError, type ReviewError } from '../domain/reviewError';
import type { ReturnKey } from '../store/keys';
import type { ReviewRecord, ReviewStore } from '../store/reviewStore';
import { explainLostReview } from './reviewConflict';
import { reviewViewOf } from './reviewView';
import { returnName } from '../domain/returnName';
import type { ReviewTallies } from './reviewTallies';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** Bulk actions run this many returns at a time: each is its own conditional write and audit entry. */
const BULK_PARALLEL = 8;

function notFound(key: ReturnKey, units: Actor['units']): ReviewError {
  return reviewError('review.not_found', REFUSAL_TEXTS.reviewNotFound({ name: returnName(key, units) }));
}

/**
 * One reviewer's action on one return, applied to the record as read: decided by the rules,
 * written only if the return has not moved since (ETag), then recorded in the audit trail.
 */
async function apply(reviews: ReviewStore, rec: ReviewRecord, command: ReviewCommand, actor: Actor, tallies?: ReviewTallies): Promise<ReviewRecord | ReviewError> {
  const next = decide({ key: rec.key, version: rec.version, submittedAt: rec.submittedAt, submittedBy: rec.submittedBy, state: rec.state }, command, actor);
  if (isReviewError(next)) return next;
  // The entry this review replaces on the pointer is in the trail before the pointer moves on.
  if (rec.state) await reviews.putEvents([{ key: rec.key, seq: rec.state.seq, event: rec.state.last }]);
  // The tallies of accepted returns follow the decision: its intent first, so they are never silently behind.
  const ticket = await tallies?.intend(rec, next.state);
  const set = await reviews.setState(rec.key, next.state, rec.etag);
  if (!set.ok) {
    if (ticket) await tallies!.abandoned(ticket);
    return explainLostReview(reviews, rec);
  }
  await reviews.putEvents([{ key: rec.key, seq: next.state.seq, event: next.event }]);
  if (ticket) await tallies!.applied(ticket);
  return { ...rec, state: next.state };
}

/** Accept, send back or reopen one return. */
export async function reviewReturn(reviews: ReviewStore, form: FormDef, key: ReturnKey, command: ReviewCommand, actor: Actor, tallies?: ReviewTallies): Promise<ReviewView | ReviewError> {
  const level = reviewLevel(actor.principal, key.orgUnit, actor.units);
  if (isReviewError(level)) return level;
  const rec = await reviews.get(key);
  if (!rec) return notFound(key, actor.units);
  // A retry of a request whose decision was written (its answer lost): answered as that decision.
  const already = actor.requestKey && rec.state?.requestKey === actor.requestKey;
  const done = already ? rec : await apply(reviews, rec, command, actor, tallies);
  if (isReviewError(done)) return done;
  const exception = form.closesAfterDays === undefined ? null : await reviews.getException(key.formId, key.fiscalYear, key.period, key.orgUnit);
  return reviewViewOf(key, form, actor.units, done, exception, actor.now);
}

async function inPool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

/**
 * Accepts many returns of a form and period in one request: a selection, or every return
 * awaiting the caller's acceptance that has no warnings. Each is decided, written and
 * recorded on its own; one refused leaves the others accepted.
 */
export async function bulkAccept(
  reviews: ReviewStore,
  q: { formId: string; fiscalYear: number; period: string },
  selection: { allClean: true } | { returns: ReturnRef[] },
  note: string | undefined,
  actor: Actor,
  tallies?: ReviewTallies,
): Promise<BulkAcceptResponse | ReviewError> {
  const notReviewer = reviewerOnly(actor.principal, actor.units);
  if (notReviewer) return notReviewer;
  const records = await reviews.list(q.formId, q.fiscalYear, q.period);
  type Base = { orgUnit: string; subject: string | null; version: number | null };
  type Target = { base: Base; rec: ReviewRecord; wanted?: number } | { base: Base; skip: ReviewError | 'has_warnings'; warnings?: number };
  const baseOf = (rec: ReviewRecord): Base => ({ orgUnit: rec.key.orgUnit, subject: rec.key.subject, version: rec.version });
  let targets: Target[];
  if ('allClean' in selection) {
    const awaiting = records.filter((r) => {
      const level = reviewLevel(actor.principal, r.key.orgUnit, actor.units);
      const mine = !!actor.requestKey && r.state?.requestKey === actor.requestKey; // accepted by this request's earlier try
      return !isReviewError(level) && (mine || awaitingAcceptance(level).includes(statusOf(r.state)));
    });
    targets = awaiting.map((rec) => (rec.warnings > 0 ? { base: baseOf(rec), skip: 'has_warnings', warnings: rec.warnings } : { base: baseOf(rec), rec, wanted: rec.version }));
  } else {
    const byKey = new Map(records.map((r) => [`${r.key.orgUnit}|${r.key.subject ?? ''}`, r]));
    targets = selection.returns.map((ref): Target => {
      const level = reviewLevel(actor.principal, ref.orgUnit, actor.units);
      const rec = byKey.get(`${ref.orgUnit}|${ref.subject ?? ''}`);
      const base = { orgUnit: ref.orgUnit, subject: ref.subject ?? null, version: rec?.version ?? null };
      if (isReviewError(level)) return { base, skip: level };
      return rec ? { base, rec, wanted: ref.version } : { base, skip: notFound({ ...q, orgUnit: ref.orgUnit, subject: ref.subject ?? null }, actor.units) };
    });
  }
  const results = await inPool(targets, BULK_PARALLEL, async (t) => {
    if ('skip' in t) {
      if (t.skip === 'has_warnings')
        return { ...t.base, outcome: 'has_warnings', detail: `${t.warnings} warning(s): review it on its own.`, detail_th: `มีคำเตือน ${t.warnings} รายการ กรุณาตรวจเป็นรายฉบับ` };
      return { ...t.base, outcome: t.skip.code, detail: t.skip.en, detail_th: t.skip.th };
    }
    if (actor.requestKey && t.rec.state?.requestKey === actor.requestKey) return { ...t.base, outcome: 'accepted' }; // accepted by this request's earlier try
    const done = await apply(reviews, t.rec, { action: 'accept', version: t.wanted, note }, actor, tallies);
    return isReviewError(done) ? { ...t.base, outcome: done.code, detail: done.en, detail_th: done.th } : { ...t.base, outcome: 'accepted' };
  });
  const accepted = results.filter((r) => r.outcome === 'accepted').length;
  return { accepted, skipped: results.length - accepted, results };
}
