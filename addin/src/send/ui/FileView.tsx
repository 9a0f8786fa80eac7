import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';
import type { Lang } from '../../text/bilingual';
import { usePaneStyles } from '../../ui/paneStyles';
import { NoticeBar } from '../../ui/NoticeBar';
import type { FileChecker } from '../files/fileChecker';
import { returnKey, type FileEntry, type SendPageState, type View } from '../sendController';
import { st } from '../sendText';
import { FindingList, type CellComment } from './FindingList';
import { SheetView, type Mark, type SheetSource } from './SheetView';

/** Each cell's mark on one sheet: errors win, then a reviewer's comment, then warnings. */
function marksOf(sheet: string, issues: readonly Issue[], comments: readonly CellComment[]): Map<string, Mark> {
  const rank: Record<Mark, number> = { error: 3, comment: 2, warning: 1 };
  const out = new Map<string, Mark>();
  const put = (address: string, m: Mark) => {
    const { sheet: s, cell } = splitSheetAddress(address);
    if (s !== sheet || !cell) return;
    const had = out.get(cell);
    if (!had || rank[m] > rank[had]) out.set(cell, m);
  };
  for (const i of issues) if (i.severity === 'error' || i.severity === 'warning') put(i.cell, i.severity);
  for (const c of comments) put(c.cell, 'comment');
  return out;
}

/**
 * The file being looked at: what the check found (and the reviewer's comments), and the sheet
 * itself, read-only, with those cells coloured; a finding pressed shows its cell.
 */
export function FileView({
  file,
  view,
  state,
  checker,
  markWords,
  onShow,
  onGo,
}: {
  file: FileEntry;
  view: View;
  state: SendPageState;
  checker: FileChecker;
  markWords: Record<Mark, string>;
  onShow: (sheet: number) => void;
  onGo: (sheet: string, cell: string) => void;
}) {
  const p = usePaneStyles();
  const lang: Lang = state.lang;
  const sheets = file.reading?.sheets ?? [];
  const sheet = sheets[view.sheet];
  const issues = sheets.flatMap((s) => s.issues);
  const comments: CellComment[] = sheets.flatMap((s) => s.returns.flatMap((r) => state.hq[returnKey(r)]?.comments ?? []));
  const source = React.useMemo((): SheetSource | null => {
    if (!sheet) return null;
    return { key: `${file.id}/${view.sheet}`, rows: sheet.rows, columns: sheet.columns, widths: sheet.widths, fetch: (from, count) => checker.rows(file.id, view.sheet, from, count) };
  }, [file.id, view.sheet, sheet, checker]);
  const marks = React.useMemo(() => (sheet ? marksOf(sheet.sheet, sheet.issues, comments) : new Map<string, Mark>()), [sheet, comments]);
  const clean = issues.filter((i) => i.severity !== 'info').length === 0 && comments.length === 0;
  return (
    <>
      <section className={p.column} aria-labelledby="findings-title">
        <Text as="h2" size={500} weight="semibold" id="findings-title">
          {st(lang, 'findingsTitle')}: {file.name}
        </Text>
        {clean ? <NoticeBar intent="success">{st(lang, 'noFindings')}</NoticeBar> : <Text className={p.intro}>{st(lang, 'findingsHelp')}</Text>}
        <FindingList issues={issues} comments={comments} lang={lang} onGo={onGo} />
      </section>
      {sheet && source && (
        <section className={p.column} aria-labelledby="sheet-title">
          <Text as="h2" size={500} weight="semibold" id="sheet-title">
            {st(lang, 'sheetTitle')} “{sheet.sheet}”
          </Text>
          {sheets.length > 1 && (
            <div className={p.row} role="group" aria-label={st(lang, 'sheetTitle')}>
              {sheets.map((s, i) => (
                <Button key={i} size="small" appearance={i === view.sheet ? 'primary' : 'secondary'} aria-pressed={i === view.sheet} onClick={() => onShow(i)}>
                  {s.sheet}
                  {s.returns.length === 0 ? ` ${st(lang, 'sheetNoForm')}` : ''}
                </Button>
              ))}
            </div>
          )}
          <Text size={200} className={p.intro}>
            {st(lang, 'sheetHelp')}
            {sheet.allColumns > sheet.columns
              ? lang === 'th'
                ? ` แสดง ${sheet.columns} คอลัมน์แรกจาก ${sheet.allColumns}`
                : ` The first ${sheet.columns} of ${sheet.allColumns} columns are shown.`
              : ''}
          </Text>
          <SheetView source={source} marks={marks} markWords={markWords} focus={view.focus} label={`${st(lang, 'sheetTitle')} ${sheet.sheet}, ${file.name}`} />
        </section>
      )}
    </>
  );
}
