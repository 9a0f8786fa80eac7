import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { periodCodeLabel, periodsOfKind, type PeriodCode } from '@returns-hub/shared/period/index';
import type { Lang } from '../text/bilingual';
import { defaultPullQuery, type Choice } from './pullChoices';
import type { ReviewQuery } from './reviewController';

/** The periods a form's returns are sent for: the year, or its quarters. */
export function reviewPeriodChoices(form: FormDef, lang: Lang): Choice<PeriodCode>[] {
  return periodsOfKind(form.period.kind).map((code) => ({ value: code, label: periodCodeLabel(code, lang) }));
}

/** What Review offers first for a form: the period Totals would offer, as a return period. */
export function defaultReviewQuery(form: FormDef, now: Date): ReviewQuery {
  const q = defaultPullQuery(form, now);
  const periods = periodsOfKind(form.period.kind);
  return { form: form.id, fy: q.fy, period: periods.includes(q.period) ? q.period : periods[periods.length - 1] };
}
