import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { ReturnGroup } from '../pane/returnText';
import { inLang, type Lang } from '../text/bilingual';
import { usePaneStyles } from './paneStyles';
import { someNames } from '../text/someNames';

/**
 * Returns found on the sheet, in words: the form, who reports (one unit, or the units of a
 * table of one row each), for which period, and what the return is about (a project's code
 * and name).
 */
export function ReturnCard({ group: g, lang }: { group: ReturnGroup; lang: Lang }) {
  const s = usePaneStyles();
  const unknown = lang === 'th' ? 'ไม่ทราบ' : 'not given';
  const units = g.units.map((u) => inLang(u, lang));
  return (
    <div className={s.card} data-testid="return-summary">
      <Text weight="semibold">{inLang(g.form, lang)}</Text>
      {g.about.map((a) => (
        <Text key={a.label.en}>
          {inLang(a.label, lang)}: {a.value}
        </Text>
      ))}
      <Text>
        {g.count > 1 ? (lang === 'th' ? `หน่วยงาน (${g.count})` : `Units (${g.count})`) : lang === 'th' ? 'หน่วยงาน' : 'Unit'}: {units.length ? someNames(units, lang, 6) : unknown}
      </Text>
      <Text>
        {lang === 'th' ? 'งวด' : 'Period'}: {g.period ? inLang(g.period, lang) : unknown}
      </Text>
    </div>
  );
}
