import * as React from 'react';
import { Button, Spinner, Text } from '@fluentui/react-components';
import { paneDefinitions } from '../definitions/paneDefinitions';
import type { PaneController, PaneState } from '../pane/paneController';
import { defaultPullQuery, fiscalYearChoices, groupingChoices, includeChoices, layoutChoices, layoutOf, periodChoices, queryForForm, queryWithLayout, type PullQuery } from '../pane/pullChoices';
import { t } from '../pane/i18n';
import { OutcomeBar } from './OutcomeBar';
import { ChoiceField } from './ChoiceField';
import { TitleField } from './TitleField';
import { TallySummaryCard } from './TallySummaryCard';
import { usePaneStyles } from './paneStyles';
import { usePeriodQuery } from './usePeriodQuery';

/** Totals: choose a form, year, period, report layout and grouping (only choices the form has), and pull them into a sheet. */
export function PullFlow({ pane, state, now }: { pane: PaneController; state: PaneState; now: () => Date }) {
  // The forms of the year the pane works on (loaded from the API; the built-in ones until then).
  const defs = paneDefinitions.current();
  const s = usePaneStyles();
  const { lang, pull } = state;
  const busy = state.busy !== null;
  // The year or period the clerk chose wins over the latest period with returns, when that arrives.
  const { query, choose, setForm, setQuery } = usePeriodQuery<PullQuery>(pane.periods, now, () => ({
    query: pull.last ?? defaultPullQuery(defs.forms.find((f) => f.id === 'bma-community-plan-return') ?? defs.forms[0], now()),
    chosen: pull.last !== undefined,
  }));
  const form = defs.formById(query.form) ?? defs.forms[0];
  const forms = defs.forms.map((f) => ({ value: f.id, label: lang === 'th' ? f.title_th : f.title_en }));
  return (
    <section className={s.column} aria-label={t(lang, 'pull')}>
      <Text className={s.intro}>{t(lang, 'pullIntro')}</Text>
      <TitleField label={t(lang, 'form')} value={query.form} choices={forms} onChange={(id) => setForm(queryForForm(query, defs.formById(id) ?? form, now()))} />
      <ChoiceField label={t(lang, 'fiscalYear')} value={query.fy} choices={fiscalYearChoices(now(), lang)} onChange={(fy) => choose({ fy })} />
      <ChoiceField label={t(lang, 'period')} value={query.period} choices={periodChoices(form, lang)} onChange={(period) => choose({ period })} />
      <TitleField label={t(lang, 'layout')} value={layoutOf(query)} choices={layoutChoices(form, lang)} onChange={(name) => setQuery(queryWithLayout(query, form, name))} />
      <ChoiceField label={t(lang, 'groupBy')} value={query.by} choices={groupingChoices(form, lang)} onChange={(by) => setQuery({ ...query, by })} />
      <ChoiceField label={t(lang, 'include')} value={query.include ?? 'all'} choices={includeChoices(lang)} onChange={(include) => setQuery({ ...query, include })} />
      <div className={s.row}>
        <Button appearance="primary" onClick={() => pane.pull(query)} disabled={busy}>
          {t(lang, 'pull')}
        </Button>
        {pull.last && (
          <Button onClick={() => pane.pull()} disabled={busy}>
            {t(lang, 'refresh')}
          </Button>
        )}
        {state.busy === 'pull' && <Spinner size="tiny" label={t(lang, 'working')} />}
      </div>
      <OutcomeBar outcome={pull.outcome} lang={lang} onRetry={() => pane.pull()} busy={busy} />
      {pull.status === 'done' && pull.summary && <TallySummaryCard summary={pull.summary} lang={lang} />}
    </section>
  );
}
