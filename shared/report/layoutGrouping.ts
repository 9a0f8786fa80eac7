import type { GroupBy } from '../consolidate/tally';
import type { Heading, ReportLayout } from './reportLayout';
import { reportProblem, type ReportProblem } from './reportProblem';

/** The groupings a layout may be shown at: its own, then those it has a title for. */
export function layoutGroupings(layout: ReportLayout): GroupBy[] {
  return [layout.by, ...(Object.keys(layout.titles ?? {}) as GroupBy[]).filter((b) => b !== layout.by)];
}

/** The layout's title at a grouping it allows: the title states the grouping. */
export function layoutTitle(layout: ReportLayout, by: GroupBy): Heading {
  return by === layout.by ? layout.title : (layout.titles?.[by] ?? layout.title);
}

/** A layout at a grouping it does not allow: the sentence that says which it allows. */
export function badGrouping(layout: ReportLayout, by: GroupBy): ReportProblem {
  return reportProblem('report.bad_grouping', { layout: layout.name, by, valid: layoutGroupings(layout).join(', ') });
}
