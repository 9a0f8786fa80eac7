import type { TallyInclude } from '@returns-hub/shared/consolidate/tally';
import type { ReviewStore } from '../store/reviewStore';

/** What a tally asks of the review: which returns to include, and which of a period's returns are accepted. */
export interface TallyReview {
  include: TallyInclude;
  /** `acceptedKey`s of the accepted returns of one period. */
  acceptedIn(period: string): Promise<ReadonlySet<string>>;
}

export function acceptedKey(r: { orgUnit: string; subject: string | null }): string {
  return `${r.orgUnit}|${r.subject ?? ''}`;
}

export function tallyReview(reviews: ReviewStore, formId: string, fiscalYear: number, include: TallyInclude): TallyReview {
  return {
    include,
    acceptedIn: async (period) => new Set((await reviews.list(formId, fiscalYear, period)).filter((r) => r.state?.status === 'accepted').map((r) => acceptedKey(r.key))),
  };
}
