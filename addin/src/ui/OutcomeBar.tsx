import * as React from 'react';
import { Button, MessageBarActions } from '@fluentui/react-components';
import { NoticeBar } from './NoticeBar';
import type { Outcome } from '../pane/paneController';
import { inLang, type Lang } from '../text/bilingual';
import { t } from '../pane/i18n';

const INTENT = { success: 'success', info: 'info', warning: 'warning', error: 'error' } as const;

/** What a step ended with, in the clerk's language, with Retry where trying again helps. */
export function OutcomeBar({ outcome, lang, onRetry, busy }: { outcome?: Outcome; lang: Lang; onRetry?: () => void; busy?: boolean }) {
  if (!outcome) return null;
  return (
    <NoticeBar
      intent={INTENT[outcome.tone]}
      layout="multiline"
      role={outcome.tone === 'error' ? 'alert' : 'status'}
      actions={
        outcome.retry &&
        onRetry && (
          <MessageBarActions>
            <Button size="small" onClick={onRetry} disabled={busy}>
              {t(lang, 'retry')}
            </Button>
          </MessageBarActions>
        )
      }
    >
      {inLang(outcome.text, lang)}
    </NoticeBar>
  );
}
