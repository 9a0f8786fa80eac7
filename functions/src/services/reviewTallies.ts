import type { DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import { REVIEW_WORKFLOW } from '@returns-hub/shared/review/reviewWorkflow';
import type { ReviewState } from '../domain/reviewState';
import type { ReturnStore } from '../store/returnStore';
import type { ReviewRecord } from '../store/reviewStore';
import { isStorageUnavailable } from '../store/storageUnavailable';
import { keepTallies } from './applyTallyShare';
import { reviewRevision } from './acceptedSource';

/** Called once a review decision is written (its state on the pointer, its audit entry). */
export type ReviewDecided = (rec: ReviewRecord, state: ReviewState) => Promise<void>;

/**
 * The tallies of accepted returns follow each decision: an acceptance by headquarters adds
 * the version's share, anything else (sent back, reopened, accepted by a zone only) takes it
 * out, at the decision's review revision (so a late or repeated update never undoes a later
 * one). Trouble marks those tallies stale, never the decision refused: it is recorded.
 */
export function tallyOnReview(store: ReturnStore, definitions: DefinitionSource): ReviewDecided {
  return async (rec, state) => {
    const revision = reviewRevision(rec.version, state.seq);
    let contribution = null;
    if (REVIEW_WORKFLOW[state.status].countedAsAccepted) {
      try {
        contribution = (await store.getCurrent(rec.key))?.record.contribution ?? null;
      } catch (e) {
        if (!isStorageUnavailable(e)) throw e;
        const reason = `${rec.key.orgUnit} ${rec.key.subject ?? ''} ${rec.key.period} review revision ${revision}: storage unavailable`;
        await store.tallies.markStale({ formId: rec.key.formId, fiscalYear: rec.key.fiscalYear, basis: 'accepted' }, { at: new Date().toISOString(), reason }).catch(() => undefined);
        return;
      }
    }
    await keepTallies(store.tallies, definitions, rec.key.formId, 'accepted', rec.key, revision, contribution);
  };
}
