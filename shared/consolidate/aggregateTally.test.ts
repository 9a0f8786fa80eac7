import fc from 'fast-check';
import type { FormDef, CatalogItem } from '../forms/formDef';
import type { IndicatorConsolidation, ItemTotalsConsolidation, ProjectConsolidation, RowCountsConsolidation } from '../forms/consolidationDef';
import type { GroupBy, Measure, Tally, TallyEntry, TallyGroup } from './tally';
import { indicatorContribution, itemContribution, kpiContribution, projectContribution, type Contribution, type KpiLine } from './contribution';
import { fiscalMonthsOf, isPeriodCode, periodsOfKind, quarterNumberOf } from '../period/periodCode';
import { pct, scoreFromTiers, statusOf } from './trafficLight';
import { allGroups, expectedIn, expectedUnits, groupOf } from './groups';
import { consolidateReturns, periodsRead, tallyPeriodKinds, validGroupings } from './consolidateReturns';
import { aggregateKeyText, foldAggregates, returnIdentity } from './foldAggregates';
import { applyChange, tallyChanges } from './tallyDelta';
import type { Aggregate } from './aggregate';
import { aggregateDifferences, differences } from './aggregateDifferences';
import type { ReturnState } from './shares';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';

/** The built-in definitions (`forms/*.json`), every year alike. */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []).forYear(null);
const formById = (id: string) => BUILT_IN.formById(id);
const UNITS = BUILT_IN.units;

// ---------------------------------------------------------------------------------------
// The oracle: the per-return consolidation as it was before running aggregates (every
// current return's contribution read and added up at each tally), kept unchanged.
// ---------------------------------------------------------------------------------------

function refIndicatorMeasures(entries: TallyEntry[], def: IndicatorConsolidation, expected: number): Measure[] {
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

const quarterOf = (period: string) => quarterNumberOf(period) ?? 0;
const sum = (xs: (number | null | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
function refKpiMeasures(entries: TallyEntry[], catalog: readonly CatalogItem[], period: string): Measure[] {
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

function periodMonths(period: string): { from: number; to: number } {
  return fiscalMonthsOf(isPeriodCode(period) ? period : 'FY');
}
const M = (id: string, th: string, en: string, value: number | null, extra: Partial<Measure> = {}): Measure => ({ id, label_th: th, label_en: en, value, ...extra });
function refProjectMeasures(entries: TallyEntry[], def: ProjectConsolidation, period: string): Measure[] {
  const { from, to } = periodMonths(period);
  const ps = entries.map((e) => projectContribution(e.contribution));
  const latest = ps.map((p) => {
    for (let m = to; m >= 1; m--) if (p.months[m]?.progress !== null && p.months[m]) return p.months[m];
    return undefined;
  });
  const withProgress = latest.flatMap((l) => (l && l.progress !== null ? [{ ...l, progress: l.progress }] : []));
  const completed = withProgress.filter((l) => l.progress >= 100);
  const completedOnTarget = completed.filter((l) => l.onTarget === true);
  const budget = ps.reduce((a, p) => a + p.budget, 0);
  let disbursed = 0;
  for (const p of ps) {
    disbursed += p.undatedDisbursed;
    for (let m = 1; m <= to; m++) disbursed += p.months[m]?.disbursed ?? 0;
  }
  const elapsed = (to / 12) * 100;
  const behind = withProgress.filter((l) => l.progress < elapsed - def.behindByPoints).length;
  const projects = ps.length;
  const shareOnTarget = pct(completedOnTarget.length, projects);
  const reporting = ps.filter((p) => Object.keys(p.months).some((m) => +m >= from && +m <= to)).length;
  const onPlan = withProgress.filter((l) => l.onPlan === true).length;
  const onTarget = withProgress.filter((l) => l.onTarget === true).length;
  return [
    M('projects', 'โครงการทั้งหมด', 'Projects', projects),
    M('projects_reporting', 'โครงการที่รายงานในงวด', 'Projects reporting in the period', reporting, { pct: pct(reporting, projects), pctOf: 'projects' }),
    M('latest_progress', 'ความก้าวหน้าล่าสุดเฉลี่ย (ร้อยละ)', 'Latest progress, mean (%)', withProgress.length ? withProgress.reduce((a, l) => a + l.progress, 0) / withProgress.length : null, {
      unit: 'ร้อยละ',
    }),
    M('completed', 'โครงการที่แล้วเสร็จ (100%)', 'Projects completed (100%)', completed.length, { pct: pct(completed.length, projects), pctOf: 'projects' }),
    M('on_plan', 'เป็นไปตามแผน', 'On plan', onPlan, { pct: pct(onPlan, projects), pctOf: 'projects' }),
    M('on_target', 'เป็นไปตามเป้าหมาย', 'On target', onTarget, { pct: pct(onTarget, projects), pctOf: 'projects' }),
    M('completed_on_target', 'โครงการที่แล้วเสร็จตามเป้าหมาย', 'Projects completed on target', completedOnTarget.length, {
      pct: shareOnTarget,
      pctOf: 'projects',
      target: def.completedOnTargetGoal,
      status: statusOf(shareOnTarget === null ? null : (shareOnTarget / def.completedOnTargetGoal) * 100),
    }),
    M('budget_received', 'งบประมาณที่ได้รับ', 'Budget received', budget, { unit: 'บาท' }),
    M('budget_disbursed', 'งบประมาณที่เบิกจ่าย', 'Budget disbursed', disbursed, { unit: 'บาท', pct: pct(disbursed, budget), pctOf: 'budget_received' }),
    M('behind_schedule', 'โครงการที่ล่าช้ากว่าแผน', 'Projects behind schedule', behind, { pct: pct(behind, projects), pctOf: 'projects' }),
  ];
}

function refItemMeasures(entries: TallyEntry[], def: ItemTotalsConsolidation, form: FormDef): Measure[] {
  const label = (c: string) => form.table?.columns.find((x) => x.id === c) ?? { label_th: c, label_en: c };
  const order: string[] = [];
  const totals = new Map<string, Record<string, number>>();
  const reporting = new Map<string, number>();
  for (const e of entries) {
    for (const [key, line] of Object.entries(itemContribution(e.contribution).items)) {
      if (!totals.has(key)) {
        order.push(key);
        totals.set(key, {});
      }
      const t = totals.get(key)!;
      for (const c of def.columns) t[c] = (t[c] ?? 0) + (line[c] ?? 0);
      reporting.set(key, (reporting.get(key) ?? 0) + 1);
    }
  }
  const out: Measure[] = [];
  for (const c of def.columns) {
    const l = label(c);
    out.push({ id: `total:${c}`, label_th: `รวม ${l.label_th}`, label_en: `Total ${l.label_en}`, value: order.reduce((a, k) => a + totals.get(k)![c], 0) });
  }
  for (const key of order) {
    for (const c of def.columns) {
      const l = label(c);
      out.push({ id: `item:${key}:${c}`, label_th: `${key} — ${l.label_th}`, label_en: `${key} — ${l.label_en}`, value: totals.get(key)![c] });
    }
    out.push({ id: `item:${key}:returns`, label_th: `${key} — จำนวนที่รายงาน`, label_en: `${key} — returns reporting`, value: reporting.get(key)! });
  }
  return out;
}

/** Rows by choice of the period's own returns (a quarter is a status, not a running sum): each count's total, then every choice of its list. */
function refRowCountsMeasures(entries: TallyEntry[], def: RowCountsConsolidation, form: FormDef): Measure[] {
  const sum = (count: string, choice?: string) =>
    entries.reduce((a, e) => {
      const byChoice = e.contribution.kind === 'rowCounts' ? (e.contribution.counts[count] ?? {}) : {};
      return a + (choice === undefined ? Object.values(byChoice).reduce((x, n) => x + n, 0) : (byChoice[choice] ?? 0));
    }, 0);
  const out: Measure[] = def.counts.map((c) => ({ id: `total:${c.id}`, label_th: c.label_th, label_en: c.label_en, value: sum(c.id) }));
  const listOf = (column: string) => form.table?.columns.find((x) => x.id === column)?.choices;
  const seen = new Set<string>();
  for (const choice of form.choices ?? []) {
    if (seen.has(choice.label_th) || !def.counts.some((c) => listOf(c.column) === choice.list)) continue;
    seen.add(choice.label_th);
    for (const c of def.counts.filter((x) => listOf(x.column) === choice.list))
      out.push({ id: `item:${choice.label_th}:${c.id}`, label_th: `${choice.label_th} — ${c.label_th}`, label_en: `${choice.label_en} — ${c.label_en}`, value: sum(c.id, choice.id) });
  }
  return out;
}

function refMeasuresOf(form: FormDef, entries: TallyEntry[], period: string, expected: number): Measure[] {
  const c = form.consolidation;
  switch (c.kind) {
    case 'indicators':
      return refIndicatorMeasures(entries, c, expected);
    case 'kpiCatalog':
      return refKpiMeasures(entries, form.catalog ?? [], period);
    case 'projects':
      return refProjectMeasures(entries, c, period);
    case 'itemTotals':
      return refItemMeasures(entries, c, form);
    case 'rowCounts':
      return refRowCountsMeasures(entries, c, form);
  }
}

function referenceConsolidation(form: FormDef, entries: readonly TallyEntry[], q: { fiscalYear: number; period: string; by: GroupBy }): Tally {
  // Rows counted by choice read the quarter's own returns; other quarterly kinds add up the quarters to date.
  const periods = new Set(form.consolidation.kind === 'rowCounts' ? [q.period] : periodsRead(form, q.period));
  const expectedOf = expectedUnits(form, UNITS);
  const relevant = entries.filter((e) => e.fiscalYear === q.fiscalYear && periods.has(e.period));
  const groups = new Map(allGroups(UNITS, q.by, expectedOf).map((g) => [g.code, g]));
  for (const e of relevant) {
    const g = groupOf(UNITS, e.orgUnit, q.by);
    if (g && !groups.has(g.code)) groups.set(g.code, g); // e.g. a department reporting beside districts
  }
  const receivedPeriod = form.period.kind === 'quarter' ? q.period : 'FY';
  const out: TallyGroup[] = [];
  for (const g of groups.values()) {
    const mine = relevant.filter((e) => groupOf(UNITS, e.orgUnit, q.by)?.code === g.code);
    const expected = Math.max(expectedIn(UNITS, g, expectedOf).length, 1);
    const ofPeriod = mine.filter((e) => e.period === receivedPeriod);
    const received = new Set(ofPeriod.map((e) => e.orgUnit)).size;
    const counts = { returns: ofPeriod.length, accepted: ofPeriod.filter((e) => e.accepted).length };
    out.push({ orgUnit: g.code, name_th: g.name_th, name_en: g.name_en, received, expected, ...counts, measures: refMeasuresOf(form, mine, q.period, expected) });
  }
  const ofPeriod = relevant.filter((e) => e.period === receivedPeriod);
  const returns = { included: ofPeriod.length, accepted: ofPeriod.filter((e) => e.accepted).length };
  return { formId: form.id, fiscalYear: q.fiscalYear, period: q.period, by: q.by, returns, groups: out };
}

// ---------------------------------------------------------------------------------------
// Generators: contributions of each form's kind, drawn from fast-check's seeded source.
// ---------------------------------------------------------------------------------------

const FORM_IDS = ['bma-community-plan-return', 'bma-project-progress', 'codi-quarterly-kpi', 'welfare-fund-tally'] as const;
const SEED = 20251123;

const money = fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 100);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

function contributionArb(form: FormDef): fc.Arbitrary<Contribution> {
  const c = form.consolidation;
  switch (c.kind) {
    case 'indicators': {
      const sums = c.indicators.flatMap((i) => (i.kind === 'sum' ? [i.field] : []));
      const flags = c.indicators.flatMap((i) => (i.kind === 'countUnits' ? [i.id] : []));
      return fc
        .record({
          sums: fc.tuple(...sums.map(() => money)),
          flags: fc.tuple(...flags.map(() => fc.constantFrom<0 | 1>(0, 1))),
        })
        .map(({ sums: s, flags: f }) => ({ kind: 'indicators', sums: Object.fromEntries(sums.map((k, i) => [k, s[i]])), flags: Object.fromEntries(flags.map((k, i) => [k, f[i]])) }));
    }
    case 'itemTotals':
      return fc
        .dictionary(fc.constantFrom('ผู้สูงอายุ', 'คนพิการ', 'เด็กแรกเกิด', 'ผู้ป่วย'), fc.record({ persons: fc.integer({ min: 0, max: 500 }), amount: money }), { maxKeys: 4 })
        .map((items) => ({ kind: 'itemTotals', items }));
    case 'projects': {
      const line = fc.record({
        date: fc.constantFrom('2563-10-15', '2564-01-20', '2564-06-30'),
        progress: maybe(fc.integer({ min: 0, max: 100 })),
        onPlan: maybe(fc.boolean()),
        onTarget: maybe(fc.boolean()),
        disbursed: money,
        reports: fc.integer({ min: 1, max: 3 }),
      });
      return fc.record({ budget: money, months: fc.dictionary(fc.integer({ min: 1, max: 12 }).map(String), line, { maxKeys: 6 }), undatedDisbursed: money }).map((p) => ({ kind: 'projects', ...p }));
    }
    case 'kpiCatalog': {
      const codes = (form.catalog ?? []).map((i) => i.code);
      const amount = maybe(fc.integer({ min: 0, max: 100_000 }));
      const line = fc.record({ annual: amount, targets: fc.tuple(amount, amount, amount, amount), result: amount, cumulative: amount });
      return fc.dictionary(fc.constantFrom(...codes), line, { maxKeys: codes.length }).map((items) => ({ kind: 'kpiCatalog', items }));
    }
    case 'rowCounts': {
      const listOf = (column: string) => (form.choices ?? []).filter((ch) => ch.list === form.table?.columns.find((x) => x.id === column)?.choices).map((ch) => ch.id);
      const counts = c.counts.map((count) => fc.dictionary(fc.constantFrom(...listOf(count.column)), fc.integer({ min: 1, max: 6 })));
      return fc.tuple(...counts).map((byCount) => ({ kind: 'rowCounts', counts: Object.fromEntries(c.counts.map((count, i) => [count.id, byCount[i]])) }));
    }
  }
}

/** Reporting units of the form's level, and one unit of another kind (a department beside districts). */
function unitsFor(form: FormDef): string[] {
  const kinds: readonly string[] = form.consolidation.expectedKinds;
  const own = UNITS.all.filter((u) => kinds.includes(u.kind)).slice(0, 8);
  const other = kinds.includes('district') ? UNITS.all.filter((u) => u.kind === 'department') : [];
  return [...own, ...other].map((u) => u.code);
}

const periodsOf = (form: FormDef) => (form.period.kind === 'quarter' ? periodsOfKind('quarter') : ['FY']);

/** A step: a return (unit, subject, period) gets a new contribution, or (for accepted-only tallies) is withdrawn. */
function stepArb(form: FormDef) {
  return fc.record({
    orgUnit: fc.constantFrom(...unitsFor(form)),
    subject: form.subjectFields?.length ? fc.constantFrom('A', 'B', 'C') : fc.constant(null),
    period: fc.constantFrom(...periodsOf(form)),
    contribution: fc.option(contributionArb(form), { nil: null, freq: 6 }),
  });
}

type Step = { orgUnit: string; subject: string | null; period: string; contribution: Contribution | null };

/** Runs steps through the incremental path (changes applied one by one) and returns the aggregates and the final entries. */
function maintain(form: FormDef, steps: Step[]): { aggregates: Map<string, Aggregate>; entries: TallyEntry[] } {
  const states = new Map<string, { orgUnit: string; subject: string | null; state: ReturnState }>();
  const aggregates = new Map<string, Aggregate>();
  for (const s of steps) {
    const id = returnIdentity(s);
    const before = states.get(id)?.state ?? {};
    const after: ReturnState = { ...before };
    if (s.contribution) after[s.period] = s.contribution;
    else delete after[s.period];
    states.set(id, { orgUnit: s.orgUnit, subject: s.subject, state: after });
    for (const ch of tallyChanges(form, UNITS, s.orgUnit, before, after)) {
      const k = aggregateKeyText(ch.key);
      const next = applyChange(form, aggregates.get(k) ?? null, ch);
      if (next) aggregates.set(k, next);
      else aggregates.delete(k);
    }
  }
  const entries: TallyEntry[] = [];
  // Some marked accepted (by a fixed rule), so the counts of accepted returns are compared too.
  for (const { orgUnit, subject, state } of states.values())
    for (const [period, contribution] of Object.entries(state))
      if (contribution) entries.push({ orgUnit, subject, fiscalYear: 2564, period, submittedAt: '', contribution, accepted: (orgUnit.charCodeAt(orgUnit.length - 1) + period.length) % 2 === 0 });
  return { aggregates, entries };
}

const RUNS = { seed: SEED, numRuns: 150 };

describe('running aggregates', () => {
  test.each(FORM_IDS)('%s: after random submissions, resubmissions and withdrawals, the maintained aggregates equal a fold of the current contributions', (formId) => {
    const form = formById(formId)!;
    fc.assert(
      fc.property(fc.array(stepArb(form), { minLength: 1, maxLength: 40 }), (steps) => {
        const { aggregates, entries } = maintain(form, steps);
        const folded = new Map(foldAggregates(form, UNITS, entries).map((a) => [aggregateKeyText(a.key), a.aggregate]));
        expect([...aggregates.keys()].sort()).toEqual([...folded.keys()].sort());
        for (const [k, a] of folded) expect(aggregateDifferences(aggregates.get(k) ?? null, a)).toEqual([]);
      }),
      RUNS,
    );
  });

  test.each(FORM_IDS)('%s: every tally from aggregates gives the figures of the per-return consolidation (every period and grouping)', (formId) => {
    const form = formById(formId)!;
    const tallyPeriods = tallyPeriodKinds(form).flatMap(periodsOfKind);
    fc.assert(
      fc.property(fc.array(stepArb(form), { minLength: 0, maxLength: 30 }), fc.constantFrom(...tallyPeriods), fc.constantFrom(...validGroupings(form, UNITS)), (steps, period, by) => {
        const { entries } = maintain(form, steps);
        const q = { fiscalYear: 2564, period, by };
        const sortItems = (t: Tally) => ({
          ...t,
          groups: t.groups.map((g) => ({ ...g, measures: [...g.measures].sort((a, b) => a.id.localeCompare(b.id)) })).sort((a, b) => a.orgUnit.localeCompare(b.orgUnit)),
        });
        expect(differences(sortItems(consolidateReturns(form, UNITS, entries, q)), sortItems(referenceConsolidation(form, entries, q)))).toEqual([]);
      }),
      RUNS,
    );
  });

  test('a resubmission takes out exactly the previous share: submitting a version and then the previous one again restores the aggregates', () => {
    const form = formById('bma-project-progress')!;
    fc.assert(
      fc.property(stepArb(form), contributionArb(form), (first, second) => {
        if (!first.contribution) return;
        const a = maintain(form, [first]).aggregates;
        const b = maintain(form, [first, { ...first, contribution: second }, first]).aggregates;
        for (const [k, v] of a) expect(aggregateDifferences(b.get(k) ?? null, v)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('KPI targets as of a quarter', () => {
  const form = formById('codi-quarterly-kpi')!;
  const line = (annual: number, result: number): KpiLine => ({ annual, targets: [annual / 4, annual / 4, annual / 4, annual / 4], result, cumulative: null });
  const kpi = (items: Record<string, KpiLine>): Contribution => ({ kind: 'kpiCatalog', items });

  test('a later quarter restates the targets: the latest return with the line counts, results of every quarter add up', () => {
    const { aggregates } = maintain(form, [
      { orgUnit: 'N', subject: null, period: 'Q1', contribution: kpi({ '5.1': line(100, 10) }) },
      { orgUnit: 'N', subject: null, period: 'Q2', contribution: kpi({ '5.1': line(200, 30) }) },
    ]);
    const q1 = aggregates.get('Q1|hq|CODI');
    const q3 = aggregates.get('Q3|hq|CODI');
    expect(q1?.kind === 'kpiCatalog' && q1.plans['5.1'].annual).toBe(100);
    expect(q3?.kind === 'kpiCatalog' && q3.plans['5.1'].annual).toBe(200);
    expect(q3?.kind === 'kpiCatalog' && q3.results['5.1'].byQuarter).toEqual([10, 30, 0, 0]);
    // Q3 has no return of its own: nothing received in it.
    expect(q3 && Object.keys(q3.units)).toEqual([]);
  });

  test('replacing the Q2 return changes the targets of Q2–Q4 but not of a unit whose Q3 restates them', () => {
    const steps: Step[] = [
      { orgUnit: 'N', subject: null, period: 'Q2', contribution: kpi({ '5.1': line(200, 30) }) },
      { orgUnit: 'S', subject: null, period: 'Q2', contribution: kpi({ '5.1': line(50, 5) }) },
      { orgUnit: 'S', subject: null, period: 'Q3', contribution: kpi({ '5.1': line(60, 6) }) },
      { orgUnit: 'S', subject: null, period: 'Q2', contribution: kpi({ '5.1': line(70, 7) }) },
    ];
    const q3 = maintain(form, steps).aggregates.get('Q3|hq|CODI');
    expect(q3?.kind === 'kpiCatalog' && q3.plans['5.1'].annual).toBe(200 + 60);
    const q2 = maintain(form, steps).aggregates.get('Q2|hq|CODI');
    expect(q2?.kind === 'kpiCatalog' && q2.plans['5.1'].annual).toBe(200 + 70);
  });
});
