import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { GroupBy, Tally } from '@returns-hub/shared/consolidate/tally';
import { flatRecords, type FlatColumn, type FlatValue } from '@returns-hub/shared/report/flatRecords';
import { TALLY_COLUMNS, tallyRows } from '@returns-hub/shared/consolidate/tallyTable';
import { addDays, periodEnd } from '@returns-hub/shared/period/fiscalPeriod';
import type { Principal } from '../http/auth';
import { mayAccess } from '../http/auth';
import { isProblem, problem, type ApiProblem } from '../http/problem';
import type { StoredReturn, TypedRow } from '../store/storedReturn';
import { tallies } from './readReturns';
import type { ReturnStore } from '../store/returnStore';

/** What the flat export reads from storage: the current versions of a period, and a version's rows. */
export interface RecordSource {
  listCurrent(formId: string, fiscalYear: number, period: string): Promise<StoredReturn[]>;
  readRows(writeId: string): Promise<TypedRow[]>;
}

/** An export as a table: headings (ids, with Thai and English labels) and rows of plain values. */
export interface ExportTable {
  columns: FlatColumn[];
  rows: FlatValue[][];
}

const DEFAULT_DUE_DAYS = 15;

/**
 * Every current return's records of a form and period, one row per record (see flatRecords);
 * a unit key gets its own unit's. Quarterly forms are exported by quarter, yearly ones by FY.
 */
export async function exportRecords(source: RecordSource, p: Principal, form: FormDef, fiscalYear: number, period: string): Promise<ExportTable | ApiProblem> {
  const ok = form.period.kind === 'quarter' ? /^Q[1-4]$/.test(period) : period === 'FY';
  if (!ok) return problem(400, 'query.bad_period', 'Bad Request', `${form.id} returns are ${form.period.kind === 'quarter' ? 'quarterly (Q1–Q4)' : 'yearly (FY)'}; no ${period} returns to export.`);
  const due = addDays(periodEnd(fiscalYear, period), form.dueDaysAfterPeriod ?? DEFAULT_DUE_DAYS);
  const current = (await source.listCurrent(form.id, fiscalYear, period)).filter((r) => mayAccess(p, r.orgUnit));
  const returns = [];
  for (const r of current) {
    returns.push({
      orgUnit: r.orgUnit,
      fiscalYear: r.fiscalYear,
      period: r.period,
      subject: r.subject,
      version: r.version,
      submittedAt: r.submittedAt,
      status: r.submittedAt.slice(0, 10) <= due ? ('on_time' as const) : ('late' as const),
      fields: r.fields,
      rows: r.rowCount > 0 ? await source.readRows(r.writeId) : [],
    });
  }
  return flatRecords(form, returns);
}

/** The tally as one long table: a row per (unit, measure), with codes and names. */
export async function exportTally(store: ReturnStore, p: Principal, form: FormDef, fiscalYear: number, period: string, by: GroupBy): Promise<{ tally: Tally; table: ExportTable } | ApiProblem> {
  const t = await tallies(store, p, form, fiscalYear, period, by);
  if (isProblem(t)) return t;
  return { tally: t, table: { columns: TALLY_COLUMNS.map((c) => ({ id: c.key, label_th: c.th, label_en: c.en })), rows: tallyRows(t) } };
}
