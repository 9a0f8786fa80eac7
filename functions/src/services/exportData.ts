import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { GroupBy, Tally } from '@returns-hub/shared/consolidate/tally';
import { flatRecords, type FlatColumn, type FlatValue } from '@returns-hub/shared/report/flatRecords';
import { TALLY_COLUMNS, tallyRows } from '@returns-hub/shared/consolidate/tallyTable';
import { dueDate } from '@returns-hub/shared/period/period';
import { isPeriodCode } from '@returns-hub/shared/period/periodCode';
import { mayAccess, type Principal } from '../domain/principal';
import { domainError, isDomainError, type DomainError } from '../domain/domainError';
import { tallies } from './readReturns';
import type { ReturnStore } from '../store/returnStore';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** What the flat export reads from storage (the storage port's part it needs): current versions, their records and rows. */
export type RecordSource = Pick<ReturnStore, 'list' | 'current' | 'rows'>;

/** An export as a table: headings (ids, with Thai and English labels) and rows of plain values. */
export interface ExportTable {
  columns: FlatColumn[];
  rows: FlatValue[][];
}

/**
 * Every current return's records of a form and period, one row per record (see flatRecords);
 * a unit key gets its own unit's. Quarterly forms are exported by quarter, yearly ones by FY.
 */
export async function exportRecords(source: RecordSource, p: Principal, form: FormDef, units: OrgUnitTree, fiscalYear: number, period: string): Promise<ExportTable | DomainError> {
  const ok = isPeriodCode(period) && (form.period.kind === 'quarter' ? /^Q[1-4]$/.test(period) : period === 'FY');
  if (!ok || !isPeriodCode(period)) return domainError('query.bad_period', REFUSAL_TEXTS.badExportPeriod({ form: form.id, quarterly: form.period.kind === 'quarter', period }));
  const due = dueDate({ fiscalYear, code: period }, form.dueDaysAfterPeriod);
  const current = (await source.list(form.id, fiscalYear, period)).filter((r) => mayAccess(p, r.orgUnit, units));
  const returns = [];
  for (const r of current) {
    // Lists carry no record fields: each current version is read whole (one read per return).
    const [whole] = await source.current([r]);
    if (!whole) continue; // replaced or removed since the list was read
    const v = whole.record;
    returns.push({
      orgUnit: v.orgUnit,
      fiscalYear: v.fiscalYear,
      period: v.period,
      subject: v.subject,
      version: v.version,
      submittedAt: v.submittedAt,
      status: v.submittedAt.slice(0, 10) <= due ? ('on_time' as const) : ('late' as const),
      fields: v.fields,
      rows: v.rowCount > 0 ? await source.rows(v.writeId) : [],
      sheet: v.sheet,
      fieldCells: v.fieldCells,
      columns: v.columns,
    });
  }
  return flatRecords(form, units, returns);
}

/** The tally as one long table: a row per (unit, measure), with codes and names. */
export async function exportTally(
  store: ReturnStore,
  p: Principal,
  form: FormDef,
  units: OrgUnitTree,
  fiscalYear: number,
  period: string,
  by: GroupBy,
): Promise<{ tally: Tally; table: ExportTable } | DomainError> {
  const t = await tallies(store, p, form, units, fiscalYear, period, by);
  if (isDomainError(t)) return t;
  return { tally: t, table: { columns: TALLY_COLUMNS.map((c) => ({ id: c.key, label_th: c.th, label_en: c.en })), rows: tallyRows(t) } };
}
