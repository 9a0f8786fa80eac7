import { REVIEW_WORKFLOW } from '@returns-hub/shared/review/reviewWorkflow';
import type { TallyInclude } from '@returns-hub/shared/consolidate/tally';
import type { ReviewStore } from '../store/reviewStore';
import { reviewRevision, type AcceptedSource } from './acceptedSource';

/** What a tally asks of the review: which returns to include, and which of a period's returns are accepted. */
export interface TallyReview {
  include: TallyInclude;
  /** The accepted returns of one period by `acceptedKey`, each at its review revision. */
  acceptedIn: AcceptedSource;
}

export function acceptedKey(r: { orgUnit: string; subject: string | null }): string {
  return `${r.orgUnit}|${r.subject ?? ''}`;
}

export function tallyReview(reviews: ReviewStore, formId: string, fiscalYear: number, include: TallyInclude): TallyReview {
  return {
    include,
    acceptedIn: async (period) =>
      new Map(
        (await reviews.list(formId, fiscalYear, period)).flatMap((r) =>
          r.state && REVIEW_WORKFLOW[r.state.status].countedAsAccepted ? [[acceptedKey(r.key), reviewRevision(r.version, r.state.seq)] as const] : [],
        ),
      ),
  };
}
