import type { LockException } from '@returns-hub/shared/review/reviewSchemas';
import { reviewError, type ReviewError } from '../domain/reviewError';
import type { Actor } from '../domain/reviewRules';
import { unitName } from '../domain/returnName';
import type { ReviewStore } from '../store/reviewStore';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** HQ lets a unit submit for a period that has closed: recorded in the unit's history, in force until the period's returns are accepted. */
export async function grantException(
  reviews: ReviewStore,
  q: { formId: string; fiscalYear: number; period: string; orgUnit: string },
  reason: string,
  actor: Actor,
): Promise<LockException | ReviewError> {
  if (actor.principal.role !== 'hq')
    return reviewError('review.forbidden', REFUSAL_TEXTS.exceptionHqOnly({ unit: { en: unitName(q.orgUnit, 'en', actor.units), th: unitName(q.orgUnit, 'th', actor.units) } }));
  const at = actor.now.toISOString();
  const exception: LockException = { orgUnit: q.orgUnit, by: actor.principal.name, at, reason };
  await reviews.putException(q.formId, q.fiscalYear, q.period, exception, { action: 'exception', version: 0, at, by: actor.principal.name, role: 'hq', client: actor.client, reason });
  return exception;
}
