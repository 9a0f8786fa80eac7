import type { Tally, TallyGroup } from '../consolidate/tally';
import type { ReportLayout } from './reportLayout';
import type { PlannedColumn, PlannedRow, PlannedTable } from './plannedTable';
import { figureCell } from './figureCell';

type Layout = Extract<ReportLayout, { shape: 'itemRows' }>;

const ITEM = /^item:(.*):([^:]+)$/;

/** The items of a group's item-totals measures (`item:<key>:<column>`), in the tally's order. */
export function itemKeys(g: TallyGroup): string[] {
  const keys: string[] = [];
  for (const m of g.measures) {
    const k = ITEM.exec(m.id)?.[1];
    if (k !== undefined && !keys.includes(k)) keys.push(k);
  }
  return keys;
}

/** Per group: a row per item (welfare type) with its summed columns, then the total row. */
export function itemRowsTables(layout: Layout, tally: Tally, groupTitle: (g: TallyGroup) => string | undefined): PlannedTable[] {
  const columns: PlannedColumn[] = layout.columns.map((c) => (c.show === 'item' ? { heading: c.heading, align: 'left', maxWidth: 40 } : { heading: c.heading, align: 'right' }));
  return tally.groups.map((g) => {
    const value = (id: string) => g.measures.find((m) => m.id === id)?.value;
    const rows: PlannedRow[] = itemKeys(g).map((key) => ({
      key,
      cells: layout.columns.map((c) => (c.show === 'item' ? { value: key } : figureCell(value(`item:${key}:${c.column}`), c.format, 'blank', g.expected))),
    }));
    rows.push({
      key: 'total',
      total: true,
      cells: layout.columns.map((c) => (c.show === 'item' ? { value: 'รวม' } : c.total ? figureCell(value(`total:${c.column}`), c.format, 'blank', g.expected) : { value: '' })),
    });
    return { title: groupTitle(g), columns, rows };
  });
}
