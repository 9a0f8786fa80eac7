import * as React from 'react';
import { Text } from '@fluentui/react-components';
import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';
import type { FoundReturn } from '../check/sheetCheck';
import type { ReviewController } from '../pane/reviewController';
import { MARK_COLOURS } from '../excel/openStoredReturn';
import { rt, statusText } from '../pane/reviewText';
import { t } from '../pane/i18n';
import { inLang, type Lang } from '../text/bilingual';
import { useReviewState } from './useReviewState';
import { OutcomeBar } from './OutcomeBar';
import { usePaneStyles } from './paneStyles';
import { FindingRow } from './FindingRow';

/**
 * On the Send tab, for the sheet last checked: each return's status at headquarters, who
 * decided and when, the reason, and the reviewer's comments as findings of their own kind
 * (coloured blue in the sheet; a click selects the cell). Loaded after each check and send.
 */
export function ReviewStatusCard({ review, lang, sheetId, found, sent }: { review: ReviewController; lang: Lang; sheetId?: string; found: readonly FoundReturn[]; sent: number }) {
  const s = usePaneStyles();
  const { district } = useReviewState(review);
  React.useEffect(() => {
    if (sheetId) void review.loadDistrict(sheetId, found);
  }, [review, sheetId, found, sent]);
  if (district.status === 'failed') return <OutcomeBar outcome={district.outcome} lang={lang} />;
  return (
    <>
      {district.returns.map((v, k) => (
        <section key={k} className={s.card} data-testid="hq-status" aria-label={rt(lang, 'statusTitle')}>
          <Text weight="semibold">
            {rt(lang, 'statusTitle')}: {inLang(statusText(v.status), lang)}
            {v.version ? ` · ${t(lang, 'version')} ${v.version}` : ''}
          </Text>
          {v.decision && (
            <Text size={200}>
              {v.decision.by} · {inLang(bangkokTime(v.decision.at), lang)}
            </Text>
          )}
          {v.reason && (
            <Text>
              {rt(lang, 'reasonFromHq')}: {v.reason}
            </Text>
          )}
          {v.lock && <Text size={200}>{lang === 'th' ? v.lock.detail_th : v.lock.detail}</Text>}
          {v.comments.length > 0 && (
            <section aria-label={rt(lang, 'comments')}>
              <Text weight="semibold" block>
                {rt(lang, 'comments')} ({v.comments.length})
              </Text>
              {v.comments.map((cm, i) => (
                <FindingRow key={i} cell={cm.cell} text={cm.text} colour={MARK_COLOURS.comment} onSelect={() => review.selectComment(cm.cell)} />
              ))}
            </section>
          )}
        </section>
      ))}
    </>
  );
}
