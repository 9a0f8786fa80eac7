import type { Aggregate, ItemAggregate, KpiAggregate, ProjectAggregate, ProjectCutoff } from './aggregate';

/** +1 merges a share into an aggregate, −1 takes it out again. */
export type Sign = 1 | -1;

/** Adds numbers key by key; a count that comes back to 0 is dropped (a unit, an item no return reports). */
function addRecord(a: Record<string, number>, b: Record<string, number>, sign: Sign, dropZero: boolean): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const n = (out[k] ?? 0) + sign * v;
    if (dropZero && n === 0) delete out[k];
    else out[k] = n;
  }
  return out;
}

const addArray = (a: number[], b: number[], sign: Sign) => a.map((x, i) => x + sign * (b[i] ?? 0));

/** Merges records of counted lines (`n` returns each): a line whose count comes back to 0 is dropped. */
function addLines<L extends { n: number }>(a: Record<string, L>, b: Record<string, L>, sign: Sign, add: (x: L, y: L) => L, none: () => L): Record<string, L> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const merged = add(out[k] ?? none(), v);
    if (merged.n === 0) delete out[k];
    else out[k] = merged;
  }
  return out;
}

function mergeCutoff(a: ProjectCutoff, b: ProjectCutoff, sign: Sign): ProjectCutoff {
  return {
    withProgress: a.withProgress + sign * b.withProgress,
    progressSum: a.progressSum + sign * b.progressSum,
    completed: a.completed + sign * b.completed,
    completedOnTarget: a.completedOnTarget + sign * b.completedOnTarget,
    onPlan: a.onPlan + sign * b.onPlan,
    onTarget: a.onTarget + sign * b.onTarget,
    behind: a.behind + sign * b.behind,
    disbursed: a.disbursed + sign * b.disbursed,
  };
}

function mismatch(a: Aggregate, b: Aggregate): Error {
  return new Error(`an aggregate of kind "${a.kind}" cannot take a share of kind "${b.kind}"`);
}

/**
 * `a` with `b` merged in (sign +1) or taken out (−1). Pure; every figure is a sum, so merging
 * is commutative and taking out what was merged restores the aggregate (up to rounding of
 * fractional sums).
 */
export function mergeAggregate(a: Aggregate, b: Aggregate, sign: Sign): Aggregate {
  const common = { returns: a.returns + sign * b.returns, units: addRecord(a.units, b.units, sign, true) };
  switch (a.kind) {
    case 'indicators':
      if (b.kind !== a.kind) throw mismatch(a, b);
      return { kind: a.kind, ...common, sums: addRecord(a.sums, b.sums, sign, false), flags: addRecord(a.flags, b.flags, sign, false) };
    case 'itemTotals': {
      if (b.kind !== a.kind) throw mismatch(a, b);
      type Line = ItemAggregate['items'][string];
      const add = (x: Line, y: Line): Line => ({ n: x.n + sign * y.n, totals: addRecord(x.totals, y.totals, sign, false) });
      return { kind: a.kind, ...common, items: addLines(a.items, b.items, sign, add, () => ({ n: 0, totals: {} })) };
    }
    case 'projects': {
      if (b.kind !== a.kind) throw mismatch(a, b);
      const out: ProjectAggregate = {
        kind: a.kind,
        ...common,
        budget: a.budget + sign * b.budget,
        reporting: addRecord(a.reporting, b.reporting, sign, true),
        cutoffs: a.cutoffs.map((c, i) => mergeCutoff(c, b.cutoffs[i], sign)),
      };
      return out;
    }
    case 'kpiCatalog': {
      if (b.kind !== a.kind) throw mismatch(a, b);
      type Results = KpiAggregate['results'][string];
      type Plan = KpiAggregate['plans'][string];
      const addResults = (x: Results, y: Results): Results => ({ n: x.n + sign * y.n, byQuarter: addArray(x.byQuarter, y.byQuarter, sign) });
      const addPlan = (x: Plan, y: Plan): Plan => ({
        n: x.n + sign * y.n,
        annual: x.annual + sign * y.annual,
        targets: addArray(x.targets, y.targets, sign),
        annualOrCumulative: x.annualOrCumulative + sign * y.annualOrCumulative,
      });
      return {
        kind: a.kind,
        ...common,
        results: addLines(a.results, b.results, sign, addResults, () => ({ n: 0, byQuarter: [0, 0, 0, 0] })),
        plans: addLines(a.plans, b.plans, sign, addPlan, () => ({ n: 0, annual: 0, targets: [0, 0, 0, 0], annualOrCumulative: 0 })),
      };
    }
    case 'rowCounts': {
      if (b.kind !== a.kind) throw mismatch(a, b);
      const counts = { ...a.counts };
      for (const [id, byChoice] of Object.entries(b.counts)) counts[id] = addRecord(counts[id] ?? {}, byChoice, sign, true);
      return { kind: a.kind, ...common, counts };
    }
  }
}
