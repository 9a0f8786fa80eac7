import type { ProjectConsolidation } from '../forms/consolidationDef';
import type { CheckedReturn } from '../check/checkedReturn';
import { fiscalMonthOf, fiscalYearOf } from '../period/fiscalCalendar';
import { fiscalMonthsOf, isPeriodCode } from '../period/periodCode';
import { asBoolean, asNumber, asString } from '../check/valueAs';
import type { Measure, TallyEntry } from './tally';
import { projectContribution, type ProjectContribution } from './contribution';
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

const M = (id: string, th: string, en: string, value: number | null, extra: Partial<Measure> = {}): Measure => ({ id, label_th: th, label_en: en, value, ...extra });

export function projectMeasures(entries: TallyEntry[], def: ProjectConsolidation, period: string): Measure[] {
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
