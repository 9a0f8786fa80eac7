import * as React from 'react';
import { Badge } from '@fluentui/react-components';
import type { ReviewStatus } from '@returns-hub/shared/review/reviewSchemas';
import { statusText } from '../../pane/reviewText';
import { inLang, type Lang } from '../../text/bilingual';

const BADGE: Record<ReviewStatus, 'informative' | 'warning' | 'success' | 'brand'> = {
  submitted: 'informative',
  reopened: 'informative',
  returned: 'warning',
  zone_accepted: 'brand',
  accepted: 'success',
};

/** A return's status at headquarters, in words, coloured by how far it has come. */
export function StatusBadge({ status, lang }: { status: ReviewStatus; lang: Lang }) {
  return (
    <Badge appearance="tint" color={BADGE[status]}>
      {inLang(statusText(status), lang)}
    </Badge>
  );
}
