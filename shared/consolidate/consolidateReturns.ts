import type { FormDef } from '../forms/formDef';
import type { CheckedReturn } from '../check/checkedReturn';
import type { Contribution, GroupBy, Measure, Tally, TallyEntry, TallyGroup } from './tally';
import { codesUpTo, isPeriodCode, periodKindOf, type PeriodKind } from '../period/periodCode';
import { allGroups, expectedIn, groupOf } from './groups';
import { contributeIndicators, indicatorMeasures } from './indicatorTally';
import { contributeKpis, kpiMeasures } from './kpiCatalogTally';
import { contributeProject, projectMeasures } from './projectTally';
import { contributeItems, itemMeasures } from './itemTotalsTally';

/** A checked return's contribution to the tallies, stored with it at submit time. */
export function contributionOf(ret: CheckedReturn, form: FormDef): Contribution {
  const c = form.consolidation;
  switch (c.kind) {
    case 'indicators':
      return contributeIndicators(ret, c);
    case 'kpiCatalog':
      return contributeKpis(ret, c);
    case 'projects':
      return contributeProject(ret, c);
    case 'itemTotals':
      return contributeItems(ret, c);
  }
}

/** The return periods a tally of `period` reads: quarterly forms read Q1..Q (none for a non-quarter); yearly forms read FY. */
export function periodsRead(form: FormDef, period: string): string[] {
  if (form.period.kind === 'quarter') {
    if (!isPeriodCode(period) || periodKindOf(period) !== 'quarter') return [];
    return codesUpTo(period);
  }
  return ['FY'];
}

/** The kinds of tally period a form offers: its return period, or any for project progress (reported monthly). */
export function tallyPeriodKinds(form: FormDef): PeriodKind[] {
  if (form.period.kind === 'quarter') return ['quarter'];
  return form.consolidation.kind === 'projects' ? ['year', 'quarter', 'month'] : ['year'];
}

/** Which tally periods a form accepts (canonical codes). */
export function validTallyPeriod(form: FormDef, period: string): boolean {
  return isPeriodCode(period) && tallyPeriodKinds(form).includes(periodKindOf(period));
}

/** Which groupings make sense for a form: its reporting level, the levels above it, HQ. */
export function validGroupings(form: FormDef): GroupBy[] {
  return form.consolidation.expectedKind === 'district' ? ['district', 'zone', 'hq'] : ['region', 'hq'];
}

function measuresOf(form: FormDef, entries: TallyEntry[], period: string, expected: number): Measure[] {
  const c = form.consolidation;
  switch (c.kind) {
    case 'indicators':
      return indicatorMeasures(entries, c, expected);
    case 'kpiCatalog':
      return kpiMeasures(entries, form.catalog ?? [], period);
    case 'projects':
      return projectMeasures(entries, c, period);
    case 'itemTotals':
      return itemMeasures(entries, c, form);
  }
}

/**
 * Consolidates the current versions of a form's returns for a fiscal year and period,
 * grouped by org-unit level. Reads only the per-return contributions.
 */
export function consolidateReturns(form: FormDef, entries: readonly TallyEntry[], q: { fiscalYear: number; period: string; by: GroupBy }): Tally {
  const periods = new Set(periodsRead(form, q.period));
  const kind = form.consolidation.expectedKind;
  const relevant = entries.filter((e) => e.fiscalYear === q.fiscalYear && periods.has(e.period));
  const groups = new Map(allGroups(q.by, kind).map((g) => [g.code, g]));
  for (const e of relevant) {
    const g = groupOf(e.orgUnit, q.by);
    if (g && !groups.has(g.code)) groups.set(g.code, g); // e.g. a department reporting beside districts
  }
  const receivedPeriod = form.period.kind === 'quarter' ? q.period : 'FY';
  const out: TallyGroup[] = [];
  for (const g of groups.values()) {
    const mine = relevant.filter((e) => groupOf(e.orgUnit, q.by)?.code === g.code);
    const expected = Math.max(expectedIn(g, kind).length, 1);
    const received = new Set(mine.filter((e) => e.period === receivedPeriod).map((e) => e.orgUnit)).size;
    out.push({ orgUnit: g.code, name_th: g.name_th, name_en: g.name_en, received, expected, measures: measuresOf(form, mine, q.period, expected) });
  }
  return { formId: form.id, fiscalYear: q.fiscalYear, period: q.period, by: q.by, groups: out };
}
