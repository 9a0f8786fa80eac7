import type { FormDef } from '../forms/formDef';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import type { GroupBy } from '../consolidate/tally';
import { consolidateReturns, validGroupings } from '../consolidate/consolidateReturns';
import { finding, type DefinitionFinding } from '../definitions/definitionMessages';
import { namedMeasures } from './layoutProblems';

/** The ids of the measures a form's tally has (item-totals forms add one per item they meet: those are not known ahead). */
function measureIds(form: FormDef, units: OrgUnitTree): Set<string> {
  const period = form.period.kind === 'quarter' ? 'Q1' : 'FY';
  const t = consolidateReturns(form, units, [], { fiscalYear: 2563, period, by: 'hq' });
  return new Set(t.groups[0]?.measures.map((m) => m.id) ?? []);
}

/**
 * What a form's report layouts ask of its tally that the tally has not: a grouping the form
 * has not, a measure id its consolidation does not make. It consolidates an empty tally to
 * know, so it runs where definitions are checked (the test suite, publishing), not each CLI start.
 */
export function layoutTallyProblems(form: FormDef, units: OrgUnitTree): DefinitionFinding[] {
  const problems: DefinitionFinding[] = [];
  const ids = form.consolidation.kind === 'itemTotals' ? null : measureIds(form, units);
  const groupings = validGroupings(form, units);
  (form.reports ?? []).forEach((l, i) => {
    if (!groupings.includes(l.by))
      problems.push(
        finding('definition.report', ['reports', i, 'by'], {
          th: `แบบรายงานนี้ไม่มียอดรวมแบบ ${l.by} (มี: ${groupings.join(', ')})`,
          en: `${l.by} is not a grouping of this form (${groupings.join(', ')})`,
        }),
      );
    for (const by of Object.keys(l.titles ?? {}) as GroupBy[])
      if (!groupings.includes(by))
        problems.push(
          finding('definition.report', ['reports', i, 'titles', by], {
            th: `แบบรายงานนี้ไม่มียอดรวมแบบ ${by} (มี: ${groupings.join(', ')})`,
            en: `${by} is not a grouping of this form (${groupings.join(', ')})`,
          }),
        );
    if (ids)
      for (const [id, where] of namedMeasures(l))
        if (!ids.has(id)) problems.push(finding('definition.report', ['reports', i, ...where], { th: `ยอดรวมของแบบรายงานนี้ไม่มีตัวชี้วัด "${id}"`, en: `No measure "${id}" in this form's tally` }));
  });
  return problems;
}
