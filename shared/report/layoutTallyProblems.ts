import type { FormDef } from '../forms/formDef';
import type { GroupBy } from '../consolidate/tally';
import { consolidateReturns, validGroupings } from '../consolidate/consolidateReturns';
import { namedMeasures } from './layoutProblems';

/** The ids of the measures a form's tally has (item-totals forms add one per item they meet: those are not known ahead). */
function measureIds(form: FormDef): Set<string> {
  const period = form.period.kind === 'quarter' ? 'Q1' : 'FY';
  const t = consolidateReturns(form, [], { fiscalYear: 2563, period, by: 'hq' });
  return new Set(t.groups[0]?.measures.map((m) => m.id) ?? []);
}

/**
 * What a form's report layouts ask of its tally that the tally has not: a grouping the form
 * has not, a measure id its consolidation does not make. It consolidates an empty tally to
 * know, so `loadForms` runs it (the test suite loads every form through it), not each CLI start.
 */
export function layoutTallyProblems(form: FormDef): string[] {
  const problems: string[] = [];
  const ids = form.consolidation.kind === 'itemTotals' ? null : measureIds(form);
  const groupings = validGroupings(form);
  (form.reports ?? []).forEach((l, i) => {
    const at = `reports[${i}] (${l.name})`;
    if (!groupings.includes(l.by)) problems.push(`${at}.by: ${l.by} is not a grouping of this form (${groupings.join(', ')})`);
    for (const by of Object.keys(l.titles ?? {})) if (!groupings.includes(by as GroupBy)) problems.push(`${at}.titles.${by}: ${by} is not a grouping of this form (${groupings.join(', ')})`);
    if (ids) for (const [id, where] of namedMeasures(l)) if (!ids.has(id)) problems.push(`${at}.${where}: no measure "${id}" in this form's tally`);
  });
  return problems;
}
