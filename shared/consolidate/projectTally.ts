import type { ProjectConsolidation } from '../forms/consolidationDef';
import type { CheckedReturn } from '../check/checkedReturn';
import { fiscalMonthOf, fiscalYearOf } from '../period/fiscalCalendar';
import { PERIOD_CODES, fiscalMonthsOf, isPeriodCode } from '../period/periodCodeList';
import { asBoolean, asNumber, asString } from '../check/valueAs';
import type { Measure } from './tally';
import { projectContribution, type Contribution, type MonthLine, type ProjectContribution } from './contribution';
import type { ProjectAggregate, ProjectCutoff } from './aggregate';
import { pct, statusOf } from './trafficLight';

/** A project's share: its budget and, per fiscal month, its last report and the money disbursed. */
export function contributeProject(ret: CheckedReturn, def: ProjectConsolidation): ProjectContribution {
  const c = def.columns;
  const out: ProjectContribution = { kind: 'projects', budget: asNumber(ret.fields[def.fields.budget]) ?? 0, months: {}, undatedDisbursed: 0 };
  for (const row of ret.rows) {
    if (row.kind !== 'item') continue;
    const disbursed = asNumber(row.values[c.disbursed]) ?? 0;
    const date = asString(row.values[c.date]);
    if (date === null || (ret.fiscalYear && fiscalYearOf(date) !== ret.fiscalYear)) {
      out.undatedDisbursed += disbursed;
      continue;
    }
    const m = String(fiscalMonthOf(date));
    const prev = out.months[m];
    const later = !prev || date >= prev.date;
    out.months[m] = {
      date: later ? date : prev.date,
      progress: later ? asNumber(row.values[c.progress]) : prev.progress,
      onPlan: later ? asBoolean(row.values[c.onPlan]) : prev.onPlan,
      onTarget: later ? asBoolean(row.values[c.onTarget]) : prev.onTarget,
      disbursed: (prev?.disbursed ?? 0) + disbursed,
      reports: (prev?.reports ?? 0) + 1,
    };
  }
  return out;
}

/** Months covered by a tally period (FY, Q1–Q4 or M01–M12, counted from October); anything else reads as FY. */
function periodMonths(period: string): { from: number; to: number } {
  return fiscalMonthsOf(isPeriodCode(period) ? period : 'FY');
}

/** The report a cut-off at fiscal month `to` counts: the latest month up to it with a progress figure. */
function latestUpTo(p: ProjectContribution, to: number): MonthLine | undefined {
  for (let m = to; m >= 1; m--) if (p.months[m] && p.months[m].progress !== null) return p.months[m];
  return undefined;
}

/**
 * A project's share of an aggregate: for every cut-off month, what its latest report counts
 * for (with progress, completed, on plan …, behind the elapsed share of the year) and the
 * money disbursed up to it; for every tally period, whether it reported in it.
 */
export function projectShare(c: Contribution, def: ProjectConsolidation, orgUnit: string, received: boolean): ProjectAggregate {
  const p = projectContribution(c);
  const reporting: Record<string, number> = {};
  for (const code of PERIOD_CODES) {
    const { from, to } = fiscalMonthsOf(code);
    reporting[code] = Object.keys(p.months).some((m) => +m >= from && +m <= to) ? 1 : 0;
  }
  let disbursed = p.undatedDisbursed;
  const cutoffs: ProjectCutoff[] = [];
  for (let to = 1; to <= 12; to++) {
    disbursed += p.months[to]?.disbursed ?? 0;
    const l = latestUpTo(p, to);
    const progress = l?.progress ?? null;
    const completed = progress !== null && progress >= 100;
    const elapsed = (to / 12) * 100;
    cutoffs.push({
      withProgress: progress === null ? 0 : 1,
      progressSum: progress ?? 0,
      completed: completed ? 1 : 0,
      completedOnTarget: completed && l?.onTarget === true ? 1 : 0,
      onPlan: progress !== null && l?.onPlan === true ? 1 : 0,
      onTarget: progress !== null && l?.onTarget === true ? 1 : 0,
      behind: progress !== null && progress < elapsed - def.behindByPoints ? 1 : 0,
      disbursed,
    });
  }
  return { kind: 'projects', returns: 1, units: received ? { [orgUnit]: 1 } : {}, budget: p.budget, reporting, cutoffs };
}

const M = (id: string, th: string, en: string, value: number | null, extra: Partial<Measure> = {}): Measure => ({ id, label_th: th, label_en: en, value, ...extra });

export function projectMeasures(agg: ProjectAggregate, def: ProjectConsolidation, period: string): Measure[] {
  const { to } = periodMonths(period);
  const cut = agg.cutoffs[to - 1];
  const projects = agg.returns;
  const reporting = agg.reporting[isPeriodCode(period) ? period : 'FY'] ?? 0;
  const shareOnTarget = pct(cut.completedOnTarget, projects);
  const { budget } = agg;
  const { disbursed, completed, onPlan, onTarget, behind } = cut;
  return [
    M('projects', 'โครงการทั้งหมด', 'Projects', projects),
    M('projects_reporting', 'โครงการที่รายงานในงวด', 'Projects reporting in the period', reporting, { pct: pct(reporting, projects), pctOf: 'projects' }),
    M('latest_progress', 'ความก้าวหน้าล่าสุดเฉลี่ย (ร้อยละ)', 'Latest progress, mean (%)', cut.withProgress ? cut.progressSum / cut.withProgress : null, {
      unit: 'ร้อยละ',
    }),
    M('completed', 'โครงการที่แล้วเสร็จ (100%)', 'Projects completed (100%)', completed, { pct: pct(completed, projects), pctOf: 'projects' }),
    M('on_plan', 'เป็นไปตามแผน', 'On plan', onPlan, { pct: pct(onPlan, projects), pctOf: 'projects' }),
    M('on_target', 'เป็นไปตามเป้าหมาย', 'On target', onTarget, { pct: pct(onTarget, projects), pctOf: 'projects' }),
    M('completed_on_target', 'โครงการที่แล้วเสร็จตามเป้าหมาย', 'Projects completed on target', cut.completedOnTarget, {
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
