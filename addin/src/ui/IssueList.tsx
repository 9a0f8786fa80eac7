import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { Issue } from '@returns-hub/shared/issues/issue';
import type { Lang } from '../text/bilingual';
import { FindingRow } from './FindingRow';

const MARK: Record<Issue['severity'], string | null> = { error: '#FFC7CE', warning: '#FFEB9C', info: null };

/** Findings of one severity; a click selects the finding's cell in the sheet. */
export function IssueList({ title, issues, lang, onSelect }: { title: string; issues: readonly Issue[]; lang: Lang; onSelect?: (i: Issue) => void }) {
  if (issues.length === 0) return null;
  return (
    <section aria-label={title}>
      <Text weight="semibold" block>
        {title} ({issues.length})
      </Text>
      {issues.map((i, k) => (
        <FindingRow key={k} cell={i.cell} text={lang === 'th' ? i.message_th : i.message_en} colour={MARK[i.severity]} onSelect={onSelect && (() => onSelect(i))} />
      ))}
    </section>
  );
}
