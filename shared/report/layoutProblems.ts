import type { FormDef } from '../forms/formDef';
import { orgUnitByCode } from '../orgUnits/orgUnits';
import type { GroupRowColumn, MeasureRowColumn, ReportLayout } from './reportLayout';

/** Every measure id a layout names, with where it names it. */
export function namedMeasures(l: ReportLayout): [string, string][] {
  const out: [string, string][] = [];
  if (l.shape !== 'itemRows') {
    for (const id of l.measures.include ?? []) out.push([id, 'measures.include']);
    for (const id of l.measures.exclude ?? []) out.push([id, 'measures.exclude']);
  }
  const columns: (MeasureRowColumn | GroupRowColumn)[] = l.shape === 'measureRows' ? l.columns : l.shape === 'groupRows' ? [...l.columns, ...(l.eachMeasure ?? [])] : [];
  columns.forEach((c, i) => {
    if ('measure' in c && c.measure) out.push([c.measure, `columns[${i}].measure`]);
    if (c.show === 'figure') {
      for (const id of Object.keys(c.formatFor ?? {})) out.push([id, `columns[${i}].formatFor`]);
      for (const id of c.omitFor ?? []) out.push([id, `columns[${i}].omitFor`]);
    }
  });
  for (const id of l.chart?.measures ?? []) out.push([id, 'chart.measures']);
  return out;
}

/**
 * What is wrong with a form's report layouts beyond their shape, that plain code can tell
 * (this runs in every CLI process, without zod or the consolidation): names used twice, an
 * org-unit row label for no unit, a column that needs a measure and names none, a table kind
 * the form's consolidation does not make. Each problem names the layout and where. The
 * groupings and measure ids are checked against the tally by `layoutTallyProblems`.
 */
export function layoutProblems(form: FormDef): string[] {
  const layouts = form.reports ?? [];
  const problems: string[] = [];
  const seen = new Set<string>();
  layouts.forEach((l, i) => {
    const at = `reports[${i}] (${l.name})`;
    if (seen.has(l.name)) problems.push(`${at}: the name is used by another layout`);
    seen.add(l.name);
    if (l.shape === 'itemRows') {
      if (form.consolidation.kind !== 'itemTotals') problems.push(`${at}: item rows need an item-totals consolidation`);
      else {
        const known = [...form.consolidation.columns, 'returns'];
        l.columns.forEach((c, k) => c.show === 'itemFigure' && !known.includes(c.column) && problems.push(`${at}.columns[${k}].column: "${c.column}" is not summed (${known.join(', ')})`));
      }
    }
    if (l.shape === 'groupRows') {
      for (const code of Object.keys(l.rowLabels ?? {})) if (!orgUnitByCode(code)) problems.push(`${at}.rowLabels: no org unit "${code}"`);
      if (l.blocks === 'single')
        l.columns.forEach((c, k) => {
          if ((c.show === 'figure' || c.show === 'quarters' || c.show === 'status') && !c.measure)
            problems.push(`${at}.columns[${k}]: names no measure (only per-measure blocks and eachMeasure columns may leave it out)`);
        });
    }
    const columns = l.shape === 'measureRows' ? l.columns : l.shape === 'groupRows' ? [...l.columns, ...(l.eachMeasure ?? [])] : [];
    if (form.consolidation.kind !== 'kpiCatalog' && columns.some((c) => c.show === 'quarters')) problems.push(`${at}: quarter columns need a KPI-catalog consolidation`);
  });
  return problems;
}
