import type { GroupBy } from '../consolidate/tally';
import type { FormDef } from '../forms/formDef';
import type { ReportLayout } from './reportLayout';
import { reportProblem, type ReportProblem } from './reportProblem';

/** The report layouts a form offers (its definition's checked `reports`), the first being its default. */
export function reportsOf(form: FormDef): ReportLayout[] {
  return form.reports ?? [];
}

/** A form's layout by name (`--layout kpi-by-region`), or a problem naming the ones it has. */
export function reportByName(form: FormDef, name: string): ReportLayout | ReportProblem {
  const all = reportsOf(form);
  return all.find((l) => l.name === name) ?? reportProblem('report.unknown_layout', { form: form.id, layout: name, known: all.map((l) => l.name).join(', ') || '—' });
}

/**
 * The layout a tally of one grouping is shown in: the form's layout for that grouping, else
 * its first table of org-unit rows (shown at that grouping), else its first layout.
 */
export function defaultLayoutFor(form: FormDef, by: GroupBy): ReportLayout | ReportProblem {
  const all = reportsOf(form);
  const chosen = all.find((l) => l.by === by) ?? all.find((l) => l.shape === 'groupRows') ?? all[0];
  return chosen ?? reportProblem('report.unknown_layout', { form: form.id, layout: '—', known: '—' });
}
