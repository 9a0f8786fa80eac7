import type { FormDef } from '../forms/formDef';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import { emptyAggregate, type Aggregate, type AggregateKey } from './aggregate';
import { mergeAggregate } from './mergeAggregate';
import { groupOf, validGroupings } from './groups';
import { sharesOf, type ReturnState } from './shares';

/** What one aggregate loses and gains when a return's state changes. */
export interface TallyChange {
  key: AggregateKey;
  minus: Aggregate | null;
  plus: Aggregate | null;
}

/**
 * The changes to every aggregate a return feeds (each grouping level, each aggregate period)
 * when its contributions go from `before` to `after`: a resubmission takes out the previous
 * version's share and adds the new one; a first submission only adds; a withdrawal (a return
 * sent back, for tallies of accepted returns) only takes out. Unchanged shares are left alone.
 */
export function tallyChanges(form: FormDef, units: OrgUnitTree, orgUnit: string, before: ReturnState, after: ReturnState): TallyChange[] {
  const was = sharesOf(form, orgUnit, before);
  const now = sharesOf(form, orgUnit, after);
  const out: TallyChange[] = [];
  for (const period of [...new Set([...Object.keys(was), ...Object.keys(now)])].sort()) {
    const minus = was[period] ?? null;
    const plus = now[period] ?? null;
    if (JSON.stringify(minus) === JSON.stringify(plus)) continue;
    for (const by of validGroupings(form, units)) {
      const group = groupOf(units, orgUnit, by)?.code;
      if (group) out.push({ key: { period, by, group }, minus, plus });
    }
  }
  return out;
}

/** An aggregate after a change; null when nothing is left in it (the stored aggregate is removed). */
export function applyChange(form: FormDef, current: Aggregate | null, change: Pick<TallyChange, 'minus' | 'plus'>): Aggregate | null {
  let agg = current ?? emptyAggregate(form.consolidation.kind);
  if (change.minus) agg = mergeAggregate(agg, change.minus, -1);
  if (change.plus) agg = mergeAggregate(agg, change.plus, 1);
  return agg.returns === 0 ? null : agg;
}
