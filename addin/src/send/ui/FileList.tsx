import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../text/bilingual';
import { isReady, issuesOf, type SendController, type SendPageState } from '../sendController';
import { FileCard } from './FileCard';

/** More files than this are a batch: each a few lines, in a box of their own that scrolls, under a count of where they stand. */
const BATCH = 3;

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxHeight: '60vh',
    overflowY: 'auto',
    padding: '2px',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** `50 ไฟล์: อ่านแล้ว 50 · พร้อมส่ง 49 · มีข้อผิดพลาด 1 · ส่งแล้ว 0` */
function countsText(state: SendPageState, lang: Lang): string {
  const f = state.files;
  const read = f.filter((x) => x.status === 'done').length;
  const ready = f.filter((x) => isReady(x) && x.receipts.length === 0).length;
  const errors = f.filter((x) => x.status === 'done' && issuesOf(x).some((i) => i.severity === 'error')).length;
  const sent = f.filter((x) => x.receipts.length > 0).length;
  return lang === 'th'
    ? `${f.length} ไฟล์: อ่านแล้ว ${read} · พร้อมส่ง ${ready} · มีข้อผิดพลาด ${errors} · ส่งแล้ว ${sent}`
    : `${f.length} files: ${read} read · ${ready} ready to send · ${errors} with errors · ${sent} sent`;
}

/** The files chosen, in the order chosen; a batch is counted and scrolls in its own box. */
export function FileList({ files, state, storedShown, onShowFile }: { files: SendController; state: SendPageState; storedShown: boolean; onShowFile: (id: string) => void }) {
  const s = useStyles();
  const batch = state.files.length > BATCH;
  const cards = state.files.map((f) => (
    <FileCard
      key={f.id}
      file={f}
      lang={state.lang}
      hq={state.hq}
      compact={batch}
      selected={state.view?.file === f.id && !storedShown}
      onShow={() => onShowFile(f.id)}
      onRemove={() => files.remove(f.id)}
      onRetry={() => files.retry(f.id)}
    />
  ));
  if (!batch) return <div className={s.list}>{cards}</div>;
  const counts = countsText(state, state.lang);
  return (
    <>
      <Text weight="semibold" aria-live="polite" data-testid="file-counts">
        {counts}
      </Text>
      <div className={s.box} role="region" aria-label={counts} tabIndex={0}>
        {cards}
      </div>
    </>
  );
}
