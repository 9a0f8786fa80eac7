import * as React from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import type { Issue, Severity } from '@returns-hub/shared/issues/issue';
import type { FindingGroup } from '../../check/findingGroups';
import type { Lang } from '../../text/bilingual';
import { FindingRow } from '../FindingRow';
import { VirtualList } from './VirtualList';
import { groupDigits } from '../../text/digits';

/** The colours the findings have in the sheet (none for notes). */
export const SEVERITY_MARK: Record<Severity, string | null> = { error: '#FFC7CE', warning: '#FFEB9C', info: null };

/** A group of this many findings or fewer is listed cell by cell; a larger one is one line, opened on demand. */
const LIST_UP_TO = 3;
/** Row height of an opened group's list: two lines of text. */
const ROW_HEIGHT = 48;

const TITLES: Record<Severity, [string, string]> = { error: ['ข้อผิดพลาด', 'Errors'], warning: ['คำเตือน', 'Warnings'], info: ['หมายเหตุ', 'Notes'] };

const useStyles = makeStyles({
  head: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    minWidth: 0,
    height: 'auto',
    fontWeight: tokens.fontWeightRegular,
  },
  headText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  where: { fontWeight: tokens.fontWeightSemibold },
  mark: { flexShrink: 0, width: '10px', height: '10px', borderRadius: '2px', marginTop: '5px', border: '1px solid #999' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const n = groupDigits;

/** `E9–E60008 · 60,000 รายการ`: where a group's findings are and how many. */
function groupWhere(g: FindingGroup, lang: Lang): string {
  const span = g.column ? (g.first === g.last ? g.first : `${g.first}–${g.last}`) : '';
  const count = lang === 'th' ? `${n(g.count)} รายการ` : `${n(g.count)} findings`;
  return span ? `${span} · ${count}` : count;
}

/** One group of many findings: a line saying where, how many and what, opened into the list of its cells. */
function GroupLines({ group: g, issues, lang, onSelect }: { group: FindingGroup; issues: readonly Issue[]; lang: Lang; onSelect?: (i: Issue) => void }) {
  const s = useStyles();
  const [open, setOpen] = React.useState(false);
  const mark = SEVERITY_MARK[g.severity];
  const text = lang === 'th' ? g.th : g.en;
  return (
    <div className={s.group} data-group={`${g.code}|${g.column}`}>
      <Button appearance="subtle" className={s.head} aria-expanded={open} onClick={() => setOpen(!open)} icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}>
        <span className={s.headText}>
          <span className={s.where}>
            {mark && <span className={s.mark} style={{ backgroundColor: mark, display: 'inline-block', marginRight: 6 }} />}
            {groupWhere(g, lang)}
          </span>
          <span>{g.alike ? text : `${lang === 'th' ? 'เช่น' : 'e.g.'} ${text}`}</span>
        </span>
      </Button>
      {open && (
        <VirtualList
          count={g.count}
          rowHeight={ROW_HEIGHT}
          visibleRows={8}
          label={groupWhere(g, lang)}
          renderRow={(k, tabIndex) => {
            const i = issues[g.items[k]];
            return <FindingRow cell={i.cell} text={lang === 'th' ? i.message_th : i.message_en} colour={mark} onSelect={onSelect && (() => onSelect(i))} tabIndex={tabIndex} lines={2} />;
          }}
        />
      )}
    </div>
  );
}

/**
 * A check's findings, by severity: each kind of finding in a column is one group ("E9–E60008
 * · 60,000 findings", what they say), opened into a list drawn a window at a time; groups of
 * a few are listed cell by cell. A click on a finding selects its cell. For the pane and for
 * any page that checks sheets.
 */
export function FindingsList({ groups, issues, lang, onSelect }: { groups: readonly FindingGroup[]; issues: readonly Issue[]; lang: Lang; onSelect?: (i: Issue) => void }) {
  return (
    <>
      {(['error', 'warning', 'info'] as const).map((severity) => {
        const mine = groups.filter((g) => g.severity === severity);
        const total = mine.reduce((k, g) => k + g.count, 0);
        if (!total) return null;
        const title = TITLES[severity][lang === 'th' ? 0 : 1];
        return (
          <section key={severity} aria-label={title}>
            <Text weight="semibold" block>
              {title} ({n(total)})
            </Text>
            {mine.map((g) =>
              g.count <= LIST_UP_TO ? (
                <React.Fragment key={`${g.code}|${g.column}`}>
                  {g.items.map((k) => {
                    const i = issues[k];
                    return <FindingRow key={k} cell={i.cell} text={lang === 'th' ? i.message_th : i.message_en} colour={SEVERITY_MARK[severity]} onSelect={onSelect && (() => onSelect(i))} />;
                  })}
                </React.Fragment>
              ) : (
                <GroupLines key={`${g.code}|${g.column}`} group={g} issues={issues} lang={lang} onSelect={onSelect} />
              ),
            )}
          </section>
        );
      })}
    </>
  );
}
