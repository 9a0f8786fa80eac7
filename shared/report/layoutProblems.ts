import type { FormDef } from '../forms/formDef';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import { finding, type DefinitionFinding, type DefinitionPath } from '../definitions/definitionMessages';
import type { GroupRowColumn, MeasureRowColumn, ReportLayout } from './reportLayout';

/** Every measure id a layout names, with where it names it (a path in the layout). */
export function namedMeasures(l: ReportLayout): [string, DefinitionPath][] {
  const out: [string, DefinitionPath][] = [];
  if (l.shape !== 'itemRows') {
    (l.measures.include ?? []).forEach((id, i) => out.push([id, ['measures', 'include', i]]));
    (l.measures.exclude ?? []).forEach((id, i) => out.push([id, ['measures', 'exclude', i]]));
  }
  const columns: [MeasureRowColumn | GroupRowColumn, DefinitionPath][] =
    l.shape === 'measureRows'
      ? l.columns.map((c, i) => [c, ['columns', i]])
      : l.shape === 'groupRows'
        ? [...l.columns.map((c, i): [GroupRowColumn, DefinitionPath] => [c, ['columns', i]]), ...(l.eachMeasure ?? []).map((c, i): [GroupRowColumn, DefinitionPath] => [c, ['eachMeasure', i]])]
        : [];
  for (const [c, at] of columns) {
    if ('measure' in c && c.measure) out.push([c.measure, [...at, 'measure']]);
    if (c.show === 'figure') {
      for (const id of Object.keys(c.formatFor ?? {})) out.push([id, [...at, 'formatFor']]);
      (c.omitFor ?? []).forEach((id, i) => out.push([id, [...at, 'omitFor', i]]));
    }
  }
  (l.chart?.measures ?? []).forEach((id, i) => out.push([id, ['chart', 'measures', i]]));
  return out;
}

const report = (path: DefinitionPath, th: string, en: string) => finding('definition.report', path, { th, en });

/**
 * What is wrong with a form's report layouts beyond their shape, that plain code can tell
 * (without zod or the consolidation): names used twice, an org-unit row label for no unit,
 * a column that needs a measure and names none, a table kind the form's consolidation does
 * not make. Each finding has its path (`reports[0].columns[2]`). The groupings and measure
 * ids are checked against the tally by `layoutTallyProblems`.
 */
export function layoutProblems(form: FormDef, units?: OrgUnitTree): DefinitionFinding[] {
  const layouts = form.reports ?? [];
  const problems: DefinitionFinding[] = [];
  const seen = new Set<string>();
  layouts.forEach((l, i) => {
    const at = (...p: (string | number)[]): DefinitionPath => ['reports', i, ...p];
    if (seen.has(l.name)) problems.push(report(at('name'), `ชื่อตาราง "${l.name}" ซ้ำกับตารางอื่น`, `The layout name "${l.name}" is used by another layout`));
    seen.add(l.name);
    if (l.shape === 'itemRows') {
      const c = form.consolidation;
      if (c.kind !== 'itemTotals' && c.kind !== 'rowCounts')
        problems.push(report(at('shape'), 'ตารางรายการ (itemRows) ใช้ได้กับการรวมยอดแบบ itemTotals หรือ rowCounts เท่านั้น', 'Item rows need an item-totals or a row-counts consolidation'));
      else {
        const known = c.kind === 'itemTotals' ? [...c.columns, 'returns'] : c.counts.map((x) => x.id);
        l.columns.forEach((col, k) => {
          if (col.show === 'itemFigure' && !known.includes(col.column))
            problems.push(report(at('columns', k, 'column'), `คอลัมน์ "${col.column}" ไม่ได้รวมยอดไว้ (ใช้ได้: ${known.join(', ')})`, `"${col.column}" is not summed (${known.join(', ')})`));
        });
      }
    }
    if (l.shape === 'groupRows') {
      if (units)
        for (const code of Object.keys(l.rowLabels ?? {})) if (!units.byCode(code)) problems.push(report(at('rowLabels'), `ไม่มีหน่วยงานรหัส "${code}" สำหรับชื่อแถว`, `rowLabels: no org unit "${code}"`));
      if (l.blocks === 'single')
        l.columns.forEach((c, k) => {
          if ((c.show === 'figure' || c.show === 'quarters' || c.show === 'status') && !c.measure)
            problems.push(
              report(
                at('columns', k, 'measure'),
                'คอลัมน์นี้ต้องระบุตัวชี้วัด (measure) เว้นแต่ตารางแยกตามตัวชี้วัด (blocks perMeasure) หรือคอลัมน์ใน eachMeasure',
                'The column names no measure (only per-measure blocks and eachMeasure columns may leave it out)',
              ),
            );
        });
    }
    const columns = l.shape === 'measureRows' ? l.columns : l.shape === 'groupRows' ? [...l.columns, ...(l.eachMeasure ?? [])] : [];
    if (form.consolidation.kind !== 'kpiCatalog' && columns.some((c) => c.show === 'quarters'))
      problems.push(report(at('shape'), 'คอลัมน์รายไตรมาสใช้ได้กับการรวมยอดแบบ kpiCatalog เท่านั้น', 'Quarter columns need a KPI-catalog consolidation'));
  });
  return problems;
}
