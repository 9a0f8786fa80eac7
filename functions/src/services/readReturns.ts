import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { consolidateReturns, periodsRead, validGroupings, validTallyPeriod } from '@returns-hub/shared/consolidate/consolidateReturns';
import type { GroupBy, Tally, TallyEntry } from '@returns-hub/shared/consolidate/tally';
import { groupOf } from '@returns-hub/shared/consolidate/groups';
import { ORG_UNITS, orgUnitByCode } from '@returns-hub/shared/orgUnits/orgUnits';
import { addDays, periodEnd } from '@returns-hub/shared/period/fiscalPeriod';
import type { Principal } from '../http/auth';
import { mayAccess } from '../http/auth';
import { problem, type ApiProblem } from '../http/problem';
import type { ReturnStore } from '../store/returnStore';
import type { StoredReturn } from '../store/storedReturn';
import type { ReturnKey } from '../store/keys';
import { acceptedKey, type TallyReview } from './tallyReview';

const DEFAULT_DUE_DAYS = 15;

function meta(r: StoredReturn) {
  const { contribution: _c, writeId: _w, bodyHash: _b, idempotencyKey: _i, ...rest } = r;
  return rest;
}

/** One return: its current version (or the one asked for) with rows, and every version's metadata. */
export async function getReturn(store: ReturnStore, p: Principal, key: ReturnKey, version?: number): Promise<unknown | ApiProblem> {
  if (!mayAccess(p, key.orgUnit)) return problem(403, 'auth.other_unit', 'Forbidden', `This key may read only org unit ${p.orgUnit}.`);
  const current = await store.getCurrent(key);
  if (!current) return problem(404, 'return.not_found', 'Not Found', 'No such return has been submitted.');
  const history = await store.listVersions(key);
  const byVersion = new Map(history.map((v) => [v.version, v]));
  byVersion.set(current.record.version, current.record);
  const chosen = version ? byVersion.get(version) : current.record;
  if (!chosen) return problem(404, 'return.version_not_found', 'Not Found', `Version ${version} does not exist.`);
  const rows = await store.readRows(chosen.writeId);
  return {
    current: current.record.version,
    ...meta(chosen),
    rows,
    versions: [...byVersion.values()]
      .sort((a, b) => a.version - b.version)
      .map(meta)
      .map(({ fields: _f, fieldCells: _fc, columns: _co, issues: _is, ...m }) => m),
  };
}

/** Every return of a form and period, with its status; a unit key sees its own. */
export async function listReturns(store: ReturnStore, p: Principal, form: FormDef, fiscalYear: number, period: string) {
  const due = addDays(periodEnd(fiscalYear, period), form.dueDaysAfterPeriod ?? DEFAULT_DUE_DAYS);
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

/** Consolidated tallies from the per-return contributions: reads one small partition per period, never rows. */
export async function tallies(store: ReturnStore, p: Principal, form: FormDef, fiscalYear: number, period: string, by: GroupBy, review?: TallyReview): Promise<Tally | ApiProblem> {
  if (!validTallyPeriod(form, period)) return problem(400, 'query.bad_period', 'Bad Request', `Period ${period} does not apply to ${form.id}.`);
  if (!validGroupings(form).includes(by)) return problem(400, 'query.bad_grouping', 'Bad Request', `${form.id} is grouped by ${validGroupings(form).join(', ')}.`);
  const entries: TallyEntry[] = [];
  for (const per of periodsRead(form, period)) {
    const accepted = await review?.acceptedIn(per);
    for (const r of await store.listCurrent(form.id, fiscalYear, per)) {
      const isAccepted = accepted?.has(acceptedKey(r)) ?? false;
      if (review?.include === 'accepted' && !isAccepted) continue;
      if (mayAccess(p, r.orgUnit))
        entries.push({ orgUnit: r.orgUnit, fiscalYear: r.fiscalYear, period: r.period, subject: r.subject, submittedAt: r.submittedAt, contribution: r.contribution, accepted: isAccepted });
    }
  }
  const tally = { ...consolidateReturns(form, entries, { fiscalYear, period, by }), include: review?.include ?? 'all' };
  if (p.role === 'unit') {
    // A unit sees its own group only.
    const own = groupOf(p.orgUnit!, by)?.code;
    tally.groups = tally.groups.filter((g) => g.orgUnit === own);
  }
  return tally;
}
