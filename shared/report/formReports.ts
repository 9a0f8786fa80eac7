import type { GroupBy } from '../consolidate/tally';
import type { FormDef } from '../forms/formDef';
import type { ReportLayout } from './reportLayout';
import { reportProblem, type ReportProblem } from './reportProblem';
import { layoutGroupings, badGrouping } from './layoutGrouping';

export { layoutGroupings, layoutTitle, badGrouping } from './layoutGrouping';

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
 * The layouts a pull writes, each with the grouping it is shown at: without `by`, every layout at
 * its own; with `by`, the layouts that allow it (`--by hq` gives HQ's sheets, not a by-region
 * table squeezed into one row), or a problem when none does.
 */
export function layoutsAt(form: FormDef, by?: GroupBy): { layout: ReportLayout; by: GroupBy }[] | ReportProblem {
  const all = reportsOf(form);
  if (!by) return all.map((layout) => ({ layout, by: layout.by }));
  const fit = all.filter((l) => layoutGroupings(l).includes(by)).map((layout) => ({ layout, by }));
  if (fit.length) return fit;
  const valid = [...new Set(all.flatMap(layoutGroupings))].join(', ') || '—';
  return reportProblem('report.bad_grouping', { layout: all.map((l) => l.name).join(', ') || form.id, by, valid });
}

/** The layout a tally of one grouping is shown in: the form's first layout for that grouping, else one that allows it. */
export function defaultLayoutFor(form: FormDef, by: GroupBy): ReportLayout | ReportProblem {
  const all = reportsOf(form);
  const chosen = all.find((l) => l.by === by) ?? all.find((l) => layoutGroupings(l).includes(by));
  if (chosen) return chosen;
  if (all.length === 0) return reportProblem('report.unknown_layout', { form: form.id, layout: '—', known: '—' });
  return badGrouping(all[0], by);
}
