import type { CatalogItem } from '../forms/formDef';
import type { KpiCatalogConsolidation } from '../forms/consolidationDef';
import type { CheckedReturn } from '../check/checkedReturn';
import { asNumber as n } from '../check/valueAs';
import type { Measure, TallyEntry } from './tally';
import { kpiContribution, type KpiContribution, type KpiLine } from './contribution';
import { quarterNumberOf } from '../period/periodCode';
import { pct, scoreFromTiers, statusOf } from './trafficLight';

/** A quarterly return's share: each KPI line's targets, this quarter's result and the cumulative. */
export function contributeKpis(ret: CheckedReturn, def: KpiCatalogConsolidation): KpiContribution {
  const items: KpiContribution['items'] = {};
  const c = def.columns;
  for (const row of ret.rows) {
    if (row.kind !== 'item' || row.values[c.code] === null) continue;
    items[String(row.values[c.code])] = {
      annual: n(row.values[c.annualTarget]),
      targets: c.quarterTargets.map((t) => n(row.values[t])),
      result: n(row.values[c.result]),
      cumulative: n(row.values[c.cumulative]),
    };
  }
  return { kind: 'kpiCatalog', items };
}

/** The quarter a period names; 0 (no quarter yet) for anything else. */
const quarterOf = (period: string) => quarterNumberOf(period) ?? 0;
const sum = (xs: (number | null | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

/**
 * CODI semantics: results add up over quarters and regions; cumulative target through Q
 * = Σ targets Q1..Q; remaining target of Q = cumulative target through Q − cumulative
 * result through Q−1; status by % of target to date; ratio KPIs sum numerators and
 * denominators first, then divide.
 */
export function kpiMeasures(entries: TallyEntry[], catalog: readonly CatalogItem[], period: string): Measure[] {
  const Q = quarterOf(period);
  const units = [...new Set(entries.map((e) => e.orgUnit))];
  // Per unit: its return of each quarter; its latest return up to Q carries the targets.
  const line = (unit: string, q: number, code: string): KpiLine | undefined => {
    const entry = entries.find((e) => e.orgUnit === unit && quarterOf(e.period) === q);
    return entry && kpiContribution(entry.contribution).items[code];
  };
  const latest = (unit: string, code: string): KpiLine | undefined => {
    for (let q = Q; q >= 1; q--) if (line(unit, q, code)) return line(unit, q, code);
    return undefined;
  };
  const quarters = [1, 2, 3, 4];

  const out: Measure[] = [];
  for (const item of catalog) {
    if (item.kind === 'numerator' || item.kind === 'denominator') continue;
    const base = { id: item.code, label_th: item.name_th, label_en: item.name_en, unit: item.unit };
    const ratio = catalog.find((c) => c.ratioOf === item.code && c.kind === 'numerator');
    if (ratio) {
      const den = catalog.find((c) => c.ratioOf === item.code && c.kind === 'denominator')!;
      // Numerator: cumulative disbursement (results add up); denominator: the annual spending plan.
      const denominator = sum(units.map((u) => latest(u, den.code)?.annual ?? latest(u, den.code)?.cumulative));
      const resultQ = (q: number) => (q > Q ? null : sum(units.map((u) => line(u, q, ratio.code)?.result)));
      const numerator = sum(quarters.filter((q) => q <= Q).map(resultQ));
      const value = pct(numerator, denominator);
      const targetToDate = item.cumulativeTargetsPct?.[Q - 1] ?? null;
      const pctToDate = value !== null && targetToDate ? (value / targetToDate) * 100 : null;
      out.push({
        ...base,
        value,
        annualTarget: item.cumulativeTargetsPct?.[3] ?? null,
        targetToDate,
        byQuarter: quarters.map((q) => (q > Q ? null : pct(resultQ(q)!, denominator))),
        pctOfTargetToDate: pctToDate,
        status: statusOf(pctToDate),
        numerator,
        denominator,
      });
      continue;
    }
    const annual = sum(units.map((u) => latest(u, item.code)?.annual));
    const targets = quarters.map((q) => sum(units.map((u) => latest(u, item.code)?.targets[q - 1])));
    const results = quarters.map((q) => (q > Q ? null : sum(units.map((u) => line(u, q, item.code)?.result))));
    const cumTarget = (q: number) => sum(targets.slice(0, q));
    const cumResult = (q: number) => sum(results.slice(0, q));
    const remaining = (q: number) => (q > Q ? null : cumTarget(q) - cumResult(q - 1));
    const quarterPct = (q: number) => {
      const r = remaining(q);
      return r !== null && r > 0 ? (results[q - 1]! / r) * 100 : null;
    };
    const cumulative = cumResult(Q);
    const targetToDate = cumTarget(Q);
    const pctToDate = !item.annualOnly && targetToDate > 0 ? (cumulative / targetToDate) * 100 : null;
    out.push({
      ...base,
      value: cumulative,
      annualTarget: annual,
      targetToDate,
      byQuarter: results,
      pctOfAnnual: pct(cumulative, annual),
      pctOfTargetToDate: pctToDate,
      remainingTarget: remaining(Q),
      periodPct: quarterPct(Q),
      quarterRemaining: quarters.map(remaining),
      quarterPct: quarters.map(quarterPct),
      status: statusOf(pctToDate),
      score: item.tiers ? scoreFromTiers(cumulative, item.tiers) : null,
    });
  }
  return out;
}
