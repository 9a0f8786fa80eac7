import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { ReviewController } from '../pane/reviewController';
import { MARK_COLOURS } from '../excel/openStoredReturn';
import { hqStatusText } from '../pane/hqStatusText';
import { rt } from '../pane/reviewText';
import { inLang, type Lang } from '../text/bilingual';
import { useReviewState } from './useReviewState';
import { OutcomeBar } from './OutcomeBar';
import { FindingRow } from './FindingRow';

const INTENT = { success: 'success', info: 'info', warning: 'warning', error: 'error' } as const;

/**
 * The sheet's returns at headquarters, as the unit reads them on the first screen and on
 * Send: sent back (why, by whom, when, the reviewer's comments: a click selects the cell),
 * accepted (and that a new version cannot replace it), awaiting review. Said once each.
 */
export function HqStatus({ review, lang }: { review: ReviewController; lang: Lang }) {
  const { district } = useReviewState(review);
  if (district.status === 'failed') return <OutcomeBar outcome={district.outcome} lang={lang} />;
  return (
    <>
      {district.returns.map((v, k) => {
        const text = hqStatusText(v);
        if (!text) return null;
        return (
          <MessageBar key={k} intent={INTENT[text.tone]} layout="multiline" data-testid="hq-status" aria-label={rt(lang, 'statusTitle')}>
            <MessageBarBody>
              <MessageBarTitle>{inLang(text.headline, lang)}</MessageBarTitle>
              {text.lines.map((l, i) => (
                <div key={i}>{inLang(l, lang)}</div>
              ))}
              {text.lock && <div data-testid="hq-lock">{inLang(text.lock, lang)}</div>}
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
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </>
  );
}
