import * as React from 'react';
import { Button, ProgressBar, Spinner, Text } from '@fluentui/react-components';
import type { CheckProgress, PaneController, PaneState } from '../pane/paneController';
import { groupReturns } from '../pane/returnText';
import { t } from '../pane/i18n';
import type { Lang } from '../text/bilingual';
import { OutcomeBar } from './OutcomeBar';
import { NoteList } from './NoteList';
import { ReturnCard } from './ReturnCard';
import { FindingsList } from './findings/FindingsList';
import { usePaneStyles } from './paneStyles';
import { HqStatus } from './HqStatus';
import type { ReviewController } from '../pane/reviewController';
import { groupDigits } from '../text/digits';

const n = groupDigits;

/** How far a check has got, in words: rows read of rows, then checking. */
function progressText(p: CheckProgress, lang: Lang): string {
  if (p.phase === 'checking') return lang === 'th' ? `อ่านครบ ${n(p.rows)} แถวแล้ว กำลังตรวจ…` : `All ${n(p.rows)} rows read; checking…`;
  return lang === 'th' ? `กำลังอ่านชีต… ${n(p.rowsRead)} จาก ${n(p.rows)} แถว` : `Reading the sheet… ${n(p.rowsRead)} of ${n(p.rows)} rows`;
}

/** Step 1: check the open sheet; findings grouped by kind, coloured in the sheet. */
export function CheckFlow({ pane, state, review }: { pane: PaneController; state: PaneState; review: ReviewController }) {
  const s = usePaneStyles();
  const { lang, check: c } = state;
  const busy = state.busy !== null;
  const p = state.busy === 'check' ? c.progress : undefined;
  return (
    <section className={s.column} aria-label={t(lang, 'check')}>
      {c.status === 'idle' ? (
        <Text size={400} weight="semibold">
          {t(lang, 'firstStep')}
        </Text>
      ) : (
        <Text className={s.intro}>{t(lang, 'checkIntro')}</Text>
      )}
      <HqStatus review={review} lang={lang} />
      <div className={s.row}>
        <Button appearance="primary" onClick={() => pane.check()} disabled={busy}>
          {t(lang, 'check')}
        </Button>
        {c.highlighted.length > 0 && (
          <Button onClick={() => pane.clearHighlights()} disabled={busy}>
            {t(lang, 'clearHighlights')}
          </Button>
        )}
        {state.busy === 'check' && !p && <Spinner size="tiny" label={t(lang, 'working')} />}
      </div>
      {p && (
        <div className={s.column} role="status" data-testid="check-progress">
          <Text>{progressText(p, lang)}</Text>
          <ProgressBar value={p.phase === 'reading' && p.rows ? p.rowsRead / p.rows : undefined} thickness="large" />
        </div>
      )}
      <OutcomeBar outcome={c.outcome} lang={lang} onRetry={() => pane.check()} busy={busy} />
      <OutcomeBar outcome={c.actionProblem} lang={lang} />
      <NoteList notes={c.notes} lang={lang} />
      {groupReturns(c.returns).map((g, k) => (
        <ReturnCard key={k} group={g} lang={lang} />
      ))}
      <div className={s.column} data-testid="findings" data-check-ms={c.checkMs?.toFixed(0)}>
        <FindingsList groups={c.groups} issues={c.all} lang={lang} onSelect={(i) => pane.selectIssue(i)} />
      </div>
    </section>
  );
}
