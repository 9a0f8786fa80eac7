import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { TallySummary } from '../pane/tallySummary';
import { t } from '../pane/i18n';
import { inLang, type Lang } from '../text/bilingual';
import { StatusCount } from './StatusCount';
import { usePaneStyles } from './paneStyles';
import { someNames } from '../text/someNames';

/** What the pulled totals cover, how many units have sent, and the indicators' traffic lights. */
export function TallySummaryCard({ summary: m, lang }: { summary: TallySummary; lang: Lang }) {
  const s = usePaneStyles();
  const lights = (['green', 'yellow', 'red'] as const).filter((k) => m.statuses[k] > 0);
  return (
    <section className={s.card} data-testid="tally-summary">
      <Text weight="semibold">{inLang(m.form, lang)}</Text>
      <Text>
        {m.period ? inLang(m.period, lang) : ''} · {inLang(m.grouping, lang)}
      </Text>
      <Text>
        {t(lang, 'include')}: {inLang(m.include, lang)}
      </Text>
      {m.received !== null && m.expected !== null && (
        <Text>
          {t(lang, 'received')}: {m.received} / {m.expected}
        </Text>
      )}
      {m.missing.length > 0 && (
        <Text>
          {t(lang, 'missing')}:{' '}
          {someNames(
            m.missing.map((u) => inLang(u, lang)),
            lang,
          )}
        </Text>
      )}
      {lights.length > 0 && (
        <div className={s.row} aria-label={t(lang, 'status')}>
          <Text>{t(lang, 'status')}:</Text>
          {lights.map((k) => (
            <StatusCount key={k} status={k} count={m.statuses[k]} lang={lang} />
          ))}
        </div>
      )}
    </section>
  );
}
