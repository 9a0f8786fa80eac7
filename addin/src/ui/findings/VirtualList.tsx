import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  box: { position: 'relative', overflowY: 'auto', overflowX: 'hidden', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { position: 'absolute', left: 0, right: 0, boxSizing: 'border-box', overflow: 'hidden' },
});

/** Rows drawn beyond the visible ones, above and below, so a quick scroll shows no gap. */
const OVERSCAN = 6;

/**
 * A long list drawn a window at a time: only the rows in view (and a few more) are in the
 * page, each `rowHeight` high, so 60,000 findings cost what 20 do. Arrow keys, Home and End
 * move through every row (one row is in the tab order at a time); the rows themselves are
 * what `renderRow` makes. A hand-written window, because Fluent's VirtualizerScrollView is
 * still alpha and rows of fixed height need no measuring.
 */
export function VirtualList({
  count,
  rowHeight,
  visibleRows,
  renderRow,
  label,
}: {
  count: number;
  rowHeight: number;
  visibleRows: number;
  renderRow: (index: number, tabIndex: number) => React.ReactNode;
  label: string;
}) {
  const s = useStyles();
  const box = React.useRef<HTMLDivElement>(null);
  const [top, setTop] = React.useState(0);
  const [active, setActive] = React.useState(0);
  const height = Math.min(count, visibleRows) * rowHeight;
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN);

  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(count - 1, i));
    setActive(next);
    const el = box.current;
    if (!el) return;
    if (next * rowHeight < el.scrollTop) el.scrollTop = next * rowHeight;
    else if ((next + 1) * rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = (next + 1) * rowHeight - el.clientHeight;
    setTop(el.scrollTop);
    // The row is drawn at the next render; focus it then.
    requestAnimationFrame(() => box.current?.querySelector<HTMLElement>(`[data-index="${next}"] [tabindex="0"], [data-index="${next}"][tabindex="0"]`)?.focus());
  };
  const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: visibleRows, PageUp: -visibleRows };

  const rows: React.ReactNode[] = [];
  for (let i = first; i < last; i++)
    rows.push(
      <div key={i} role="listitem" className={s.row} style={{ top: i * rowHeight, height: rowHeight }} data-index={i}>
        {renderRow(i, i === active ? 0 : -1)}
      </div>,
    );
  return (
    <div
      ref={box}
      role="list"
      aria-label={label}
      className={s.box}
      style={{ height: height + 2 }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      onFocus={(e) => {
        const row = e.target instanceof Element ? e.target.closest('[data-index]') : null;
        if (row) setActive(Number(row.getAttribute('data-index')));
      }}
      onKeyDown={(e) => {
        const step = keys[e.key];
        const to = e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : step !== undefined ? active + step : null;
        if (to === null) return;
        e.preventDefault();
        moveTo(to);
      }}
    >
      <div style={{ height: count * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
