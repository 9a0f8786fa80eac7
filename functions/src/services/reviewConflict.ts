import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';
import { STATUS_LABELS } from '@returns-hub/shared/review/statusLabels';
import { decidedBy } from '../domain/decidedBy';
import { reviewError, type ReviewError } from '../domain/reviewError';
import { statusOf } from '../domain/reviewRules';
import type { ReviewRecord, ReviewStore } from '../store/reviewStore';

/**
 * Why a review lost its race (the pointer moved between reading and writing): reads the
 * return again and says what happened meanwhile. Nothing of the loser's request was written.
 */
export async function explainLostReview(reviews: ReviewStore, before: ReviewRecord): Promise<ReviewError> {
  const now = await reviews.get(before.key);
  if (now && now.version !== before.version)
    return reviewError('review.version_changed', {
      en: `While you were reviewing version ${before.version}, version ${now.version} was submitted by ${now.submittedBy} at ${bangkokTime(now.submittedAt).en}; nothing was changed. Open version ${now.version} and review it.`,
      th: `ระหว่างที่คุณตรวจฉบับที่ ${before.version} มีการส่งฉบับที่ ${now.version} โดย ${now.submittedBy} เมื่อ ${bangkokTime(now.submittedAt).th} คำขอของคุณจึงไม่มีผล กรุณาเปิดฉบับที่ ${now.version} เพื่อตรวจอีกครั้ง`,
    });
  if (now?.state) {
    const by = decidedBy(now.state.decision);
    const status = STATUS_LABELS[statusOf(now.state)];
    return reviewError('review.conflict', {
      en: `While you were acting, ${by.en} made version ${now.version} "${status.en}"; nothing was changed by your request. Reload it and decide again.`,
      th: `ระหว่างที่คุณดำเนินการ ${by.th} ได้เปลี่ยนฉบับที่ ${now.version} เป็น "${status.th}" แล้ว คำขอของคุณจึงไม่มีผล กรุณาโหลดใหม่แล้วพิจารณาอีกครั้ง`,
    });
  }
  return reviewError('review.conflict', {
    en: 'The return changed while you were acting; nothing was changed by your request. Reload it and decide again.',
    th: 'แบบรายงานถูกเปลี่ยนระหว่างที่คุณดำเนินการ คำขอของคุณจึงไม่มีผล กรุณาโหลดใหม่แล้วพิจารณาอีกครั้ง',
  });
}
