import * as React from 'react';
import { Button, Spinner, Text } from '@fluentui/react-components';
import type { PaneController, PaneState } from '../pane/paneController';
import { t } from '../pane/i18n';
import { OutcomeBar } from './OutcomeBar';
import { IssueList } from './IssueList';
import { ReceiptCard } from './ReceiptCard';
import { usePaneStyles } from './paneStyles';
import type { ReviewController } from '../pane/reviewController';
import { HqStatus } from './HqStatus';
import { useReviewState } from './useReviewState';

/** Step 2: send the checked sheet, read again at the moment of sending. */
export function SendFlow({ pane, state, review }: { pane: PaneController; state: PaneState; review: ReviewController }) {
  const s = usePaneStyles();
  const { lang, send } = state;
  const busy = state.busy !== null;
  // Every return of the sheet is locked at headquarters (accepted, or its period closed): a new version would be refused.
  const { district } = useReviewState(review);
  const locked = district.sheetId === state.check.sheetId && district.returns.length > 0 && district.returns.every((v) => v.lock !== null);
  const label = send.status === 'changed' ? 'sendCurrent' : send.status === 'offline' || send.status === 'failed' ? 'retry' : 'send';
  return (
    <section className={s.column} aria-label={t(lang, 'send')}>
      <Text className={s.intro}>{t(lang, 'sendIntro')}</Text>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => pane.send()} disabled={busy || locked}>
          {t(lang, label)}
        </Button>
        {state.busy === 'send' && <Spinner size="tiny" label={t(lang, 'working')} />}
      </div>
      <OutcomeBar outcome={send.outcome} lang={lang} />
      <IssueList title={t(lang, 'errors')} issues={send.problemIssues} lang={lang} />
      {send.receipts.map((r, k) => (
        <ReceiptCard key={k} receipt={r} lang={lang} />
      ))}
      <HqStatus review={review} lang={lang} />
    </section>
  );
}
