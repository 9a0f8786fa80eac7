import * as React from 'react';
import { Button, Spinner, Text } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { paneDefinitions } from '../../definitions/paneDefinitions';
import { reportCsvRows } from '@returns-hub/shared/report/reportCsv';
import { toCsv } from '@returns-hub/shared/report/csv';
import { fiscalYearChoices, groupingChoices, layoutChoices, layoutOf, periodChoices, queryForForm, queryWithLayout } from '../../pane/pullChoices';
import { t } from '../../pane/i18n';
import { ChoiceField } from '../../ui/ChoiceField';
import { OutcomeBar } from '../../ui/OutcomeBar';
import { TitleField } from '../../ui/TitleField';
import { usePaneStyles } from '../../ui/paneStyles';
import type { TotalsController, TotalsState } from '../totalsController';
import { totalsRows } from '../totalsRows';
import { st } from '../sendText';
import { SheetView, type Mark, type SheetSource } from './SheetView';

const NO_MARKS = new Map<string, Mark>();

/** Saves the report's tables as a CSV file (UTF-8 with BOM: Excel and Calc open the Thai as it is). */
function download(name: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Totals on the page: a form, year, period, layout and grouping (only choices the form has,
 * as in the pane), the report sheet shown as headquarters prints it, and a CSV of its tables.
 */
export function Totals({ totals, state, markWords, now }: { totals: TotalsController; state: TotalsState; markWords: Record<Mark, string>; now: () => Date }) {
  const p = usePaneStyles();
  const { lang, query } = state;
  const year = paneDefinitions.forYear(query.fy);
  const form = year.formById(query.form) ?? year.forms[0];
  const forms = year.forms.map((f) => ({ value: f.id, label: lang === 'th' ? f.title_th : f.title_en }));
  const sheet = state.sheet;
  const source = React.useMemo((): SheetSource | null => {
    if (!sheet) return null;
    const { rows, widths } = totalsRows(sheet);
    return { key: `totals-${sheet.name}-${rows.length}`, rows: rows.length, columns: widths.length, widths, fetch: async (from, count) => rows.slice(from, from + count) };
  }, [sheet]);
  return (
    <section className={p.column} aria-labelledby="totals-title" data-testid="totals">
      <Text as="h2" size={500} weight="semibold" id="totals-title">
        {st(lang, 'totalsTitle')}
      </Text>
      <Text className={p.intro}>{st(lang, 'totalsIntro')}</Text>
      <div className={p.row}>
        <div className={p.grow}>
          <TitleField label={t(lang, 'form')} value={query.form} choices={forms} onChange={(id) => totals.choose(queryForForm(query, year.formById(id) ?? form, now()))} />
        </div>
      </div>
      <div className={p.row}>
        <div className={p.grow}>
          <ChoiceField label={t(lang, 'fiscalYear')} value={query.fy} choices={fiscalYearChoices(now(), lang)} onChange={(fy) => totals.choose({ ...query, fy })} />
        </div>
        <div className={p.grow}>
          <ChoiceField label={t(lang, 'period')} value={query.period} choices={periodChoices(form, lang)} onChange={(period) => totals.choose({ ...query, period })} />
        </div>
        <div className={p.grow}>
          <ChoiceField label={t(lang, 'groupBy')} value={query.by} choices={groupingChoices(form, lang)} onChange={(by) => totals.choose({ ...query, by })} />
        </div>
      </div>
      <TitleField label={t(lang, 'layout')} value={layoutOf(query)} choices={layoutChoices(form, lang)} onChange={(name) => totals.choose(queryWithLayout(query, form, name))} />
      <div className={p.row}>
        <Button appearance="primary" onClick={() => void totals.load()} disabled={state.status === 'loading'}>
          {st(lang, 'showTotals')}
        </Button>
        {sheet && (
          <Button icon={<ArrowDownload20Regular />} onClick={() => download(sheet.name, toCsv(reportCsvRows(sheet)))}>
            {st(lang, 'downloadCsv')}
          </Button>
        )}
        {state.status === 'loading' && <Spinner size="tiny" label={st(lang, 'loading')} />}
      </div>
      <OutcomeBar outcome={state.outcome} lang={lang} onRetry={() => void totals.load()} />
      {sheet && source && <SheetView source={source} marks={NO_MARKS} markWords={markWords} focus={null} label={`${st(lang, 'totalsTitle')}: ${sheet.name}`} />}
    </section>
  );
}
