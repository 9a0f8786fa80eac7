import type { IndicatorConsolidation } from '../forms/consolidationDef';
import type { CheckedReturn } from '../check/checkedReturn';
import { asNumber } from '../check/valueAs';
import type { Measure, TallyEntry } from './tally';
import { indicatorContribution, type IndicatorContribution } from './contribution';
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

/** Sums and unit counts over a group's returns; percentages of their base, computed unrounded. */
export function indicatorMeasures(entries: TallyEntry[], def: IndicatorConsolidation, expected: number): Measure[] {
  const cs = entries.map((e) => indicatorContribution(e.contribution));
  const values = new Map<string, number>();
  for (const ind of def.indicators) {
    if (ind.kind === 'returns') values.set(ind.id, new Set(entries.map((e) => e.orgUnit)).size);
    else if (ind.kind === 'sum')
      values.set(
        ind.id,
        cs.reduce((a, c) => a + (c.sums[ind.field] ?? 0), 0),
      );
    else
      values.set(
        ind.id,
        cs.reduce((a, c) => a + (c.flags[ind.id] ?? 0), 0),
      );
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
