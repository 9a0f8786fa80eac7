import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { columnLetters, parseA1 } from '@returns-hub/shared/sheet/address';
import type { ShownCell } from '../files/fileProtocol';

/** What a cell is coloured for: a finding of the check, or a reviewer's comment. */
export type Mark = 'error' | 'warning' | 'comment';

/** The colours the pane paints in Excel, so the clerk sees the same here. */
export const MARK_FILL: Record<Mark, string> = { error: '#FFC7CE', warning: '#FFEB9C', comment: '#BDD7EE' };
const MARK_EDGE: Record<Mark, string> = { error: '#9C0006', warning: '#7F6000', comment: '#1F4E79' };

/** Where a sheet's rows come from: a file in the worker (asked for as they scroll into view), or rows at hand. */
export interface SheetSource {
  /** Names the sheet: a new key starts afresh (scrolled to the top, nothing cached). */
  key: string;
  rows: number;
  columns: number;
  /** Column widths in characters. */
  widths: number[];
  fetch(from: number, count: number): Promise<ShownCell[][]>;
}

const ROW_H = 24;
const HEAD_W = 56;
const BLOCK = 100;
const OVERSCAN = 10;
const colWidth = (chars: number | undefined) => Math.min(320, Math.max(56, (chars ?? 8) * 8 + 14));

const useStyles = makeStyles({
  box: {
    position: 'relative',
    overflow: 'auto',
    maxHeight: '70vh',
    minHeight: '120px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#fff',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed', fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: `${ROW_H}px`,
    backgroundColor: '#f3f3f3',
    color: '#333',
    fontWeight: tokens.fontWeightRegular,
    borderRight: '1px solid #d4d4d4',
    borderBottom: '1px solid #bbb',
    textAlign: 'center',
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#f3f3f3',
    color: '#333',
    fontWeight: tokens.fontWeightRegular,
    borderRight: '1px solid #bbb',
    borderBottom: '1px solid #d4d4d4',
    textAlign: 'center',
    padding: 0,
  },
  cell: {
    height: `${ROW_H - 1}px`,
    padding: '0 4px',
    borderRight: '1px solid #e1e1e1',
    borderBottom: '1px solid #e1e1e1',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: '#000',
  },
  spill: { overflow: 'visible', textOverflow: 'clip' },
  number: { textAlign: 'right' },
  focused: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', ':focus': { outline: `3px solid ${tokens.colorBrandStroke1}` } },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/**
 * A read-only rendering of a sheet, as a spreadsheet shows it: column letters and row numbers,
 * cells coloured by their findings (errors red, warnings yellow, comments blue, with a darker
 * edge and a word for those who cannot tell the colours apart), the cell a finding points to
 * scrolled into view, outlined and focused. Only the rows in view are drawn and asked for, so
 * a 60,000-row register scrolls as a small one does.
 */
export function SheetView({
  source,
  marks,
  markWords,
  focus,
  label,
}: {
  source: SheetSource;
  marks: ReadonlyMap<string, Mark>;
  markWords: Record<Mark, string>;
  focus: { cell: string; seq: number } | null;
  label: string;
}) {
  const s = useStyles();
  const box = React.useRef<HTMLDivElement>(null);
  const [blocks, setBlocks] = React.useState<Map<number, ShownCell[][]>>(new Map());
  const asked = React.useRef(new Set<number>());
  const [top, setTop] = React.useState(0);
  const [height, setHeight] = React.useState(480);

  React.useEffect(() => {
    setBlocks(new Map());
    asked.current = new Set();
    setTop(0);
    if (box.current) box.current.scrollTop = box.current.scrollLeft = 0;
  }, [source.key]);

  const first = Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
  const last = Math.min(source.rows, Math.ceil((top + height) / ROW_H) + OVERSCAN);

  React.useEffect(() => {
    for (let b = Math.floor(first / BLOCK); b * BLOCK < last; b++) {
      if (asked.current.has(b)) continue;
      asked.current.add(b);
      const key = source.key;
      source.fetch(b * BLOCK, BLOCK).then(
        (rows) => key === source.key && setBlocks((m) => new Map(m).set(b, rows)),
        () => asked.current.delete(b),
      );
    }
  }, [first, last, source]);

  const lefts = React.useMemo(() => {
    const out = [HEAD_W];
    for (let c = 0; c < source.columns; c++) out.push(out[c] + colWidth(source.widths[c]));
    return out;
  }, [source]);

  const at = focus ? parseA1(focus.cell.replace(/^.*!/, '')) : null;
  React.useEffect(() => {
    const el = box.current;
    if (!el || !at || !focus) return;
    el.scrollTop = Math.max(0, at.row * ROW_H - el.clientHeight / 3);
    el.scrollLeft = Math.max(0, (lefts[at.col] ?? 0) - HEAD_W - 40);
    setTop(el.scrollTop);
    // Once drawn, the cell takes the focus: a screen reader says where the finding is.
    const t = setTimeout(() => el.querySelector<HTMLElement>(`[data-cell="${focus.cell.replace(/^.*!/, '')}"]`)?.focus({ preventScroll: true }), 50);
    return () => clearTimeout(t);
  }, [focus?.seq, focus?.cell, source.key]);

  React.useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 480);
    measure();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  const rows: React.ReactNode[] = [];
  for (let r = first; r < last; r++) {
    const shown = blocks.get(Math.floor(r / BLOCK))?.[r % BLOCK];
    const cells: React.ReactNode[] = [];
    for (let c = 0; c < source.columns; c++) {
      const address = `${columnLetters(c)}${r + 1}`;
      const cell = shown?.[c];
      const mark = marks.get(address);
      const isFocus = at?.row === r && at.col === c;
      cells.push(
        <td
          key={c}
          data-cell={address}
          tabIndex={isFocus ? 0 : undefined}
          className={mergeClasses(s.cell, cell?.spill && !mark && s.spill, cell?.number && s.number, isFocus && s.focused)}
          style={
            mark
              ? { backgroundColor: MARK_FILL[mark], boxShadow: `inset 0 -3px 0 ${MARK_EDGE[mark]}` }
              : cell?.fill || cell?.bold
                ? { backgroundColor: cell.fill, fontWeight: cell.bold ? 600 : undefined }
                : undefined
          }
          aria-label={isFocus || mark ? `${address}: ${cell?.text ?? ''}${mark ? ` (${markWords[mark]})` : ''}` : undefined}
        >
          {cell?.text ?? ''}
        </td>,
      );
    }
    rows.push(
      <tr key={r} aria-rowindex={r + 2} style={{ height: ROW_H }}>
        <th scope="row" className={s.rowHead}>
          {r + 1}
        </th>
        {cells}
      </tr>,
    );
  }

  return (
    <div ref={box} className={s.box} tabIndex={0} role="region" aria-label={label} onScroll={(e) => setTop(e.currentTarget.scrollTop)} data-testid="sheet-view">
      <table className={s.table} style={{ width: lefts[source.columns] }} aria-rowcount={source.rows + 1} aria-colcount={source.columns + 1}>
        <caption className={s.hidden}>{label}</caption>
        <colgroup>
          <col style={{ width: HEAD_W }} />
          {Array.from({ length: source.columns }, (_, c) => (
            <col key={c} style={{ width: colWidth(source.widths[c]) }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th className={mergeClasses(s.colHead, s.corner)}>
              <span className={s.hidden}>#</span>
            </th>
            {Array.from({ length: source.columns }, (_, c) => (
              <th key={c} scope="col" className={s.colHead}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr style={{ height: first * ROW_H }} aria-hidden="true" />}
          {rows}
          {last < source.rows && <tr style={{ height: (source.rows - last) * ROW_H }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
