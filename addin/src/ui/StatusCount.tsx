import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Status } from '@returns-hub/shared/consolidate/tally';
import { STATUS_WORDS } from '../pane/tallySummary';
import { inLang, type Lang } from '../text/bilingual';

const useStyles = makeStyles({
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
  },
});

/** A traffic light in words with its colour: `เขียว 3`. */
export function StatusCount({ status, count, lang }: { status: Status; count: number; lang: Lang }) {
  const s = useStyles();
  const w = STATUS_WORDS[status];
  return (
    <span className={s.chip} style={{ backgroundColor: w.color }} data-status={status}>
      {inLang(w, lang)} {count}
    </span>
  );
}
