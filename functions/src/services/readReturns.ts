import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { consolidateReturns, periodsRead, tallyOfAggregates, validGroupings, validTallyPeriod } from '@returns-hub/shared/consolidate/consolidateReturns';
import { aggregatePeriodOf } from '@returns-hub/shared/consolidate/shares';
import type { GroupBy, Tally, TallyEntry } from '@returns-hub/shared/consolidate/tally';
import { groupOf } from '@returns-hub/shared/consolidate/groups';
import { ORG_UNITS, orgUnitByCode } from '@returns-hub/shared/orgUnits/orgUnits';
import { dueDate } from '@returns-hub/shared/period/period';
import { isPeriodCode } from '@returns-hub/shared/period/periodCode';
import { mayAccess, type Principal } from '../domain/principal';
import { domainError, type DomainError } from '../domain/domainError';
import type { ReturnStore } from '../store/returnStore';
import type { ReturnSummary, StoredReturn } from '../store/storedReturn';
import type { ReturnKey } from '../store/keys';
import { acceptedKey, type AcceptedSource } from './acceptedSource';

/** What a reader sees of a version: not its storage ids, hash or tally contribution. */
function meta<R extends ReturnSummary>(r: R) {
  const { contribution: _c, writeId: _w, bodyHash: _b, idempotencyKey: _i, ...rest } = r;
  return rest;
}

/** One return: its current version (or the one asked for) with rows, and every version's metadata. */
export async function getReturn(store: ReturnStore, p: Principal, key: ReturnKey, version?: number) {
  if (!mayAccess(p, key.orgUnit)) return domainError('auth.other_unit', { en: `This key may read only org unit ${p.orgUnit}.`, th: `คีย์นี้อ่านได้เฉพาะหน่วยงาน ${p.orgUnit}` });
  const current = await store.getCurrent(key);
  if (!current) return domainError('return.not_found', { en: 'No such return has been submitted.', th: 'ยังไม่มีการส่งแบบรายงานนี้' });
  const history = await store.listVersions(key);
  const byVersion = new Map<number, ReturnSummary>(history.map((v) => [v.version, v]));
  byVersion.set(current.record.version, current.record);
  const chosen: StoredReturn | null = version === undefined || version === current.record.version ? current.record : byVersion.has(version) ? await store.getVersion(key, version) : null;
  if (!chosen) return domainError('return.version_not_found', { en: `Version ${version} does not exist.`, th: `ไม่มีฉบับที่ ${version}` });
  const rows = await store.readRows(chosen.writeId);
  return {
    current: current.record.version,
    ...meta(chosen),
    rows,
    versions: [...byVersion.values()].sort((a, b) => a.version - b.version).map((v) => meta<ReturnSummary>(v)),
  };
}

/** Every return of a form and period, with its status; a unit key sees its own. */
export async function listReturns(store: ReturnStore, p: Principal, form: FormDef, fiscalYear: number, period: string) {
  // Unknown codes never get here (the route validates them); FY is the safe reading if one did.
  const due = dueDate({ fiscalYear, code: isPeriodCode(period) ? period : 'FY' }, form.dueDaysAfterPeriod);
  const current = (await store.listCurrent(form.id, fiscalYear, period)).filter((r) => mayAccess(p, r.orgUnit));
  return {
    formId: form.id,
    fiscalYear,
    period,
    dueDate: due,
    returns: current.map((r) => ({
      orgUnit: r.orgUnit,
      name_th: orgUnitByCode(r.orgUnit)?.name_th ?? r.orgUnit,
      subject: r.subject,
      version: r.version,
      submittedAt: r.submittedAt,
      status: r.submittedAt.slice(0, 10) <= due ? 'on_time' : 'late',
      rows: r.rowCount,
      warnings: r.warnings,
      fileName: r.fileName,
    })),
  };
}

/** Expected units, received, on time, and the missing ones by name. */
export async function completeness(store: ReturnStore, p: Principal, form: FormDef, fiscalYear: number, period: string) {
  const kind = form.consolidation.expectedKind;
  const expected = ORG_UNITS.filter((u) => u.kind === kind && mayAccess(p, u.code));
  const list = await listReturns(store, p, form, fiscalYear, period);
  const firstByUnit = new Map<string, string>();
  for (const r of list.returns) if (!firstByUnit.has(r.orgUnit) || r.submittedAt < firstByUnit.get(r.orgUnit)!) firstByUnit.set(r.orgUnit, r.submittedAt);
  const received = expected.filter((u) => firstByUnit.has(u.code));
  const onTime = received.filter((u) => firstByUnit.get(u.code)!.slice(0, 10) <= list.dueDate);
  return {
    formId: form.id,
    fiscalYear,
    period,
    dueDate: list.dueDate,
    expected: expected.length,
    received: received.length,
    onTime: onTime.length,
    late: received.length - onTime.length,
    missing: expected.filter((u) => !firstByUnit.has(u.code)).map((u) => ({ code: u.code, name_th: u.name_th, name_en: u.name_en })),
  };
}

/**
 * Consolidated tallies. Headquarters reads the maintained aggregates: one entity per group of
 * the level, whatever the number of returns. A unit sees its own group, computed from its own
 * returns' contributions; a scope marked stale (an update could not be applied) is recomputed
 * from every contribution until an administrator rebuilds it.
 */
export async function tallies(
  store: ReturnStore,
  p: Principal,
  form: FormDef,
  fiscalYear: number,
  period: string,
  by: GroupBy,
  only: { basis: 'all' } | { basis: 'accepted'; accepted: AcceptedSource } = { basis: 'all' },
): Promise<Tally | DomainError> {
  if (!validTallyPeriod(form, period)) return domainError('query.bad_period', { en: `Period ${period} does not apply to ${form.id}.`, th: `แบบรายงาน ${form.id} ไม่มีงวด ${period}` });
  if (!validGroupings(form).includes(by))
    return domainError('query.bad_grouping', { en: `${form.id} is grouped by ${validGroupings(form).join(', ')}.`, th: `แบบรายงาน ${form.id} จัดกลุ่มได้ตาม ${validGroupings(form).join(', ')}` });
  const q = { fiscalYear, period, by };
  const accepted = only.basis === 'accepted' ? only.accepted : undefined;
  if (p.role === 'unit') {
    const own = groupOf(p.orgUnit!, by)?.code;
    const tally = consolidateReturns(form, await currentEntries(store, form, fiscalYear, period, { orgUnit: p.orgUnit, accepted }), q);
    return { ...tally, groups: tally.groups.filter((g) => g.orgUnit === own) };
  }
  const scope = { formId: form.id, fiscalYear, basis: only.basis };
  const aggregatePeriod = aggregatePeriodOf(form, period)!;
  const [aggregates, stale] = await Promise.all([store.tallies.listAggregates(scope, aggregatePeriod, by), store.tallies.staleOf(scope)]);
  if (stale) return consolidateReturns(form, await currentEntries(store, form, fiscalYear, period, { accepted }), q);
  return tallyOfAggregates(form, q, new Map(aggregates.map((a) => [a.key.group, a.aggregate])));
}

/**
 * The current returns' contributions a tally of `period` reads (of one org unit, or all; the
 * accepted ones only, given their source): the path the aggregates replace.
 */
export async function currentEntries(store: ReturnStore, form: FormDef, fiscalYear: number, period: string, only: { orgUnit?: string; accepted?: AcceptedSource } = {}): Promise<TallyEntry[]> {
  const entries: TallyEntry[] = [];
  for (const per of periodsRead(form, period)) {
    const accepted = only.accepted ? await only.accepted(per) : null;
    for (const r of await store.listCurrent(form.id, fiscalYear, per, only.orgUnit)) {
      if (accepted && !accepted.has(acceptedKey(r))) continue;
      entries.push({ orgUnit: r.orgUnit, fiscalYear: r.fiscalYear, period: r.period, subject: r.subject, submittedAt: r.submittedAt, contribution: r.contribution });
    }
  }
  return entries;
}
