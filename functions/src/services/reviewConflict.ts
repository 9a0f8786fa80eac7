import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';
import { STATUS_LABELS } from '@returns-hub/shared/review/statusLabels';
import { decidedBy } from '../domain/decidedBy';
import { reviewError, type ReviewError } from '../domain/reviewError';
import { statusOf } from '../domain/reviewRules';
import type { ReviewRecord, ReviewStore } from '../store/reviewStore';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/**
 * Why a review lost its race (the pointer moved between reading and writing): reads the
 * return again and says what happened meanwhile. Nothing of the loser's request was written.
 */
export async function explainLostReview(reviews: ReviewStore, before: ReviewRecord): Promise<ReviewError> {
  const now = await reviews.get(before.key);
  if (now && now.version !== before.version)
    return reviewError('review.version_changed', REFUSAL_TEXTS.versionChanged({ reviewing: before.version, now: now.version, by: now.submittedBy, at: bangkokTime(now.submittedAt) }));
  if (now?.state) {
    return reviewError('review.conflict', REFUSAL_TEXTS.decidedMeanwhile({ by: decidedBy(now.state.decision), version: now.version, status: STATUS_LABELS[statusOf(now.state)] }));
  }
  return reviewError('review.conflict', REFUSAL_TEXTS.changedMeanwhile());
}
