import type { FormDef } from '../forms/formDef';
import { isPeriodCode, periodKindOf, quarterNumberOf } from '../period/periodCodeList';
import type { Aggregate } from './aggregate';
import type { Contribution } from './contribution';
import { indicatorShare } from './indicatorTally';
import { itemShare } from './itemTotalsTally';
import { projectShare } from './projectTally';
import { kpiShare } from './kpiCatalogTally';
import { rowCountsShare } from './rowCountsTally';
import { mergeAggregate } from './mergeAggregate';

/** One return's current contributions of a fiscal year, by period (a quarterly form has up to four). */
export type ReturnState = Partial<Record<string, Contribution>>;

/**
 * The aggregate a tally of `period` reads: a quarterly form keeps one per quarter (each holds
 * the quarters up to it); a yearly form one for the year (it holds every cut-off month, so a
 * project tally of any quarter or month reads it too). Null: the form has no such tally.
 */
export function aggregatePeriodOf(form: FormDef, period: string): string | null {
  if (form.period.kind === 'quarter') return isPeriodCode(period) && periodKindOf(period) === 'quarter' ? period : null;
  return 'FY';
}

/** The periods a return of `period` is stored under for tallies: its own, and for a quarterly form each later quarter too. */
export function aggregatePeriodsFed(form: FormDef, period: string): string[] {
  if (form.period.kind !== 'quarter') return period === 'FY' ? ['FY'] : [];
  const q = quarterNumberOf(period);
  return q === null ? [] : [1, 2, 3, 4].filter((x) => x >= q).map((x) => `Q${x}`);
}

/**
 * A return's shares, by aggregate period, from all its current contributions of the year:
 * what it adds to its groups' aggregates. A quarterly KPI return's share of a later quarter
 * depends on its other quarters (the latest targets count), hence the whole state.
 */
export function sharesOf(form: FormDef, orgUnit: string, state: ReturnState): Record<string, Aggregate> {
  const c = form.consolidation;
  const one = (contribution: Contribution, received: boolean): Aggregate => {
    switch (c.kind) {
      case 'indicators':
        return indicatorShare(contribution, orgUnit, received);
      case 'itemTotals':
        return itemShare(contribution, c, orgUnit, received);
      case 'projects':
        return projectShare(contribution, c, orgUnit, received);
      case 'rowCounts':
        return rowCountsShare(contribution, orgUnit, received);
      case 'kpiCatalog':
        throw new Error('a KPI return shares by its whole year');
    }
  };
  const out: Record<string, Aggregate> = {};
  if (form.period.kind !== 'quarter') {
    if (state.FY) out.FY = one(state.FY, true);
    return out;
  }
  for (const q of [1, 2, 3, 4]) {
    if (c.kind === 'kpiCatalog') {
      const share = kpiShare(state, q, orgUnit);
      if (share) out[`Q${q}`] = share;
      continue;
    }
    // Rows counted by choice are the quarter's status (risks assessed this quarter), not a running sum.
    if (c.kind === 'rowCounts') {
      const own = state[`Q${q}`];
      if (own) out[`Q${q}`] = one(own, true);
      continue;
    }
    // Other kinds reported quarterly add up the quarters to date; the quarter itself counts as received.
    let share: Aggregate | null = null;
    for (let p = 1; p <= q; p++) {
      const own = state[`Q${p}`];
      if (own) share = share ? mergeAggregate(share, one(own, p === q), 1) : one(own, p === q);
    }
    if (share) out[`Q${q}`] = share;
  }
  return out;
}
