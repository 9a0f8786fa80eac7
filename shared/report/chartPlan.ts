import type { Tally } from '../consolidate/tally';
import type { ReportLayout } from './reportLayout';
import type { PlannedChart } from './plannedTable';
import { selectMeasures } from './measureSelection';
import { FIELD_NAMES } from './measureFields';
import { FORMAT_CODES } from './numberFormats';
import { rowGroups } from './groupRowsTable';

const value = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * What a layout's chart shows: for org-unit rows, a series per measure across the units
 * (the % of target by unit); for measure rows, the group's figure across its measures.
 */
export function planChart(layout: ReportLayout, tally: Tally): PlannedChart | null {
  const spec = layout.chart;
  if (!spec || tally.groups.length === 0 || layout.shape === 'itemRows') return null;
  const first = tally.groups[0];
  const title = `${spec.title.th}`;
  if (layout.shape === 'measureRows') {
    const shown = selectMeasures(first.measures, layout.measures).filter((m) => (spec.measures ? spec.measures.includes(m.id) : m[spec.field] !== undefined));
    return {
      title,
      categoryHeading: 'ตัวชี้วัด',
      categories: shown.map((m) => (layout.codes ? m.id : m.label_th)),
      series: [{ name: FIELD_NAMES[spec.field].th, values: shown.map((m) => value(m[spec.field])) }],
      numFmt: FORMAT_CODES.percent,
    };
  }
  const groups = rowGroups(layout, tally);
  if (groups.length === 0) return null;
  const shown = selectMeasures(groups[0].measures, layout.measures).filter((m) => (spec.measures ? spec.measures.includes(m.id) : m[spec.field] !== undefined));
  return {
    title,
    categoryHeading: 'หน่วยงาน',
    categories: groups.map((g) => layout.rowLabels?.[g.orgUnit] ?? g.name_th),
    series: shown.map((m) => ({ name: layout.codes ? `${m.id} ${m.label_th}` : m.label_th, values: groups.map((g) => value(g.measures.find((x) => x.id === m.id)?.[spec.field])) })),
    numFmt: FORMAT_CODES.percent,
  };
}
