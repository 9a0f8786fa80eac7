import type { Tally, TallyGroup } from '../consolidate/tally';
import type { MeasureRowColumn, ReportLayout } from './reportLayout';
import type { CellContent, PlannedColumn, PlannedTable } from './plannedTable';
import { figureCell, formatKindFor, statusCell } from './figureCell';
import { selectMeasures } from './measureSelection';
import { quarterCount, quarterHeading } from './quarterColumns';
import { FIELD_NAMES } from './measureFields';
import { statusLegend } from './statusWords';

type Layout = Extract<ReportLayout, { shape: 'measureRows' }>;

const LABEL_WIDTH = 48;

function columnsOf(c: MeasureRowColumn, quarters: number): PlannedColumn[] {
  switch (c.show) {
    case 'code':
      return [{ heading: c.heading, align: 'center' }];
    case 'label':
      return [{ heading: c.heading, align: 'left', maxWidth: LABEL_WIDTH }];
    case 'unit':
      return [{ heading: c.heading, align: 'center' }];
    case 'figure':
      return [{ heading: c.heading, group: c.group, align: 'right' }];
    case 'quarters':
      return Array.from({ length: quarters }, (_, i) => ({ heading: quarterHeading(i + 1), group: c.group, align: 'right' as const }));
    case 'status':
      return [{ heading: c.heading, align: 'center', status: true }];
  }
}

function cellsOf(c: MeasureRowColumn, g: TallyGroup, id: string, quarters: number): CellContent[] {
  const m = g.measures.find((x) => x.id === id)!;
  switch (c.show) {
    case 'code':
      return [{ value: m.id }];
    case 'label':
      return [{ value: m.label_th }];
    case 'unit':
      return [{ value: m.unit ?? '' }];
    case 'figure':
      return [c.omitFor?.includes(m.id) ? { value: '' } : figureCell(m[c.field], formatKindFor(c, m), c.none, g.expected)];
    case 'quarters':
      return Array.from({ length: quarters }, (_, i) => {
        const v = m.byQuarter === undefined ? undefined : m.byQuarter[i];
        // A quarter after the period is not yet reported: blank, not "none".
        return figureCell(v === null ? undefined : v, formatKindFor(c, m), c.none, g.expected);
      });
    case 'status':
      return [statusCell(m.status)];
  }
}

/** One table per group of the tally (one at HQ): a row per selected measure. */
export function measureRowsTables(layout: Layout, tally: Tally, groupTitle: (g: TallyGroup) => string | undefined): PlannedTable[] {
  const quarters = (c: MeasureRowColumn) => (c.show === 'quarters' ? quarterCount(c.through, tally.period) : 0);
  const columns = layout.columns.flatMap((c) => columnsOf(c, quarters(c)));
  const status = layout.columns.find((c) => c.show === 'status');
  return tally.groups.map((g) => ({
    title: groupTitle(g),
    columns,
    rows: selectMeasures(g.measures, layout.measures).map((m) => ({ key: m.id, cells: layout.columns.flatMap((c) => cellsOf(c, g, m.id, quarters(c))) })),
    note: status?.show === 'status' ? statusLegend(FIELD_NAMES[status.follows].th) : undefined,
  }));
}
