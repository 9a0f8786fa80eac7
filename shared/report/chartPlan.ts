import type { Measure, Tally } from '../consolidate/tally';
import type { ReportLayout } from './reportLayout';
import type { PlannedChart } from './plannedTable';
import { selectMeasures } from './measureSelection';
import { FIELD_NAMES } from './measureFields';
import { FORMAT_CODES } from './numberFormats';
import { rowGroups } from './groupRowsTable';

const value = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Bars a chart may label one by one before the labels crowd (at A4, bars thinner than a label's text). */
const LABELLED_BARS = 60;
/** Categories a column chart takes; more (50 districts) go as horizontal bars, whose names stay readable. */
const MAX_COLUMNS = 12;

/**
 * The reference lines of a chart: a % of target to date is judged green above 80 and meets its
 * target at 100; a % of a KPI with its own target (Form 2's 80 %) shows that target.
 */
function targetsOf(field: string, shown: Measure[]): number[] {
  if (field === 'pctOfTargetToDate') return [80, 100];
  if (field === 'pct') return [...new Set(shown.map((m) => m.target).filter((t): t is number => typeof t === 'number'))].sort((a, b) => a - b);
  return [];
}

/**
 * Horizontal bars (for many categories), which keep their names readable however many there are: one series sorted
 * by value, largest on top (a bar chart draws its first category at the bottom, so the data
 * block runs from smallest to largest); several series in the table's order, first on top.
 */
function asBars(categories: string[], series: PlannedChart['series']): Pick<PlannedChart, 'categories' | 'series'> {
  const order = categories.map((_, i) => i);
  if (series.length === 1) {
    const v = series[0].values;
    order.sort((a, b) => (v[a] ?? -Infinity) - (v[b] ?? -Infinity) || b - a);
  } else order.reverse();
  return { categories: order.map((i) => categories[i]), series: series.map((s) => ({ name: s.name, values: order.map((i) => s.values[i]) })) };
}

/**
 * What a layout's chart shows: for org-unit rows, a series per measure across the units
 * (the % of target by unit); for measure rows, the group's figure across its measures.
 */
export function planChart(layout: ReportLayout, tally: Tally): PlannedChart | null {
  const spec = layout.chart;
  if (!spec || tally.groups.length === 0 || layout.shape === 'itemRows') return null;
  const title = spec.title.th;
  const pick = (ms: Measure[]) => selectMeasures(ms, layout.measures).filter((m) => (spec.measures ? spec.measures.includes(m.id) : m[spec.field] !== undefined));
  const chart = (categoryHeading: string, categories: string[], series: PlannedChart['series'], shown: Measure[]): PlannedChart => {
    const bar = categories.length > MAX_COLUMNS;
    return {
      title,
      kind: bar ? 'bar' : 'column',
      categoryHeading,
      ...(bar ? asBars(categories, series) : { categories, series }),
      // Each bar its label where labels cannot meet: a bar's own line (horizontal bars), or columns of one or two series.
      labels: bar ? categories.length * series.length <= LABELLED_BARS : series.length <= 2,
      // Reference lines go across columns (a line over categories); horizontal bars have none to cross.
      targets: bar ? [] : targetsOf(spec.field, shown),
      numFmt: FORMAT_CODES.percent,
    };
  };
  if (layout.shape === 'measureRows') {
    if (tally.groups.length > 1) return null; // a chart per group would print a page per group: the tables say it
    const shown = pick(tally.groups[0].measures);
    return chart(
      'ตัวชี้วัด',
      shown.map((m) => (layout.codes ? m.id : m.label_th)), // under a column, CODI's KPI code; the table beside names it
      [{ name: FIELD_NAMES[spec.field].th, values: shown.map((m) => value(m[spec.field])) }],
      shown,
    );
  }
  const groups = rowGroups(layout, tally);
  if (groups.length === 0) return null;
  const shown = pick(groups[0].measures);
  return chart(
    'หน่วยงาน',
    groups.map((g) => layout.rowLabels?.[g.orgUnit] ?? g.name_th),
    shown.map((m) => ({ name: layout.codes ? `${m.id} ${m.label_th}` : m.label_th, values: groups.map((g) => value(g.measures.find((x) => x.id === m.id)?.[spec.field])) })),
    shown,
  );
}
