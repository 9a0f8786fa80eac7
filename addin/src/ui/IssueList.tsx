import * as React from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';
import type { Lang } from '../text/bilingual';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'flex-start',
    alignItems: 'baseline',
    textAlign: 'left',
    width: '100%',
    minWidth: 0,
    height: 'auto',
    fontWeight: tokens.fontWeightRegular,
  },
  cell: { flexShrink: 0, fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  mark: { flexShrink: 0, width: '10px', height: '10px', borderRadius: '2px', alignSelf: 'center' },
});

const MARK: Record<string, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: 'transparent' };

/** Findings of one severity; a click selects the finding's cell in the sheet. */
export function IssueList({ title, issues, lang, onSelect }: { title: string; issues: readonly Issue[]; lang: Lang; onSelect?: (i: Issue) => void }) {
  const s = useStyles();
  if (issues.length === 0) return null;
  return (
    <section aria-label={title}>
      <Text weight="semibold" block>
        {title} ({issues.length})
      </Text>
      {issues.map((i, k) => (
        <Button key={k} appearance="subtle" className={s.item} onClick={() => onSelect?.(i)} data-cell={i.cell}>
          <span className={s.mark} style={{ backgroundColor: MARK[i.severity], border: i.severity === 'info' ? 'none' : '1px solid #999' }} />
          <span className={s.cell}>{splitSheetAddress(i.cell).cell || '—'}</span>
          <span>{lang === 'th' ? i.message_th : i.message_en}</span>
        </Button>
      ))}
    </section>
  );
}
