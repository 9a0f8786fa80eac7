import type { CatalogItem } from '../forms/formDef';
import type { KpiCatalogConsolidation } from '../forms/consolidationDef';
import type { CheckedReturn } from '../check/checkedReturn';
import { asNumber as n } from '../check/valueAs';
import type { Measure } from './tally';
import { kpiContribution, type Contribution, type KpiContribution, type KpiLine } from './contribution';
import type { KpiAggregate } from './aggregate';
import { quarterNumberOf } from '../period/periodCodeList';
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
const QUARTERS = [1, 2, 3, 4];
const sum = (xs: (number | null | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

/**
 * A unit's share of the aggregate of quarter `upTo`, from its returns of the year by period:
 * the results of each quarter up to it, and for each KPI its latest line up to it (targets are
 * restated each quarter; the latest return that has the line counts).
 */
export function kpiShare(returns: Partial<Record<string, Contribution>>, upTo: number, orgUnit: string): KpiAggregate | null {
  const lines = (q: number) => {
    const c = returns[`Q${q}`];
    return c ? kpiContribution(c).items : undefined;
  };
  const share: KpiAggregate = { kind: 'kpiCatalog', returns: 0, units: lines(upTo) ? { [orgUnit]: 1 } : {}, results: {}, plans: {} };
  for (const q of QUARTERS.filter((x) => x <= upTo)) {
    const items = lines(q);
    if (!items) continue;
    share.returns = 1;
    for (const [code, line] of Object.entries(items)) {
      const r = (share.results[code] ??= { n: 1, byQuarter: [0, 0, 0, 0] });
      r.byQuarter[q - 1] += line.result ?? 0;
      share.plans[code] = planOf(line); // later quarters replace earlier ones
    }
  }
  return share.returns ? share : null;
}

function planOf(l: KpiLine): KpiAggregate['plans'][string] {
  return { n: 1, annual: l.annual ?? 0, targets: QUARTERS.map((q) => l.targets[q - 1] ?? 0), annualOrCumulative: l.annual ?? l.cumulative ?? 0 };
}

/**
 * CODI semantics: results add up over quarters and regions; cumulative target through Q
 * = Σ targets Q1..Q; remaining target of Q = cumulative target through Q − cumulative
 * result through Q−1; status by % of target to date; ratio KPIs sum numerators and
 * denominators first, then divide.
 */
export function kpiMeasures(agg: KpiAggregate, catalog: readonly CatalogItem[], period: string): Measure[] {
  const Q = quarterOf(period);
  const quarters = QUARTERS;
  const resultOf = (code: string, q: number) => (q > Q ? null : (agg.results[code]?.byQuarter[q - 1] ?? 0));
  const plan = (code: string) => agg.plans[code];

  const out: Measure[] = [];
  for (const item of catalog) {
    if (item.kind === 'numerator' || item.kind === 'denominator') continue;
    const base = { id: item.code, label_th: item.name_th, label_en: item.name_en, unit: item.unit };
    const ratio = catalog.find((c) => c.ratioOf === item.code && c.kind === 'numerator');
    if (ratio) {
      const den = catalog.find((c) => c.ratioOf === item.code && c.kind === 'denominator')!;
      // Numerator: cumulative disbursement (results add up); denominator: the annual spending plan.
      const denominator = plan(den.code)?.annualOrCumulative ?? 0;
      const resultQ = (q: number) => resultOf(ratio.code, q);
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
    const annual = plan(item.code)?.annual ?? 0;
    const targets = quarters.map((q) => plan(item.code)?.targets[q - 1] ?? 0);
    const results = quarters.map((q) => resultOf(item.code, q));
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
