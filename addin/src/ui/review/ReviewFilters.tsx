import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewedReturn } from '@returns-hub/shared/review/reviewSchemas';
import { REVIEW_WORKFLOW } from '@returns-hub/shared/review/reviewWorkflow';
import type { ReviewFilter } from '../../pane/reviewFilter';
import { zonesOf } from '../../pane/reviewFilter';
import { rt, statusText } from '../../pane/reviewText';
import { inLang, type Lang } from '../../text/bilingual';
import { ChoiceField } from '../ChoiceField';

const useStyles = makeStyles({
  // Two choices side by side in a task pane (their words fit), all three in a wider one.
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
});

/** The list narrowed by status (or "awaiting acceptance"), warnings, and zone. */
export function ReviewFilters({ list, filter, onChange, lang }: { list: readonly ReviewedReturn[]; filter: ReviewFilter; onChange: (f: ReviewFilter) => void; lang: Lang }) {
  const s = useStyles();
  const statuses = (Object.keys(REVIEW_WORKFLOW) as (keyof typeof REVIEW_WORKFLOW)[]).map((st) => ({ value: st, label: inLang(statusText(st), lang) }));
  const zones = zonesOf(list);
  return (
    <div className={s.row}>
      <ChoiceField
        label={rt(lang, 'filterStatus')}
        value={filter.status}
        choices={[{ value: 'all', label: rt(lang, 'allStatuses') }, { value: 'awaiting', label: rt(lang, 'awaiting') }, ...statuses]}
        onChange={(status) => onChange({ ...filter, status })}
      />
      <ChoiceField
        label={rt(lang, 'filterWarnings')}
        value={filter.warnings}
        choices={[
          { value: 'all', label: rt(lang, 'allWarnings') },
          { value: 'with', label: rt(lang, 'withWarnings') },
          { value: 'without', label: rt(lang, 'withoutWarnings') },
        ]}
        onChange={(warnings) => onChange({ ...filter, warnings })}
      />
      {zones.length > 1 && (
        <ChoiceField
          label={rt(lang, 'filterZone')}
          value={filter.zone}
          choices={[{ value: 'all', label: rt(lang, 'allZones') }, ...zones.map((z) => ({ value: z.code, label: lang === 'th' ? z.name_th : z.name_en }))]}
          onChange={(zone) => onChange({ ...filter, zone })}
        />
      )}
    </div>
  );
}
