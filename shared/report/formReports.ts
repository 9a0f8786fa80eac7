import { reportLayoutSchema, type ReportLayout, type ReportLayoutInput } from './reportLayout';
import type { GroupBy } from '../consolidate/tally';
import { reportProblem, type ReportProblem } from './reportProblem';
import { codiQuarterlyKpiReports } from '../forms/codiQuarterlyKpi.reports';
import { bmaCommunityPlanReturnReports } from '../forms/bmaCommunityPlanReturn.reports';
import { bmaProjectProgressReports } from '../forms/bmaProjectProgress.reports';
import { welfareFundTallyReports } from '../forms/welfareFundTally.reports';

/**
 * Each form's report layouts, checked against the schema when loaded. (To move onto the
 * form definitions as a checked `reports` property once those are schema-checked data.)
 */
const RAW: Record<string, ReportLayoutInput[]> = {
  'codi-quarterly-kpi': codiQuarterlyKpiReports,
  'bma-community-plan-return': bmaCommunityPlanReturnReports,
  'bma-project-progress': bmaProjectProgressReports,
  'welfare-fund-tally': welfareFundTallyReports,
};

const PARSED = new Map<string, ReportLayout[]>(Object.entries(RAW).map(([form, layouts]) => [form, layouts.map((l) => reportLayoutSchema.parse(l))]));

/** The report layouts a form offers, the first being its default. */
export function reportsOf(formId: string): ReportLayout[] {
  return PARSED.get(formId) ?? [];
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
