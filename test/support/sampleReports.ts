import { checkFile } from '@returns-hub/cli/checkFiles';
import { UNITS, builtInForm } from './builtIn';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { consolidateReturns, contributionOf, validGroupings } from '@returns-hub/shared/consolidate/consolidateReturns';
import type { GroupBy, Tally, TallyEntry } from '@returns-hub/shared/consolidate/tally';
import type { CheckedReturn } from '@returns-hub/shared/check/checkedReturn';
import type { Completeness } from '@returns-hub/shared/api/client';
import type { ReportInput } from '@returns-hub/shared/report/computeReport';
import { expectedUnits } from '@returns-hub/shared/consolidate/groups';
import { dueDate } from '@returns-hub/shared/period/period';
import { isPeriodCode } from '@returns-hub/shared/period/periodCode';
import { sample, sampleFiles } from './samples';

/** A fixed report moment (15 April 2020, 14:30 Bangkok) so written workbooks compare byte for byte. */
export const REPORT_MOMENT = new Date('2020-04-15T07:30:00Z');

export async function returnsIn(files: string[]): Promise<CheckedReturn[]> {
  return (await Promise.all(files.map((f) => checkFile(f)))).flatMap((f) => f.sheets.flatMap((s) => s.returns));
}

/** The current version per (unit, period, subject), as the store keeps them. */
export function entriesOf(rs: CheckedReturn[]): TallyEntry[] {
  const byKey = new Map<string, TallyEntry>();
  for (const r of rs) {
    const form = builtInForm(r.formId);
    byKey.set(`${r.formId}|${r.orgUnit}|${r.fiscalYear}|${r.period}|${r.subject}`, {
      orgUnit: r.orgUnit!,
      fiscalYear: r.fiscalYear!,
      period: r.period!,
      subject: r.subject,
      submittedAt: '',
      contribution: contributionOf(r, form),
    });
  }
  return [...byKey.values()];
}

/** Completeness as the API answers it, from entries (every return counted on time: samples carry no submission date). */
export function completenessOf(form: FormDef, entries: TallyEntry[], fiscalYear: number, period: string): Completeness {
  const expected = expectedUnits(form, UNITS);
  const returned = form.period.kind === 'quarter' ? period : 'FY';
  const sent = new Set(entries.filter((e) => e.fiscalYear === fiscalYear && e.period === returned).map((e) => e.orgUnit));
  const received = expected.filter((u) => sent.has(u.code));
  return {
    formId: form.id,
    fiscalYear,
    period,
    dueDate: dueDate({ fiscalYear, code: isPeriodCode(period) ? period : 'FY' }, form.dueDaysAfterPeriod),
    expected: expected.length,
    received: received.length,
    onTime: received.length,
    late: 0,
    missing: expected.filter((u) => !sent.has(u.code)).map((u) => ({ code: u.code, name_th: u.name_th, name_en: u.name_en })),
  };
}

/** Tallies at every grouping the form allows, with completeness: what a report is made of. */
export function reportInputOf(form: FormDef, entries: TallyEntry[], fiscalYear: number, period: string): ReportInput {
  const tallies: Partial<Record<GroupBy, Tally>> = {};
  for (const by of validGroupings(form, UNITS)) tallies[by] = consolidateReturns(form, UNITS, entries, { fiscalYear, period, by });
  return { form, units: UNITS, tallies, completeness: completenessOf(form, entries, fiscalYear, period), generatedAt: REPORT_MOMENT };
}

/** The sample tallies of FORMS.md, one per form: CODI Q2 2563, Form 2 FY 2563, projects FY 2564, welfare FY 2564. */
export async function sampleReportInputs(): Promise<Record<string, ReportInput>> {
  const form = (id: string) => builtInForm(id);
  return {
    'codi-quarterly-kpi': reportInputOf(form('codi-quarterly-kpi'), entriesOf(await returnsIn(sampleFiles('codi-kpi'))), 2563, 'Q2'),
    'bma-community-plan-return': reportInputOf(form('bma-community-plan-return'), entriesOf(await returnsIn(sampleFiles('community-plan/districts'))), 2563, 'FY'),
    'bma-project-progress': reportInputOf(form('bma-project-progress'), entriesOf(await returnsIn(sampleFiles('project-progress'))), 2564, 'FY'),
    'welfare-fund-tally': reportInputOf(form('welfare-fund-tally'), entriesOf(await returnsIn([sample('welfare/wang-thonglang-2564.xlsx')])), 2564, 'FY'),
  };
}
