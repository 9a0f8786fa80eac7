import type { IndicatorConsolidation } from '../forms/consolidationDef';
import type { CheckedReturn } from '../check/checkedReturn';
import { asNumber } from '../check/valueAs';
import type { Measure } from './tally';
import { indicatorContribution, type Contribution, type IndicatorContribution } from './contribution';
import { unitsReceived, type IndicatorAggregate } from './aggregate';
import { pct, statusOf } from './trafficLight';

/** A return's share: each summed field, and whether the unit counts for each `countUnits` indicator. */
export function contributeIndicators(ret: CheckedReturn, def: IndicatorConsolidation): IndicatorContribution {
  const c: IndicatorContribution = { kind: 'indicators', sums: {}, flags: {} };
  for (const ind of def.indicators) {
    if (ind.kind === 'sum') c.sums[ind.field] = asNumber(ret.fields[ind.field]) ?? 0;
    if (ind.kind === 'countUnits') {
      const hit = ind.fields.some((f) => (ind.when === 'yes' ? ret.fields[f] === true : (asNumber(ret.fields[f]) ?? 0) > 0));
      c.flags[ind.id] = hit ? 1 : 0;
    }
  }
  return c;
}

/** A return's share of an aggregate: its sums and flags, and one return of its unit. */
export function indicatorShare(c: Contribution, orgUnit: string, received: boolean): IndicatorAggregate {
  const own = indicatorContribution(c);
  return { kind: 'indicators', returns: 1, units: received ? { [orgUnit]: 1 } : {}, sums: { ...own.sums }, flags: { ...own.flags } };
}

/** Sums and unit counts of a group's aggregate; percentages of their base, computed unrounded. */
export function indicatorMeasures(agg: IndicatorAggregate, def: IndicatorConsolidation, expected: number): Measure[] {
  const values = new Map<string, number>();
  for (const ind of def.indicators) {
    if (ind.kind === 'returns') values.set(ind.id, unitsReceived(agg));
    else if (ind.kind === 'sum') values.set(ind.id, agg.sums[ind.field] ?? 0);
    else values.set(ind.id, agg.flags[ind.id] ?? 0);
  }
  return def.indicators.map((ind): Measure => {
    const value = values.get(ind.id)!;
    const base = ind.kind === 'returns' ? 'expected' : ind.pctOf;
    const share = base === undefined ? undefined : base === 'expected' ? pct(value, expected) : pct(value, values.get(base.indicator) ?? 0);
    const target = ind.kind !== 'returns' ? ind.target : undefined;
    const m: Measure = { id: ind.id, label_th: ind.label_th, label_en: ind.label_en, value };
    if (base !== undefined && share !== undefined) {
      m.pct = share;
      m.pctOf = base === 'expected' ? 'expected' : base.indicator;
    }
    if (target !== undefined) {
      m.target = target;
      m.status = statusOf(share === undefined || share === null ? null : (share / target) * 100);
    }
    return m;
  });
}
