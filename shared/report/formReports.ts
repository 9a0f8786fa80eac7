import type { GroupBy } from '../consolidate/tally';
import { formById } from '../forms/index';
import type { ReportLayout } from './reportLayout';
import { reportProblem, type ReportProblem } from './reportProblem';
import { layoutGroupings, badGrouping } from './layoutGrouping';

export { layoutGroupings, layoutTitle, badGrouping } from './layoutGrouping';

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
 * The layouts a pull writes, each with the grouping it is shown at: without `by`, every layout at
 * its own; with `by`, the layouts that allow it (`--by hq` gives HQ's sheets, not a by-region
 * table squeezed into one row), or a problem when none does.
 */
export function layoutsAt(formId: string, by?: GroupBy): { layout: ReportLayout; by: GroupBy }[] | ReportProblem {
  const all = reportsOf(formId);
  if (!by) return all.map((layout) => ({ layout, by: layout.by }));
  const fit = all.filter((l) => layoutGroupings(l).includes(by)).map((layout) => ({ layout, by }));
  if (fit.length) return fit;
  const valid = [...new Set(all.flatMap(layoutGroupings))].join(', ') || '—';
  return reportProblem('report.bad_grouping', { layout: all.map((l) => l.name).join(', ') || formId, by, valid });
}

/** The layout a tally of one grouping is shown in: the form's first layout for that grouping, else one that allows it. */
export function defaultLayoutFor(formId: string, by: GroupBy): ReportLayout | ReportProblem {
  const all = reportsOf(formId);
  const chosen = all.find((l) => l.by === by) ?? all.find((l) => layoutGroupings(l).includes(by));
  if (chosen) return chosen;
  if (all.length === 0) return reportProblem('report.unknown_layout', { form: formId, layout: '—', known: '—' });
  return badGrouping(all[0], by);
}
