import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { GroupBy, TallyInclude } from '@returns-hub/shared/consolidate/tally';
import { tallyPeriodKinds, validGroupings } from '@returns-hub/shared/consolidate/consolidateReturns';
import { currentFiscalYear, latestDuePeriod, periodCodeLabel, periodsOfKind, periodStart, periodEnd, type PeriodCode } from '@returns-hub/shared/period/index';
import { ENGLISH_MONTH_NAMES } from '@returns-hub/shared/text/monthNames';
import { defaultLayoutFor, reportsOf } from '@returns-hub/shared/report/formReports';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import type { Lang } from '../text/bilingual';
import { paneDefinitions } from '../definitions/paneDefinitions';

/** The groupings a form offers with the org units the pane works with. */
const groupingsOf = (form: FormDef) => validGroupings(form, paneDefinitions.current().units);

/** What Pull asks the API for: a form, a fiscal year (BE), a period code, a grouping. */
export interface PullQuery {
  form: string;
  fy: number;
  period: PeriodCode;
  by: GroupBy;
  /** The report layout by name, as `returns pull --layout` takes it; absent: the form's layout for the grouping. */
  layout?: string;
  /** Which returns the figures count, as `returns pull --include` takes it; absent: every current return. */
  include?: TallyInclude;
}

export interface Choice<T> {
  value: T;
  label: string;
}

/** Fiscal years offered: the current one and the nine before it. */
export const YEARS_BACK = 9;

const GROUPING_LABELS: Record<GroupBy, [th: string, en: string]> = {
  district: ['รายเขต', 'By district'],
  zone: ['กลุ่มเขต', 'By zone'],
  region: ['ภาค', 'By region'],
  hq: ['ทั้งหมด', 'All'],
};

export function groupingLabel(by: GroupBy, lang: Lang): string {
  return GROUPING_LABELS[by][lang === 'th' ? 0 : 1];
}

const INCLUDE_LABELS: Record<TallyInclude, [th: string, en: string]> = {
  all: ['ทุกฉบับที่ส่งมา', 'Every return sent'],
  accepted: ['เฉพาะฉบับที่ตรวจรับแล้ว', 'Accepted returns only'],
};

export function includeLabel(include: TallyInclude, lang: Lang): string {
  return INCLUDE_LABELS[include][lang === 'th' ? 0 : 1];
}

/** Which returns the totals count: every current one, or those headquarters accepted. */
export function includeChoices(lang: Lang): Choice<TallyInclude>[] {
  return (['all', 'accepted'] as const).map((value) => ({ value, label: includeLabel(value, lang) }));
}

/** The periods a form's tallies are asked for (a quarterly form: quarters only), in order. */
export function periodChoices(form: FormDef, lang: Lang): Choice<PeriodCode>[] {
  return tallyPeriodKinds(form)
    .flatMap(periodsOfKind)
    .map((code) => ({ value: code, label: periodCodeLabel(code, lang) }));
}

/** `Oct 2019 – Sep 2020` for FY 2563 (English readers may not know BE years). */
function ceSpan(fy: number): string {
  const [s, e] = [periodStart({ fiscalYear: fy, code: 'FY' }), periodEnd({ fiscalYear: fy, code: 'FY' })].map((d) => d.split('-').map(Number));
  return `${ENGLISH_MONTH_NAMES[s[1] - 1].slice(0, 3)} ${s[0]} – ${ENGLISH_MONTH_NAMES[e[1] - 1].slice(0, 3)} ${e[0]}`;
}

/** The current fiscal year (Bangkok time) and the ones before it, newest first. */
export function fiscalYearChoices(now: Date, lang: Lang): Choice<number>[] {
  const current = currentFiscalYear(now);
  return Array.from({ length: YEARS_BACK + 1 }, (_, i) => current - i).map((fy) => ({ value: fy, label: lang === 'th' ? String(fy) : `${fy} (${ceSpan(fy)})` }));
}

export function groupingChoices(form: FormDef, lang: Lang): Choice<GroupBy>[] {
  return groupingsOf(form).map((by) => ({ value: by, label: groupingLabel(by, lang) }));
}

/** The form's printable report layouts, by their titles. */
export function layoutChoices(form: FormDef, lang: Lang): Choice<string>[] {
  return reportsOf(form).map((l) => ({ value: l.name, label: lang === 'th' ? l.title.th : l.title.en }));
}

/** The layout a query is written in: the one chosen, else the form's layout for the grouping (as the sheet will be). */
export function layoutOf(q: PullQuery): string | undefined {
  if (q.layout) return q.layout;
  const form = paneDefinitions.forYear(q.fy).formById(q.form);
  const l = form ? defaultLayoutFor(form, q.by) : null;
  return !l || isReportProblem(l) ? undefined : l.name;
}

/** A layout chosen: kept by name, and its own grouping taken where the form is tallied by it (the clerk may change it after). */
export function queryWithLayout(q: PullQuery, form: FormDef, name: string): PullQuery {
  const l = reportsOf(form).find((x) => x.name === name);
  if (!l) return q;
  return { ...q, layout: l.name, by: groupingsOf(form).includes(l.by) ? l.by : q.by };
}

/**
 * What Pull offers first for a form: a yearly form, the current fiscal year (Bangkok
 * time); a quarterly or monthly one, the latest period that has ended (in October that
 * is Q4 of the year before); grouped by the level that reports it.
 */
export function defaultPullQuery(form: FormDef, now: Date): PullQuery {
  const kind = tallyPeriodKinds(form)[0];
  const p = kind === 'year' ? { fiscalYear: currentFiscalYear(now), code: 'FY' as const } : latestDuePeriod(kind, now);
  return { form: form.id, fy: p.fiscalYear, period: p.code, by: groupingsOf(form)[0] };
}

/** The query kept valid when the form changes: its year kept, its period, grouping and layout replaced when the new form has no such choice. */
export function queryForForm(q: PullQuery, form: FormDef, now: Date): PullQuery {
  const d = defaultPullQuery(form, now);
  const periodOk = periodChoices(form, 'en').some((c) => c.value === q.period);
  const byOk = groupingsOf(form).includes(q.by);
  const layoutOk = reportsOf(form).some((l) => l.name === q.layout);
  return {
    form: form.id,
    fy: periodOk ? q.fy : d.fy,
    period: periodOk ? q.period : d.period,
    by: byOk ? q.by : d.by,
    ...(layoutOk ? { layout: q.layout } : {}),
    ...(q.include ? { include: q.include } : {}),
  };
}
