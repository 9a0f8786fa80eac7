import { REVIEW_WORKFLOW } from '@returns-hub/shared/review/reviewWorkflow';
import type { TallyInclude } from '@returns-hub/shared/consolidate/tally';
import type { ReviewStore } from '../store/reviewStore';
import type { ReturnKey } from '../store/keys';
import { reviewRevision, type AcceptedSource } from './acceptedSource';

/** What a tally asks of the review: which returns to include, and which of a period's returns are accepted. */
export interface TallyReview {
  include: TallyInclude;
  /** The accepted returns of one period by `acceptedKey`, each at its review revision. */
  acceptedIn: AcceptedSource;
  /** The revisions the tallies of these returns must reach (in order; null: no such return): its version, and its review revision for the accepted basis. */
  revisions(keys: ReturnKey[]): Promise<({ all: number; accepted: number } | null)[]>;
}

export function acceptedKey(r: { orgUnit: string; subject: string | null }): string {
  return `${r.orgUnit}|${r.subject ?? ''}`;
}

export function tallyReview(reviews: ReviewStore, formId: string, fiscalYear: number, include: TallyInclude): TallyReview {
  return {
    include,
    revisions: async (keys) => (await reviews.getMany(keys)).map((r) => (r ? { all: r.version, accepted: reviewRevision(r.version, r.state?.seq ?? 0) } : null)),
    acceptedIn: async (period) =>
      new Map(
        (await reviews.list(formId, fiscalYear, period)).flatMap((r) =>
          r.state && REVIEW_WORKFLOW[r.state.status].countedAsAccepted ? [[acceptedKey(r.key), reviewRevision(r.version, r.state.seq)] as const] : [],
        ),
      ),
  };
}
