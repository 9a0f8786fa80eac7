import { randomUUID } from 'node:crypto';
import type { DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import { REVIEW_WORKFLOW } from '@returns-hub/shared/review/reviewWorkflow';
import type { ReviewState } from '../domain/reviewState';
import type { ReturnStore } from '../store/returnStore';
import type { ReviewRecord, ReviewStore } from '../store/reviewStore';
import type { ReturnKey } from '../store/keys';
import type { ReturnIntent, TallyScope } from '../store/tallyStore';
import { isStorageUnavailable } from '../store/storageUnavailable';
import { noteEvent } from '../telemetry/events';
import { keepTalliesAll, type ApplyOutcome } from './applyTallyShare';
import { reviewRevision } from './acceptedSource';

const counted = (state: ReviewState | null) => (state ? REVIEW_WORKFLOW[state.status].countedAsAccepted : false);
const scopeOf = (k: ReturnKey): TallyScope => ({ formId: k.formId, fiscalYear: k.fiscalYear, basis: 'accepted' });

/** A decision's intent on the tallies of accepted returns. */
export interface ReviewTicket {
  key: ReturnKey;
  intent: ReturnIntent;
}

/**
 * The tallies of accepted returns around one review decision, write-ahead: the intent is
 * recorded before the decision is written (storage failing there refuses the decision: nothing
 * changed), applied after it, or forgotten if the decision lost its race. Only a decision that
 * changes whether the return counts (headquarters accepts it, or reopens or sends back what it
 * had accepted) touches them.
 */
export interface ReviewTallies {
  intend(rec: ReviewRecord, next: ReviewState): Promise<ReviewTicket | null>;
  /** After the decision is written: never throws (the decision stands; the repair completes what is left). */
  applied(ticket: ReviewTicket): Promise<void>;
  abandoned(ticket: ReviewTicket): Promise<void>;
}

export function reviewTallies(store: ReturnStore, reviews: ReviewStore, definitions: DefinitionSource): ReviewTallies {
  return {
    async intend(rec, next) {
      if (!definitions.forYear(rec.key.fiscalYear).formById(rec.key.formId) || counted(rec.state) === counted(next)) return null;
      const { orgUnit, subject, period } = rec.key;
      const intent: ReturnIntent = { kind: 'return', id: randomUUID(), orgUnit, subject, period, revision: reviewRevision(rec.version, next.seq), at: new Date().toISOString() };
      await store.tallies.intend(scopeOf(rec.key), [intent]);
      return { key: rec.key, intent };
    },
    async applied(ticket) {
      try {
        await tallyAccepted(store, reviews, definitions, ticket.key);
      } catch (e) {
        noteEvent('review.tallies_not_applied', { 'error.message': e instanceof Error ? e.message : String(e) });
      }
    },
    async abandoned(ticket) {
      try {
        await store.tallies.forget(scopeOf(ticket.key), [ticket.intent.id]);
      } catch (e) {
        if (!isStorageUnavailable(e)) throw e; // a leftover intent only makes readers check, until the repair settles it
      }
    },
  };
}

/**
 * Brings a return's share of the accepted tallies up to its review as it stands now (idempotent):
 * its version's contribution if headquarters accepted it, none otherwise, at the review's
 * revision (so a late or repeated update never undoes a later one). What a decision and the
 * repair both call.
 */
export async function tallyAccepted(store: ReturnStore, reviews: ReviewStore, definitions: DefinitionSource, key: ReturnKey): Promise<ApplyOutcome | 'unavailable'> {
  if (!definitions.forYear(key.fiscalYear).formById(key.formId)) return 'already';
  const [rec, [current]] = await Promise.all([reviews.get(key), store.current([key])]);
  if (!rec) return 'already'; // nothing submitted: nothing to count
  // The two reads straddled a new version: leave it to the next call (the intent stays, readers recompute).
  if (current?.record.version !== rec.version) return 'gave_up';
  const contribution = counted(rec.state) ? current.record.contribution : null;
  const revision = reviewRevision(rec.version, rec.state?.seq ?? 0);
  const [outcome] = await keepTalliesAll(store.tallies, definitions, key.formId, 'accepted', [{ key, revision, contribution }]);
  return outcome;
}
