import type { FormDef } from '../forms/formDef';
import type { CheckedReturn } from '../check/checkedReturn';
import type { Contribution, GroupBy, Measure, Tally, TallyEntry, TallyGroup } from './tally';
import { emptyAggregate, returnsIn, unitsReceived, type Aggregate } from './aggregate';
import { foldAggregates } from './foldAggregates';
import { aggregatePeriodOf } from './shares';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import { codesUpTo, isPeriodCode, periodKindOf, type PeriodKind } from '../period/periodCodeList';
import { allGroups, expectedIn, expectedUnits, groupOf, validGroupings } from './groups';
import { contributeIndicators, indicatorMeasures } from './indicatorTally';
import { contributeKpis, kpiMeasures } from './kpiCatalogTally';
import { contributeProject, projectMeasures } from './projectTally';
import { contributeItems, itemMeasures } from './itemTotalsTally';
import { contributeRowCounts, rowCountsMeasures } from './rowCountsTally';

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
    case 'rowCounts':
      return contributeRowCounts(ret, c);
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

export { validGroupings };

function measuresOf(form: FormDef, agg: Aggregate, period: string, expected: number): Measure[] {
  const c = form.consolidation;
  const mismatch = () => new Error(`an aggregate of kind "${agg.kind}" where "${c.kind}" is expected`);
  switch (c.kind) {
    case 'indicators':
      if (agg.kind !== c.kind) throw mismatch();
      return indicatorMeasures(agg, c, expected);
    case 'kpiCatalog':
      if (agg.kind !== c.kind) throw mismatch();
      return kpiMeasures(agg, form.catalog ?? [], period);
    case 'projects':
      if (agg.kind !== c.kind) throw mismatch();
      return projectMeasures(agg, c, period);
    case 'itemTotals':
      if (agg.kind !== c.kind) throw mismatch();
      return itemMeasures(agg, c, form);
    case 'rowCounts':
      if (agg.kind !== c.kind) throw mismatch();
      return rowCountsMeasures(agg, c, form);
  }
}

/**
 * The tally of a form's fiscal year and period at one grouping level, from its groups'
 * aggregates (group org unit → aggregate of `aggregatePeriodOf(form, period)`): every group
 * of the level that has units expected to report, with or without returns, then any other
 * group that has returns (e.g. a department reporting beside districts).
 */
export function tallyOfAggregates(
  form: FormDef,
  units: OrgUnitTree,
  q: { fiscalYear: number; period: string; by: GroupBy },
  aggregates: ReadonlyMap<string, Aggregate>,
  acceptedCounts: ReadonlyMap<string, number> = new Map(),
): Tally {
  const expectedUnitsOf = expectedUnits(form, units);
  const groups = new Map(allGroups(units, q.by, expectedUnitsOf).map((g) => [g.code, g]));
  for (const code of [...aggregates.keys()].sort()) {
    const g = units.byCode(code);
    if (g && !groups.has(code)) groups.set(code, g);
  }
  const out: TallyGroup[] = [];
  for (const g of groups.values()) {
    const agg = aggregates.get(g.code) ?? emptyAggregate(form.consolidation.kind);
    const expected = Math.max(expectedIn(units, g, expectedUnitsOf).length, 1);
    const counts = { returns: returnsIn(agg), accepted: acceptedCounts.get(g.code) ?? 0 };
    out.push({ orgUnit: g.code, name_th: g.name_th, name_en: g.name_en, received: unitsReceived(agg), expected, ...counts, measures: measuresOf(form, agg, q.period, expected) });
  }
  // Each return of the period is in exactly one group of a level.
  const returns = { included: out.reduce((a, g) => a + (g.returns ?? 0), 0), accepted: out.reduce((a, g) => a + (g.accepted ?? 0), 0) };
  return { formId: form.id, fiscalYear: q.fiscalYear, period: q.period, by: q.by, returns, groups: out };
}

/**
 * Consolidates the current versions of a form's returns for a fiscal year and period,
 * grouped by org-unit level, computing the aggregates from the per-return contributions
 * (the repair path; tallies served by the API read maintained aggregates instead). Entries
 * marked `accepted` are counted as such.
 */
export function consolidateReturns(form: FormDef, units: OrgUnitTree, entries: readonly TallyEntry[], q: { fiscalYear: number; period: string; by: GroupBy }): Tally {
  const period = aggregatePeriodOf(form, q.period);
  const ofYear = entries.filter((e) => e.fiscalYear === q.fiscalYear);
  const folded = period === null ? [] : foldAggregates(form, units, ofYear, { periods: [period], by: q.by });
  const acceptedCounts = new Map<string, number>();
  for (const e of ofYear) {
    const group = groupOf(units, e.orgUnit, q.by)?.code;
    if (e.accepted && e.period === period && group) acceptedCounts.set(group, (acceptedCounts.get(group) ?? 0) + 1);
  }
  return tallyOfAggregates(form, units, q, new Map(folded.map((a) => [a.key.group, a.aggregate])), acceptedCounts);
}
