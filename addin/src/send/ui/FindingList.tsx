import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { Issue, Severity } from '@returns-hub/shared/issues/issue';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';
import { FindingRow } from '../../ui/FindingRow';
import type { Lang } from '../../text/bilingual';
import { st, type SendTextKey } from '../sendText';
import { MARK_FILL } from './SheetView';

/** Findings listed at first per kind; the rest a press away (a register can have thousands). */
const FIRST = 50;
const MORE = 200;

const TITLE: Record<Severity, SendTextKey> = { error: 'errors', warning: 'warnings', info: 'notes' };
const COLOUR: Record<Severity, string | null> = { error: MARK_FILL.error, warning: MARK_FILL.warning, info: null };

/** A reviewer's comment, at the unit's own cell. */
export interface CellComment {
  cell: string;
  text: string;
}

function Group({ title, count, children, shown, onMore, lang }: { title: string; count: number; children: React.ReactNode; shown: number; onMore: () => void; lang: Lang }) {
  if (count === 0) return null;
  return (
    <section aria-label={title}>
      <Text weight="semibold" block as="h3">
        {title} ({count.toLocaleString('en-US')})
      </Text>
      {children}
      {count > shown && (
        <Button appearance="transparent" onClick={onMore}>
          {st(lang, 'showMore')} ({(count - shown).toLocaleString('en-US')})
        </Button>
      )}
    </section>
  );
}

/**
 * What the check found in a file, errors first, and the reviewer's comments: each names its
 * cell; pressing it shows that cell in the sheet.
 */
export function FindingList({ issues, comments, lang, onGo }: { issues: readonly Issue[]; comments: readonly CellComment[]; lang: Lang; onGo: (sheet: string, cell: string) => void }) {
  const [shown, setShown] = React.useState<Record<string, number>>({});
  const cellIssues = issues.filter((i) => i.cell.includes('!') || /^[A-Z]{1,3}\d+$/.test(i.cell));
  const groups = (['error', 'warning', 'info'] as const).map((sev) => ({ sev, items: cellIssues.filter((i) => i.severity === sev) }));
  const limit = (k: string) => shown[k] ?? FIRST;
  const more = (k: string) => () => setShown({ ...shown, [k]: limit(k) + MORE });
  const go = (address: string) => {
    const { sheet, cell } = splitSheetAddress(address);
    onGo(sheet, cell);
  };
  return (
    <>
      {groups.map(({ sev, items }) => (
        <Group key={sev} title={st(lang, TITLE[sev])} count={items.length} shown={limit(sev)} onMore={more(sev)} lang={lang}>
          {items.slice(0, limit(sev)).map((i, k) => (
            <FindingRow key={k} cell={i.cell} text={lang === 'th' ? i.message_th : i.message_en} colour={COLOUR[sev]} onSelect={() => go(i.cell)} />
          ))}
        </Group>
      ))}
      <Group title={st(lang, 'comments')} count={comments.length} shown={limit('comment')} onMore={more('comment')} lang={lang}>
        {comments.slice(0, limit('comment')).map((c, k) => (
          <FindingRow key={k} cell={c.cell} text={c.text} colour={MARK_FILL.comment} onSelect={() => go(c.cell)} />
        ))}
      </Group>
    </>
  );
}
