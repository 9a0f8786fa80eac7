import * as React from 'react';
import { Badge, Button, Field, Spinner, Text, Textarea } from '@fluentui/react-components';
import { paneDefinitions } from '../definitions/paneDefinitions';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';
import type { ReviewStatus } from '@returns-hub/shared/review/reviewSchemas';
import type { ReviewController, ReviewQuery } from '../pane/reviewController';
import { fiscalYearChoices } from '../pane/pullChoices';
import { defaultReviewQuery, reviewPeriodChoices } from '../pane/reviewChoices';
import { rt, statusText } from '../pane/reviewText';
import { t } from '../pane/i18n';
import { inLang, type Lang } from '../text/bilingual';
import { useReviewState } from './useReviewState';
import { ChoiceField } from './ChoiceField';
import { TitleField } from './TitleField';
import { OutcomeBar } from './OutcomeBar';
import { usePaneStyles } from './paneStyles';

const BADGE: Record<ReviewStatus, 'informative' | 'warning' | 'success' | 'brand'> = {
  submitted: 'informative',
  reopened: 'informative',
  returned: 'warning',
  zone_accepted: 'brand',
  accepted: 'success',
};

export function StatusBadge({ status, lang }: { status: ReviewStatus; lang: Lang }) {
  return (
    <Badge appearance="tint" color={BADGE[status]}>
      {inLang(statusText(status), lang)}
    </Badge>
  );
}

/** Review (HQ and zone reviewers): a period's returns with their status; open one into a sheet; accept, or send back with comments from selected cells. */
export function ReviewTab({ review, lang, now }: { review: ReviewController; lang: Lang; now: () => Date }) {
  // The forms of the year the pane works on (loaded from the API; the built-in ones until then).
  const defs = paneDefinitions.current();
  const s = usePaneStyles();
  const state = useReviewState(review);
  const [query, setQuery] = React.useState<ReviewQuery>(() => state.query ?? defaultReviewQuery(defs.formById('bma-community-plan-return') ?? defs.forms[0], now()));
  const [comment, setComment] = React.useState('');
  const [reason, setReason] = React.useState('');
  const form = defs.formById(query.form) ?? defs.forms[0];
  const forms = defs.forms.map((f) => ({ value: f.id, label: lang === 'th' ? f.title_th : f.title_en }));
  const o = state.opened;
  return (
    <section className={s.column} aria-label={rt(lang, 'reviewTab')}>
      <Text className={s.intro}>{rt(lang, 'reviewIntro')}</Text>
      <TitleField label={t(lang, 'form')} value={query.form} choices={forms} onChange={(id) => setQuery(defaultReviewQuery(defs.formById(id) ?? form, now()))} />
      <ChoiceField label={t(lang, 'fiscalYear')} value={query.fy} choices={fiscalYearChoices(now(), lang)} onChange={(fy) => setQuery({ ...query, fy })} />
      <ChoiceField label={t(lang, 'period')} value={query.period} choices={reviewPeriodChoices(form, lang)} onChange={(period) => setQuery({ ...query, period })} />
      <div className={s.row}>
        <Button appearance="primary" onClick={() => review.load(query)} disabled={state.busy}>
          {rt(lang, 'load')}
        </Button>
        {state.list.length > 0 && (
          <Button onClick={() => review.acceptAllClean()} disabled={state.busy}>
            {rt(lang, 'acceptAllClean')}
          </Button>
        )}
        {state.busy && <Spinner size="tiny" label={t(lang, 'working')} />}
      </div>
      <OutcomeBar outcome={state.outcome} lang={lang} />
      {state.query && state.list.length === 0 && <Text>{rt(lang, 'noReturns')}</Text>}
      {state.list.map((r) => (
        <div key={`${r.orgUnit}|${r.subject ?? ''}`} className={s.card} data-testid="review-row" data-unit={r.orgUnit}>
          <div className={s.row}>
            <Text weight="semibold" className={s.grow}>
              {r.orgUnit} {r.name_th}
              {r.subject ? ` · ${r.subject}` : ''}
            </Text>
            <StatusBadge status={r.status} lang={lang} />
          </div>
          <Text size={200}>
            {t(lang, 'version')} {r.version} · {r.warnings} {rt(lang, 'warningsShort')}
            {r.reason ? ` · ${r.reason}` : ''}
          </Text>
          <div className={s.row}>
            <Button size="small" onClick={() => review.open(r)} disabled={state.busy} aria-label={`${rt(lang, 'open')} ${r.orgUnit}${r.subject ? ` ${r.subject}` : ''}`}>
              {rt(lang, 'open')}
            </Button>
          </div>
        </div>
      ))}
      {o && (
        <div className={s.card} data-testid="opened-return">
          <div className={s.row}>
            <Text weight="semibold" className={s.grow}>
              {o.sheet}
            </Text>
            <StatusBadge status={o.status} lang={lang} />
          </div>
          <div className={s.row}>
            <Button appearance="primary" onClick={() => review.accept()} disabled={state.busy}>
              {rt(lang, 'accept')}
            </Button>
          </div>
          <Field label={rt(lang, 'commentText')} className={s.full}>
            <Textarea className={s.full} value={comment} onChange={(_e, d) => setComment(d.value)} />
          </Field>
          <div className={s.row}>
            <Button
              onClick={async () => {
                await review.addComment(comment);
                if (review.state.draft.some((c) => c.text === comment.trim())) setComment('');
              }}
              disabled={state.busy}
            >
              {rt(lang, 'addComment')}
            </Button>
          </div>
          {state.draft.length > 0 && (
            <section aria-label={rt(lang, 'comments')}>
              <Text weight="semibold" block>
                {rt(lang, 'comments')} ({state.draft.length})
              </Text>
              {state.draft.map((c, k) => (
                <div key={k} className={s.row} data-cell={c.cell}>
                  <Text font="monospace">{splitSheetAddress(c.cell).cell}</Text>
                  <Text className={s.grow}>{c.text}</Text>
                  <Button size="small" appearance="subtle" onClick={() => review.removeComment(k)} aria-label={`${rt(lang, 'remove')} ${c.cell}`}>
                    {rt(lang, 'remove')}
                  </Button>
                </div>
              ))}
            </section>
          )}
          <Field label={rt(lang, 'reason')} className={s.full}>
            <Textarea className={s.full} value={reason} onChange={(_e, d) => setReason(d.value)} />
          </Field>
          <div className={s.row}>
            <Button
              onClick={async () => {
                await review.sendBack(reason);
                if (review.state.opened?.status === 'returned') setReason('');
              }}
              disabled={state.busy}
            >
              {rt(lang, 'sendBack')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
