import * as React from 'react';
import { Badge, Text } from '@fluentui/react-components';
import type { Receipt } from '@returns-hub/shared/api/schemas';
import { describeReturn, fieldLabel } from '../pane/returnText';
import { t } from '../pane/i18n';
import { inLang, type Lang } from '../text/bilingual';
import { usePaneStyles } from './paneStyles';

/** When a receipt was stored, in Bangkok time (Thai: Buddhist Era). */
function when(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', { timeZone: 'Asia/Bangkok', dateStyle: 'medium', timeStyle: 'short' });
}

/** What headquarters stored: the return in words, its version and time, and what changed from the version before. */
export function ReceiptCard({ receipt: r, lang }: { receipt: Receipt; lang: Lang }) {
  const s = usePaneStyles();
  const d = describeReturn(r);
  return (
    <section className={s.card} data-testid="receipt">
      <div className={s.row}>
        <Badge appearance="filled" color="success">
          {t(lang, 'version')} {r.version}
        </Badge>
        <Text>{when(r.submittedAt, lang)}</Text>
      </div>
      <Text weight="semibold">{d.unit ? inLang(d.unit, lang) : r.orgUnit}</Text>
      <Text>
        {inLang(d.form, lang)}
        {d.period ? ` · ${inLang(d.period, lang)}` : ''}
      </Text>
      {r.changes.length > 0 && (
        <Text>
          {t(lang, 'changed')}: {r.changes.map((x) => inLang(fieldLabel(r.formId, x.field), lang)).join(', ')}
        </Text>
      )}
    </section>
  );
}
