import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { Lang } from '../../text/bilingual';
import { inLang } from '../../text/bilingual';
import { usePaneStyles } from '../../ui/paneStyles';
import { FindingRow } from '../../ui/FindingRow';
import type { StoredShown } from '../myReturnsController';
import { shownRow } from '../files/shownText';
import { st } from '../sendText';
import { MARK_FILL, SheetView, type Mark, type SheetSource } from './SheetView';

/** The layout's row that says whose return it is (reviewSheetLayout writes it for reviewers): here in the clerk's words. */
const CAPTION_ROW = 2;

/** A return as headquarters stored it, laid out as the blank form, the reviewer's comments marked and listed (each a press away). */
export function StoredReturnView({ stored, lang, markWords, onClose }: { stored: StoredShown; lang: Lang; markWords: Record<Mark, string>; onClose: () => void }) {
  const p = usePaneStyles();
  // Opened on the first comment's cell: that is what the clerk came to see.
  const first = stored.comments.find((c) => c.cell)?.cell;
  const [focus, setFocus] = React.useState<{ cell: string; seq: number } | null>(first ? { cell: first, seq: 1 } : null);
  const source = React.useMemo((): SheetSource => {
    const values = stored.layout.rows.map((r, i) => (i === CAPTION_ROW ? [inLang(stored.caption, lang)] : r));
    const width = Math.max(1, ...values.map((x) => x.length));
    const rows = values.map((r) =>
      shownRow(
        r.map((v) => (v === '' ? undefined : { value: v })),
        width,
      ),
    );
    const columns = Math.max(1, ...rows.map((r) => r.length));
    const widths = Array.from({ length: columns }, (_, c) => Math.min(40, Math.max(4, ...rows.map((r) => (r[c]?.spill ? 0 : (r[c]?.text.length ?? 0))))));
    return { key: `stored-${inLang(stored.caption, 'en')}-${lang}`, rows: rows.length, columns, widths, fetch: async (from, count) => rows.slice(from, from + count) };
  }, [stored, lang]);
  const marks = React.useMemo(() => new Map<string, Mark>(stored.layout.marks.map((m) => [m.cell, m.kind])), [stored]);
  return (
    <section className={p.column} aria-labelledby="stored-title" data-testid="stored-return">
      <div className={p.row}>
        <Text as="h2" size={500} weight="semibold" id="stored-title" className={p.grow}>
          {st(lang, 'storedTitle')}: {inLang(stored.title, lang)}
        </Text>
        <Button onClick={onClose}>{st(lang, 'back')}</Button>
      </div>
      {stored.comments.map((c, k) => (
        <FindingRow key={k} cell={c.unitCell} text={c.text} colour={MARK_FILL.comment} onSelect={c.cell ? () => setFocus({ cell: c.cell!, seq: (focus?.seq ?? 0) + 1 }) : undefined} />
      ))}
      <SheetView source={source} marks={marks} markWords={markWords} focus={focus} label={`${st(lang, 'sheetTitle')}: ${inLang(stored.title, lang)}`} />
    </section>
  );
}
