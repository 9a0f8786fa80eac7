import * as React from 'react';
import { Button, Spinner, Text } from '@fluentui/react-components';
import type { PaneController, PaneState } from '../pane/paneController';
import { t } from '../pane/i18n';
import { OutcomeBar } from './OutcomeBar';
import { NoteList } from './NoteList';
import { IssueList } from './IssueList';
import { ReturnCard } from './ReturnCard';
import { usePaneStyles } from './paneStyles';

/** Step 1: check the open sheet; findings listed by severity, coloured in the sheet. */
export function CheckFlow({ pane, state }: { pane: PaneController; state: PaneState }) {
  const s = usePaneStyles();
  const { lang, check: c } = state;
  const busy = state.busy !== null;
  return (
    <section className={s.column} aria-label={t(lang, 'check')}>
      {c.status === 'idle' ? (
        <Text size={400} weight="semibold">
          {t(lang, 'firstStep')}
        </Text>
      ) : (
        <Text className={s.intro}>{t(lang, 'checkIntro')}</Text>
      )}
      <div className={s.row}>
        <Button appearance="primary" onClick={() => pane.check()} disabled={busy}>
          {t(lang, 'check')}
        </Button>
        {c.highlighted.length > 0 && (
          <Button onClick={() => pane.clearHighlights()} disabled={busy}>
            {t(lang, 'clearHighlights')}
          </Button>
        )}
        {state.busy === 'check' && <Spinner size="tiny" label={t(lang, 'working')} />}
      </div>
      <OutcomeBar outcome={c.outcome} lang={lang} onRetry={() => pane.check()} busy={busy} />
      <OutcomeBar outcome={c.actionProblem} lang={lang} />
      <NoteList notes={c.notes} lang={lang} />
      {c.returns.map((r, k) => (
        <ReturnCard key={k} ret={r} lang={lang} />
      ))}
      <IssueList title={t(lang, 'errors')} issues={c.issues.error} lang={lang} onSelect={(i) => pane.selectIssue(i)} />
      <IssueList title={t(lang, 'warnings')} issues={c.issues.warning} lang={lang} onSelect={(i) => pane.selectIssue(i)} />
      <IssueList title={t(lang, 'notes')} issues={c.issues.info} lang={lang} onSelect={(i) => pane.selectIssue(i)} />
    </section>
  );
}
