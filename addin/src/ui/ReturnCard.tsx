import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { ReturnText } from '../pane/returnText';
import { inLang, type Lang } from '../text/bilingual';
import { usePaneStyles } from './paneStyles';

/** A return found on the sheet, in words: the form, who reports, for which period. */
export function ReturnCard({ ret, lang }: { ret: ReturnText; lang: Lang }) {
  const s = usePaneStyles();
  const unknown = lang === 'th' ? 'ไม่ทราบ' : 'not given';
  return (
    <div className={s.card} data-testid="return-summary">
      <Text weight="semibold">{inLang(ret.form, lang)}</Text>
      <Text>
        {lang === 'th' ? 'หน่วยงาน' : 'Unit'}: {ret.unit ? inLang(ret.unit, lang) : unknown}
      </Text>
      <Text>
        {lang === 'th' ? 'งวด' : 'Period'}: {ret.period ? inLang(ret.period, lang) : unknown}
      </Text>
    </div>
  );
}
