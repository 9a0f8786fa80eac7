import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { consolidateReturns, periodsRead, tallyOfAggregates, validGroupings, validTallyPeriod } from '@returns-hub/shared/consolidate/consolidateReturns';
import { aggregatePeriodOf } from '@returns-hub/shared/consolidate/shares';
import { returnsIn } from '@returns-hub/shared/consolidate/aggregate';
import type { GroupBy, Tally, TallyEntry } from '@returns-hub/shared/consolidate/tally';
import { groupOf } from '@returns-hub/shared/consolidate/groups';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import { dueDate } from '@returns-hub/shared/period/period';
import { isPeriodCode } from '@returns-hub/shared/period/periodCode';
import { mayAccess, type Principal } from '../domain/principal';
import { domainError, type DomainError } from '../domain/domainError';
import type { ReturnStore } from '../store/returnStore';
import type { ReturnSummary, StoredReturn } from '../store/storedReturn';
import type { ReturnKey } from '../store/keys';
import type { TallyIntent } from '../store/tallyStore';
import { acceptedKey, type TallyReview } from './tallyReview';
import type { AcceptedSource } from './acceptedSource';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** What a reader sees of a version: not its storage ids, hash or tally contribution. */
function meta<R extends ReturnSummary>(r: R) {
  const { contribution: _c, writeId: _w, bodyHash: _b, idempotencyKey: _i, ...rest } = r;
  return rest;
}

/** One return: its current version (or the one asked for) with rows, and every version's metadata. */
export async function getReturn(store: ReturnStore, p: Principal, units: OrgUnitTree, key: ReturnKey, version?: number) {
  if (!mayAccess(p, key.orgUnit, units)) return domainError('auth.other_unit', REFUSAL_TEXTS.readOtherUnit({ mine: p.orgUnit ?? '', units }));
  const [current] = await store.current([key]);
  if (!current) return domainError('return.not_found', REFUSAL_TEXTS.returnNotFound());
  const history = await store.versions(key);
  const byVersion = new Map<number, ReturnSummary>(history.map((v) => [v.version, v]));
  byVersion.set(current.record.version, current.record);
  const chosen: StoredReturn | null = version === undefined || version === current.record.version ? current.record : byVersion.has(version) ? await store.version(key, version) : null;
  if (!chosen) return domainError('return.version_not_found', REFUSAL_TEXTS.versionNotFound({ version }));
  const rows = await store.rows(chosen.writeId);
  return {
    current: current.record.version,
    ...meta(chosen),
    rows,
    versions: [...byVersion.values()].sort((a, b) => a.version - b.version).map((v) => meta<ReturnSummary>(v)),
  };
}

/** Every return of a form and period, with its status; a unit key sees its own. */
export async function listReturns(store: ReturnStore, p: Principal, form: FormDef, units: OrgUnitTree, fiscalYear: number, period: string) {
  // Unknown codes never get here (the route validates them); FY is the safe reading if one did.
  const due = dueDate({ fiscalYear, code: isPeriodCode(period) ? period : 'FY' }, form.dueDaysAfterPeriod);
  const current = (await store.list(form.id, fiscalYear, period)).filter((r) => mayAccess(p, r.orgUnit, units));
  return {
    formId: form.id,
    fiscalYear,
    period,
    dueDate: due,
    returns: current.map((r) => ({
      orgUnit: r.orgUnit,
      name_th: units.byCode(r.orgUnit)?.name_th ?? r.orgUnit,
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

/**
 * Consolidated tallies of every current return, or of accepted ones only (`review.include`).
 * Headquarters reads the maintained aggregates: one entity per group of the level, whatever
 * the number of returns (and, for every return, the accepted ones' aggregates for the
 * accepted counts). A unit sees its own group, computed from its own returns' contributions.
 * Aggregates behind the stored returns (an update recorded and not yet applied: see
 * `behindOf`) are never served: the tally is recomputed from every contribution and says so.
 */
export async function tallies(
  store: ReturnStore,
  p: Principal,
  form: FormDef,
  units: OrgUnitTree,
  fiscalYear: number,
  period: string,
  by: GroupBy,
  review?: TallyReview,
): Promise<Tally | DomainError> {
  if (!validTallyPeriod(form, period)) return domainError('query.bad_period', REFUSAL_TEXTS.badTallyPeriod({ form: form.id, period }));
  const groupings = validGroupings(form, units);
  if (!groupings.includes(by)) return domainError('query.bad_grouping', REFUSAL_TEXTS.badGrouping({ form: form.id, groupings }));
  const q = { fiscalYear, period, by };
  const include = review?.include ?? 'all';
  const recompute = async (orgUnit?: string) => ({
    ...consolidateReturns(form, units, await currentEntries(store, form, fiscalYear, period, { orgUnit, accepted: review?.acceptedIn, onlyAccepted: include === 'accepted' }), q),
    include,
  });
  if (p.role === 'unit') {
    const own = groupOf(units, p.orgUnit!, by)?.code;
    const tally = await recompute(p.orgUnit);
    return { ...tally, groups: tally.groups.filter((g) => g.orgUnit === own) };
  }
  const scope = { formId: form.id, fiscalYear, basis: include };
  const aggregatePeriod = aggregatePeriodOf(form, period)!;
  // Counting accepted returns among all of them reads the accepted aggregates too.
  const countAccepted = include === 'all' && review !== undefined;
  const [main, accepted] = await Promise.all([store.tallies.read(scope, aggregatePeriod, by), countAccepted ? store.tallies.read({ ...scope, basis: 'accepted' }, aggregatePeriod, by) : null]);
  const revisions = review?.revisions ?? (async (keys: ReturnKey[]) => (await store.current(keys)).map((c) => (c ? { all: c.record.version, accepted: 0 } : null)));
  const behind = await behindOf(form, fiscalYear, [{ basis: include, pending: main.pending }, ...(accepted ? [{ basis: 'accepted' as const, pending: accepted.pending }] : [])], revisions);
  if (behind) return { ...(await recompute()), stale: behind };
  const acceptedCounts = new Map((accepted?.aggregates ?? (include === 'accepted' ? main.aggregates : [])).map((a) => [a.key.group, returnsIn(a.aggregate)]));
  return { ...tallyOfAggregates(form, units, q, new Map(main.aggregates.map((a) => [a.key.group, a.aggregate])), acceptedCounts), include };
}

/** Intents a reader checks one by one; more pending than this, and the tally is recomputed without checking. */
const CHECKED_INTENTS = 50;

/**
 * Whether aggregates read together with their scope's pending intents are behind the stored
 * returns. An intent is recorded before its change and removed in the commit that applies it,
 * so one read with the aggregates is either not yet made (its return's pointer is still below
 * its revision: the aggregates are right) or made and not applied (the pointer is at or past
 * it: behind). Pointers only move forward, so reading them after the aggregates can only err
 * towards recomputing. A whole-scope intent (a rebuild in progress) is always behind.
 */
async function behindOf(
  form: FormDef,
  fiscalYear: number,
  scopes: { basis: 'all' | 'accepted'; pending: TallyIntent[] }[],
  revisions: (keys: ReturnKey[]) => Promise<({ all: number; accepted: number } | null)[]>,
): Promise<Tally['stale'] | null> {
  const pending = scopes.flatMap((s) => s.pending.map((intent) => ({ basis: s.basis, intent })));
  if (pending.length === 0) return null;
  const since = pending.map((x) => x.intent.at).sort()[0];
  if (pending.length > CHECKED_INTENTS || pending.some((x) => x.intent.kind === 'scope')) return { updatesBehind: pending.length, since };
  const returns = pending.flatMap((x) => (x.intent.kind === 'return' ? [{ basis: x.basis, intent: x.intent }] : []));
  const now = await revisions(returns.map(({ intent: i }) => ({ formId: form.id, fiscalYear, period: i.period, orgUnit: i.orgUnit, subject: i.subject })));
  const late = returns.filter(({ basis, intent }, j) => (now[j]?.[basis] ?? 0) >= intent.revision);
  return late.length ? { updatesBehind: late.length, since: late.map((x) => x.intent.at).sort()[0] } : null;
}

/**
 * The current returns' contributions a tally of `period` reads (of one org unit, or all),
 * marked accepted or not given their source (only the accepted ones, if asked): the path the
 * aggregates replace.
 */
export async function currentEntries(
  store: ReturnStore,
  form: FormDef,
  fiscalYear: number,
  period: string,
  only: { orgUnit?: string; accepted?: AcceptedSource; onlyAccepted?: boolean } = {},
): Promise<TallyEntry[]> {
  const entries: TallyEntry[] = [];
  for (const per of periodsRead(form, period)) {
    const accepted = only.accepted ? await only.accepted(per) : null;
    for (const r of await store.list(form.id, fiscalYear, per, only.orgUnit)) {
      const isAccepted = accepted?.has(acceptedKey(r)) ?? false;
      if (only.onlyAccepted && !isAccepted) continue;
      entries.push({ orgUnit: r.orgUnit, fiscalYear: r.fiscalYear, period: r.period, subject: r.subject, submittedAt: r.submittedAt, contribution: r.contribution, accepted: isAccepted });
    }
  }
  return entries;
}
