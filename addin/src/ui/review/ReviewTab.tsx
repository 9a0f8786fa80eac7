import * as React from 'react';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { paneDefinitions } from '../../definitions/paneDefinitions';
import type { ReviewController, ReviewQuery } from '../../pane/reviewController';
import { fiscalYearChoices } from '../../pane/pullChoices';
import { defaultReviewQuery, reviewPeriodChoices } from '../../pane/reviewChoices';
import { cleanToAccept, filterReturns, NO_FILTER, type ReviewFilter } from '../../pane/reviewFilter';
import { rt } from '../../pane/reviewText';
import { t } from '../../pane/i18n';
import type { Lang } from '../../text/bilingual';
import { useReviewState } from '../useReviewState';
import { ChoiceField } from '../ChoiceField';
import { TitleField } from '../TitleField';
import { OutcomeBar } from '../OutcomeBar';
import { usePaneStyles } from '../paneStyles';
import { ReviewFilters } from './ReviewFilters';
import { ReviewRows } from './ReviewRows';
import { OpenedReturnPanel } from './OpenedReturnPanel';
import { BulkAcceptDialog } from './BulkAcceptDialog';
import { usePeriodQuery } from '../usePeriodQuery';
import type { PeriodDefaults } from '../../pane/latestPeriod';

const useStyles = makeStyles({
  // One column in a task pane; in a wide pane the opened return stands beside the list.
  split: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    alignItems: 'start',
    '@media (min-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)' },
  },
  side: { '@media (min-width: 640px)': { gridColumn: 2, gridRow: 1 } },
});

/**
 * Review (HQ and zone reviewers): a form and period's returns as a compact list narrowed by
 * status, warnings and zone; one opened into a sheet, its actions kept in view beside the
 * list; accepting every return without warnings after a confirmation naming them.
 */
export function ReviewTab({ review, periods, lang, now }: { review: ReviewController; periods: PeriodDefaults; lang: Lang; now: () => Date }) {
  // The forms of the year the pane works on (loaded from the API; the built-in ones until then).
  const defs = paneDefinitions.current();
  const s = usePaneStyles();
  const own = useStyles();
  const state = useReviewState(review);
  const { query, choose, setForm } = usePeriodQuery<ReviewQuery>(periods, now, () => ({
    query: state.query ?? defaultReviewQuery(defs.formById('bma-community-plan-return') ?? defs.forms[0], now()),
    chosen: state.query !== null,
  }));
  const [filter, setFilter] = React.useState<ReviewFilter>(NO_FILTER);
  const [confirming, setConfirming] = React.useState(false);
  const form = defs.formById(query.form) ?? defs.forms[0];
  const forms = defs.forms.map((f) => ({ value: f.id, label: lang === 'th' ? f.title_th : f.title_en }));
  const level = state.level ?? 'hq';
  const rows = filterReturns(state.list, filter, level);
  const clean = cleanToAccept(state.list, level);
  const o = state.opened;
  const openedKey = o ? `${o.key.orgUnit}|${o.key.subject ?? ''}` : null;
  const listed = o ? state.list.find((r) => `${r.orgUnit}|${r.subject ?? ''}` === openedKey) : undefined;
  return (
    <section className={s.column} aria-label={rt(lang, 'reviewTab')}>
      <Text className={s.intro}>{rt(lang, 'reviewIntro')}</Text>
      <TitleField label={t(lang, 'form')} value={query.form} choices={forms} onChange={(id) => setForm(defaultReviewQuery(defs.formById(id) ?? form, now()))} />
      <ChoiceField label={t(lang, 'fiscalYear')} value={query.fy} choices={fiscalYearChoices(now(), lang)} onChange={(fy) => choose({ fy })} />
      <ChoiceField label={t(lang, 'period')} value={query.period} choices={reviewPeriodChoices(form, lang)} onChange={(period) => choose({ period })} />
      <div className={s.row}>
        <Button appearance="primary" onClick={() => review.load(query)} disabled={state.busy}>
          {rt(lang, 'load')}
        </Button>
        {state.busy && <Spinner size="tiny" label={t(lang, 'working')} />}
      </div>
      <OutcomeBar outcome={state.outcome} lang={lang} />
      {state.query && state.list.length === 0 && <Text>{rt(lang, 'noReturns')}</Text>}
      {state.list.length > 0 && (
        <div className={own.split}>
          {o && (
            <div className={own.side}>
              <OpenedReturnPanel review={review} state={state} listed={listed} lang={lang} />
            </div>
          )}
          <div className={s.column}>
            <ReviewFilters list={state.list} filter={filter} onChange={setFilter} lang={lang} />
            <div className={s.row}>
              <Text className={s.grow}>
                {rt(lang, 'shown')} {rows.length} / {state.list.length}
                {lang === 'en' ? ` · ${rt(lang, 'timesBangkok')}` : ''}
              </Text>
              <Button onClick={() => setConfirming(true)} disabled={state.busy || clean.length === 0} title={clean.length === 0 ? rt(lang, 'noneToAccept') : undefined}>
                {rt(lang, 'acceptAllClean')} ({clean.length})
              </Button>
            </div>
            <ReviewRows rows={rows} openedKey={openedKey} onOpen={(r) => review.open(r)} disabled={state.busy} lang={lang} />
          </div>
        </div>
      )}
      <BulkAcceptDialog
        returns={clean}
        open={confirming}
        lang={lang}
        onCancel={() => setConfirming(false)}
        onAccept={() => {
          setConfirming(false);
          void review.acceptMany(clean);
        }}
      />
    </section>
  );
}
