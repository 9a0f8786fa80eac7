import type { GroupBy } from '../consolidate/tally';
import { formById } from '../forms/index';
import type { ReportLayout } from './reportLayout';
import { reportProblem, type ReportProblem } from './reportProblem';
/** The report layouts a form offers (its definition's checked `reports`), the first being its default. */
export function reportsOf(formId: string): ReportLayout[] {
  return formById(formId)?.reports ?? [];
}

/** A form's layout by name (`--layout kpi-by-region`), or a problem naming the ones it has. */
export function reportByName(formId: string, name: string): ReportLayout | ReportProblem {
  const all = reportsOf(formId);
  return all.find((l) => l.name === name) ?? reportProblem('report.unknown_layout', { form: formId, layout: name, known: all.map((l) => l.name).join(', ') || '—' });
}

/**
 * The layout a tally of one grouping is shown in: the form's layout for that grouping, else
 * its first table of org-unit rows (shown at that grouping), else its first layout.
 */
export function defaultLayoutFor(formId: string, by: GroupBy): ReportLayout | ReportProblem {
  const all = reportsOf(formId);
  const chosen = all.find((l) => l.by === by) ?? all.find((l) => l.shape === 'groupRows') ?? all[0];
  return chosen ?? reportProblem('report.unknown_layout', { form: formId, layout: '—', known: '—' });
}
