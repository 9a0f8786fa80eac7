import type { Measure, Tally, TallyGroup } from '../consolidate/tally';
import type { FormatKind, GroupRowColumn, Heading, ReportLayout } from './reportLayout';
import type { CellContent, PlannedColumn, PlannedRow, PlannedTable } from './plannedTable';
import { figureCell, formatKindFor, statusCell } from './figureCell';
import { selectMeasures } from './measureSelection';
import { quarterCount, quarterHeading } from './quarterColumns';
import { FIELD_NAMES } from './measureFields';
import { statusLegend } from './statusWords';
import { SENT_BACK_MARK } from './reportBasis';
import { GROUP_HEADING } from './reportUnit';

type Layout = Extract<ReportLayout, { shape: 'groupRows' }>;

const TOTAL_LABEL = 'รวม';

/** A measure's name as a heading: `จำนวนชุมชน (ชุมชน)`. */
export function measureHeading(m: Measure, codes: boolean): Heading {
  const code = codes ? `${m.id} ` : '';
  return { th: `${code}${m.label_th}${m.unit && m.unit !== 'ร้อยละ' ? ` (${m.unit})` : ''}`, en: `${code}${m.label_en}` };
}

function columnsOf(c: GroupRowColumn, quarters: number, group?: Heading, unitHeading?: Heading): PlannedColumn[] {
  switch (c.show) {
    case 'unit':
      return [{ heading: unitHeading ?? c.heading, align: 'left', maxWidth: 40 }];
    case 'received':
      return [{ heading: c.heading, group, align: 'right' }];
    case 'figure':
      return [{ heading: c.heading, group: c.group ?? group, align: 'right' }];
    case 'quarters':
      return Array.from({ length: quarters }, (_, i) => ({ heading: quarterHeading(i + 1), group: c.group, align: 'right' as const }));
    case 'status':
      return [{ heading: c.heading, group, align: 'center', status: true }];
  }
}

/** A unit's ✓ (it counts for the indicator) is a count on a row of several units (the total, a zone): how many count. */
const kindOn = (kind: FormatKind, several: boolean): FormatKind => (kind === 'yesMark' && several ? 'count' : kind);

function cellsOf(c: GroupRowColumn, g: TallyGroup, label: string, measureId: string | undefined, quarters: number, total: boolean): CellContent[] {
  const m = g.measures.find((x) => x.id === (c.show === 'unit' || c.show === 'received' ? undefined : (c.measure ?? measureId)));
  switch (c.show) {
    case 'unit':
      return [{ value: label }];
    case 'received':
      return [figureCell(g.received, 'ofExpected', 'blank', g.expected)];
    case 'figure':
      return [m && !c.omitFor?.includes(m.id) ? figureCell(m[c.field], kindOn(formatKindFor(c, m), total), c.none, g.expected) : { value: '' }];
    case 'quarters':
      return Array.from({ length: quarters }, (_, i) => {
        const v = m?.byQuarter?.[i];
        return m ? figureCell(v === null ? undefined : v, kindOn(formatKindFor(c, m), total), c.none, g.expected) : { value: '' };
      });
    case 'status':
      return [statusCell(m?.status)];
  }
}

/** The org units that get a row: those that sent a return (the units still missing are named in the completeness block). */
export function rowGroups(_layout: Layout, tally: Tally): TallyGroup[] {
  return tally.groups.filter((g) => g.received > 0);
}

/**
 * Tables whose rows are org units (KPI 5.1 by region, regions × KPIs, districts ×
 * indicators, projects by agency), each closed by a total row: the HQ group's own figures
 * (percentages of sums, never sums of percentages). No total row when the rows are HQ.
 */
export function groupRowsTables(layout: Layout, tally: Tally, total: TallyGroup | null, sentBack: ReadonlySet<string> = new Set()): PlannedTable[] {
  const groups = rowGroups(layout, tally);
  if (groups.length === 0) return [];
  const measures = selectMeasures(groups[0].measures, layout.measures);
  const quarters = (c: GroupRowColumn) => (c.show === 'quarters' ? quarterCount(c.through, tally.period) : 0);
  const label = (g: TallyGroup) => `${layout.rowLabels?.[g.orgUnit] ?? g.name_th}${sentBack.has(g.orgUnit) ? SENT_BACK_MARK : ''}`;
  const withTotal = layout.total && total !== null && tally.by !== 'hq';
  const each = layout.eachMeasure ?? [];

  const table = (blockMeasure: Measure | undefined, title: string | undefined): PlannedTable => {
    const columns = [
      ...layout.columns.flatMap((c) => columnsOf(c, quarters(c), undefined, tally.by === layout.by ? undefined : GROUP_HEADING[tally.by])),
      ...measures.flatMap((m) =>
        each.length === 1
          ? columnsOf(each[0], quarters(each[0])).map((c) => ({ ...c, heading: measureHeading(m, layout.codes === true) }))
          : each.flatMap((c) => columnsOf(c, quarters(c), measureHeading(m, layout.codes === true))),
      ),
    ];
    const rowOf = (g: TallyGroup, text: string, isTotal: boolean): PlannedRow => ({
      key: isTotal ? `total:${g.orgUnit}` : g.orgUnit,
      total: isTotal || undefined,
      cells: [
        ...layout.columns.flatMap((c) => cellsOf(c, g, text, blockMeasure?.id, quarters(c), isTotal || g.expected > 1)),
        ...measures.flatMap((m) => each.flatMap((c) => cellsOf(c, g, text, m.id, quarters(c), isTotal || g.expected > 1))),
      ],
    });
    const rows = groups.map((g) => rowOf(g, label(g), false));
    if (withTotal) rows.push(rowOf(total, TOTAL_LABEL, true));
    const status = [...layout.columns, ...each].find((c) => c.show === 'status');
    return { title, columns, rows, note: status?.show === 'status' ? statusLegend(FIELD_NAMES[status.follows].th) : undefined };
  };

  if (layout.blocks === 'single') return [table(undefined, undefined)];
  return measures.map((m) => table(m, `${layout.codes ? `${m.id} ` : ''}${m.label_th}${m.unit ? ` (หน่วยนับ: ${m.unit})` : ''}`));
}
