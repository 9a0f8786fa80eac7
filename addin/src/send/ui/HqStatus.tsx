import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';
import { STATUS_LABELS } from '@returns-hub/shared/review/statusLabels';
import { inLang, type Lang } from '../../text/bilingual';
import { st } from '../sendText';

/** A return's status at headquarters: the status in words, who decided and when, the reason of a send-back, the lock a new version meets. */
export function HqStatus({ view, lang }: { view: ReviewView; lang: Lang }) {
  return (
    <div data-testid="hq-status">
      <Text weight="semibold" block>
        {st(lang, 'statusTitle')}: {inLang(STATUS_LABELS[view.status], lang)}
        {view.version ? ` · ${st(lang, 'version')} ${view.version}` : ''}
      </Text>
      {view.decision && view.status !== 'submitted' && (
        <Text size={200} block>
          {view.decision.by} · {inLang(bangkokTime(view.decision.at), lang)}
        </Text>
      )}
      {view.reason && (
        <Text block>
          {st(lang, 'reasonFromHq')}: {view.reason}
        </Text>
      )}
      {view.lock && (
        <Text size={200} block>
          {lang === 'th' ? view.lock.detail_th : view.lock.detail}
        </Text>
      )}
    </div>
  );
}
