import * as React from 'react';
import { Tab, TabList } from '@fluentui/react-tabs';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { CheckmarkCircle20Regular, DocumentAdd20Regular, DocumentCheckmark20Regular, Send20Regular, TableSimple20Regular } from '@fluentui/react-icons';
import { rt } from '../pane/reviewText';
import { t, type Lang } from '../pane/i18n';

export type FlowTab = 'check' | 'send' | 'pull' | 'blank' | 'review';

const useStyles = makeStyles({
  // Two by two: four tabs side by side do not fit 320 px in Thai.
  grid: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  tab: { justifyContent: 'flex-start', minWidth: 0 },
});

/** The four flows as tabs: check and send numbered as the two steps of a return, totals and blank form beside them. */
export function FlowTabs({ lang, value, onChange, review = false }: { lang: Lang; value: FlowTab; onChange: (t: FlowTab) => void; review?: boolean }) {
  const s = useStyles();
  const tabs: [FlowTab, React.ReactElement, string][] = [
    ['check', <CheckmarkCircle20Regular key="i" />, t(lang, 'checkTab')],
    ['send', <Send20Regular key="i" />, t(lang, 'sendTab')],
    ['pull', <TableSimple20Regular key="i" />, t(lang, 'pullTab')],
    ['blank', <DocumentAdd20Regular key="i" />, t(lang, 'blankTab')],
  ];
  if (review) tabs.push(['review', <DocumentCheckmark20Regular key="i" />, rt(lang, 'reviewTab')]); // for HQ and zone reviewers
  return (
    <TabList className={s.grid} selectedValue={value} onTabSelect={(_e, d) => onChange(d.value as FlowTab)} size="medium">
      {tabs.map(([id, icon, label]) => (
        <Tab key={id} value={id} icon={icon} className={s.tab}>
          {label}
        </Tab>
      ))}
    </TabList>
  );
}
