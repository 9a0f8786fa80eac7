import { createHash } from 'node:crypto';
import { submitResponseSchema, type SubmitRequest, type Receipt, type SubmitResponse } from '@returns-hub/shared/api/schemas';
import { checkedWith, type DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import { contributionOf } from '@returns-hub/shared/consolidate/consolidateReturns';
import type { Contribution } from '@returns-hub/shared/consolidate/contribution';
import { mayAccess, type Principal } from '../domain/principal';
import { domainError, isDomainError, type DomainError } from '../domain/domainError';
import { isReviewError, type ReviewError } from '../domain/reviewError';
import type { ReturnOutcome } from '../domain/returnOutcome';
import type { CurrentReturn, NewVersion, ReturnStore } from '../store/returnStore';
import type { StoredReturn } from '../store/storedReturn';
import type { ReturnKey } from '../store/keys';
import { isStorageUnavailable } from '../store/storageUnavailable';
import { noteEvent } from '../telemetry/events';
import { checkSubmission, type Storable } from './checkSubmission';
import { sizeRows, sizeSubmission } from './sizeSubmission';
import { keyOf } from './returnKeyOf';
import { receipt } from './receipt';
import { keepTalliesAll } from './applyTallyShare';
import { lockRefusal } from './lockRefusal';
import type { SubmitGate } from './submitGate';
import { ROUTE_TEXTS } from '../domain/routeTexts';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** What a request that failed before any of its pointers could move is told: the submit route's own words. */
const NOTHING_STORED = ROUTE_TEXTS.submit.unavailable;

/** Findings kept with a stored version (warnings and info); the full list is the client's. */
const STORED_ISSUES = 200;

export function bodyHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A stored (or replayed) request: `replayed` when every return was already stored by an earlier identical request. */
export interface SubmitResult {
  replayed: boolean;
  body: SubmitResponse;
}

/** A request as the steps pass it on: who sends what, under which key. */
interface Request {
  /** The forms and org units of each fiscal year (a return is checked, stored and tallied with its year's). */
  definitions: DefinitionSource;
  principal: Principal;
  req: SubmitRequest;
  hash: string;
  /** The caller-scoped idempotency key (`<caller>|<key>`), or null. */
  scopedKey: string | null;
}

/** A checked return and what it adds to the tallies. */
type Checked = Storable & { contribution: Contribution };

/** One return on its way to storage: its place in the request, and the version it makes. */
interface Pending {
  index: number;
  version: NewVersion;
}

/**
 * Stores the returns of a request, all or nothing where storage allows it:
 * 1. check everything again (authorize first), and size it against the store;
 * 2. claim the caller's idempotency key (a finished request is replayed, another body refused),
 *    reading the returns' current versions and reviews meanwhile;
 * 3. plan the new versions: returns this request already stored are replayed, and a request
 *    with any locked return is refused whole, naming each;
 * 4. commit them (the store's protocol); an identical request that won a race is a replay;
 * 5. bring tallies and the audit trail up to what is stored (never failing the answer);
 * 6. record the answer under the key.
 */
export async function submitReturns(
  store: ReturnStore,
  definitions: DefinitionSource,
  principal: Principal,
  req: SubmitRequest,
  text: string,
  idempotencyKey: string | null,
  gate?: SubmitGate,
): Promise<SubmitResult | DomainError> {
  const r: Request = { definitions, principal, req, hash: bodyHash(text), scopedKey: idempotencyKey ? `${principal.id}|${idempotencyKey}` : null };
  try {
    const checked = await checkRequest(store, r);
    if (isDomainError(checked)) return checked;
    const keys = checked.map(keyOf);
    // The pointers (then their reviews: see submitGate) are read while the key is claimed: only
    // reads, each switch still conditional on what was read; a refused or replayed request drops them.
    const reading = store.current(keys).then(async (currents) => (await gate?.prime(keys), currents));
    reading.catch(() => undefined); // awaited below, unless the claim answers first
    const claimed = await claimKey(store, r, idempotencyKey);
    if (claimed) return claimed;
    const plan = await planVersions(store, r, checked, await reading, gate);
    if (isDomainError(plan)) return plan;
    const stored = await storeVersions(store, r, plan, gate);
    if (isDomainError(stored)) return stored;
    await afterStored(store, r.definitions, gate, stored.records, stored.fresh);
    const body: SubmitResponse = { receipts: stored.receipts };
    if (idempotencyKey) await completeKey(store, r, idempotencyKey, body);
    return { replayed: body.receipts.every((x) => x.replayed), body };
  } catch (e) {
    // Storage failing here failed before any pointer could move (the commit reports its own failures).
    if (!isStorageUnavailable(e)) throw e;
    return domainError('storage.unavailable', NOTHING_STORED);
  }
}

/** Step 1: checked again, authorized, sized; with each return's tally contribution. */
async function checkRequest(store: ReturnStore, r: Request): Promise<Checked[] | DomainError> {
  const tooMany = sizeRows(r.req.returns, store.bounds); // before checking each row of a request too large to store
  if (tooMany) return tooMany;
  const returns = await checkSubmission(store, r.definitions, r.principal, r.req.returns);
  if (isDomainError(returns)) return returns;
  const checked = returns.map((x) => ({ ...x, contribution: contributionOf(x, x.form) }));
  return sizeSubmission(checked, store.bounds) ?? checked;
}

/** Step 2: the key claimed (null), or the answer already due: another body under it refused, a finished request replayed. */
async function claimKey(store: ReturnStore, r: Request, key: string | null): Promise<SubmitResult | DomainError | null> {
  if (!key) return null;
  const claim = await store.keys.claim(r.principal.id, key, r.hash);
  if (claim.claimed) return null;
  if (claim.existing.bodyHash !== r.hash) return domainError('idempotency.key_reused', REFUSAL_TEXTS.keyReused());
  const done = submitResponseSchema.safeParse(claim.existing.response);
  // Claimed by an identical request that has not finished: do the work (each return is kept once).
  return done.success ? replay(r.definitions, r.principal, done.data) : null;
}

/** What a stored record was made by this request (same caller, key and body): a retry finds it and replays it. */
const madeBy = (r: Request, rec: StoredReturn | undefined) => !!rec && r.scopedKey !== null && rec.idempotencyKey === r.scopedKey && rec.bodyHash === r.hash;

/** The planned versions, and the returns this request already stored (replayed). */
interface Plan {
  /** Every return of the request, in its order. */
  keys: ReturnKey[];
  pending: Pending[];
  replayed: { index: number; current: CurrentReturn }[];
}

/** Step 3: the versions to store; or the refusal of a request holding any locked return (all of them named). */
async function planVersions(store: ReturnStore, r: Request, checked: Checked[], currents: (CurrentReturn | null)[], gate?: SubmitGate): Promise<Plan | DomainError> {
  const plan: Plan = { keys: checked.map(keyOf), pending: [], replayed: [] };
  const locks: { key: ReturnKey; lock: ReviewError; units: OrgUnitTree }[] = [];
  const startedAt = new Date().toISOString();
  for (const [index, x] of checked.entries()) {
    const current = currents[index];
    if (current && madeBy(r, current.record)) {
      plan.replayed.push({ index, current });
      continue;
    }
    const key = keyOf(x);
    const lock = await gate?.check(key, x.form, x.definitions.units);
    if (lock && !lock.code.startsWith('lock.')) return lock; // the caller may not submit at all
    if (lock) locks.push({ key, lock, units: x.definitions.units });
    plan.pending.push({
      index,
      version: {
        replaces: current,
        rows: x.rows,
        record: {
          ...key,
          version: (current?.record.version ?? 0) + 1,
          submittedAt: startedAt,
          submittedBy: r.principal.name,
          fileName: r.req.returns[index].fileName ?? r.req.fileName, // checkSubmission keeps the request's order
          sheet: x.sheet,
          idempotencyKey: r.scopedKey,
          bodyHash: r.hash,
          rowCount: x.rows.length,
          warnings: x.issues.filter((i) => i.severity === 'warning').length,
          fields: x.fields,
          fieldCells: x.fieldCells,
          columns: x.columns,
          firstColumn: x.firstColumn,
          contribution: x.contribution,
          checkedWith: checkedWith(x.definitions, x.formId, x.orgUnit),
          issues: x.issues.slice(0, STORED_ISSUES),
        },
      },
    });
  }
  if (locks.length) {
    // What an earlier try stored stays stored: its tallies are brought up to it.
    await tallyStored(
      store,
      r.definitions,
      plan.replayed.map((p) => p.current.record),
    );
    return lockRefusal(locks, checked.length);
  }
  return plan;
}

/** What was stored, and what the answer says of each return. */
interface Stored {
  receipts: Receipt[];
  /** Every record now current because of this request (replays too): their tallies are brought up to them. */
  records: StoredReturn[];
  /** Versions this try stored: the audit trail records their submission. */
  fresh: { key: ReturnKey; version: number; submittedAt: string }[];
}

/**
 * Step 4: commits the planned versions. A group that conflicts because an identical request
 * (same caller, key and body) stored it first is a replay, and the commit goes on with the
 * rest; any other conflict, or storage failing, answers what is stored and what is not.
 */
async function storeVersions(store: ReturnStore, r: Request, plan: Plan, gate?: SubmitGate): Promise<Stored | DomainError> {
  const receipts: (Receipt | null)[] = r.req.returns.map(() => null);
  const out: Stored = { receipts: [], records: [], fresh: [] };
  // The previous version only says what changed: storage failing there leaves the receipt without it.
  const previousOf = async (rec: StoredReturn) => (rec.version > 1 ? store.version(rec, rec.version - 1).catch((e) => (isStorageUnavailable(e) ? null : Promise.reject(e))) : null);
  for (const { index, current } of plan.replayed) {
    receipts[index] = receipt(current.record, await previousOf(current.record), true);
    out.records.push(current.record);
  }
  let todo = plan.pending;
  // Each round stores at least one group or ends: bounded by the number of returns.
  for (let round = 0; todo.length > 0 && round <= plan.pending.length; round++) {
    const report = await store.commit(todo.map((p) => p.version));
    for (const [j, o] of report.outcomes.entries()) {
      if (o.state !== 'stored') continue;
      receipts[todo[j].index] = receipt(o.record, todo[j].version.replaces?.record);
      out.records.push(o.record);
      out.fresh.push({ key: keyOf(o.record), version: o.record.version, submittedAt: o.record.submittedAt });
    }
    const unknownOf = (states: string[]) => new Set(todo.filter((_p, j) => states.includes(report.outcomes[j].state)).map((p) => p.index));
    if (report.failed) {
      await afterStored(store, r.definitions, gate, out.records, out.fresh);
      return unstored(plan, receipts, unknownOf(['unknown']));
    }
    const rest = todo.filter((_p, j) => report.outcomes[j].state !== 'stored');
    if (rest.length === 0) break;
    let now: (CurrentReturn | null)[];
    try {
      now = await store.current(rest.map((p) => keyOf(p.version.record)));
    } catch (e) {
      if (!isStorageUnavailable(e)) throw e;
      await afterStored(store, r.definitions, gate, out.records, out.fresh);
      return unstored(plan, receipts, unknownOf(['conflict'])); // an identical request may have stored those
    }
    const conflicted = rest.filter((p, j) => report.outcomes[todo.indexOf(p)].state === 'conflict' && !madeBy(r, now[j]?.record));
    if (conflicted.length) {
      await afterStored(store, r.definitions, gate, out.records, out.fresh);
      return lostRace(r.definitions, plan, conflicted, receipts, gate);
    }
    const next: Pending[] = [];
    for (const [j, p] of rest.entries()) {
      const c = now[j];
      if (c && madeBy(r, c.record)) {
        receipts[p.index] = receipt(c.record, await previousOf(c.record), true);
        out.records.push(c.record);
      } else next.push({ index: p.index, version: { ...p.version, replaces: c, record: { ...p.version.record, version: (c?.record.version ?? 0) + 1 } } });
    }
    todo = next;
  }
  out.receipts = receipts.map((x) => x!);
  return out;
}

function outcomesOf(plan: Plan, receipts: (Receipt | null)[], unknown: Set<number>): ReturnOutcome[] {
  return plan.keys.map((key, i) => {
    const rec = receipts[i];
    return rec ? { ...key, state: 'stored', version: rec.version } : { ...key, state: unknown.has(i) ? 'unknown' : 'not_stored' };
  });
}

/** Storage failed during the commit: the answer says, per return, what is stored, what may be (`unknown`), and what is not. */
function unstored(plan: Plan, receipts: (Receipt | null)[], unknown: Set<number>): DomainError {
  const stored = receipts.filter(Boolean).length;
  const total = plan.keys.length;
  const outcomes = outcomesOf(plan, receipts, unknown);
  if (stored === 0 && unknown.size === 0) return domainError('storage.unavailable', NOTHING_STORED, { outcomes });
  return domainError(stored === 0 ? 'storage.unavailable' : 'return.partly_stored', REFUSAL_TEXTS.partlyStored({ stored, unconfirmed: unknown.size, total }), { outcomes });
}

/** Another writer moved a return's pointer first: a review (then its lock is named) or another submission. */
async function lostRace(definitions: DefinitionSource, plan: Plan, conflicted: Pending[], receipts: (Receipt | null)[], gate?: SubmitGate): Promise<DomainError> {
  for (const p of conflicted) {
    const { formId, fiscalYear } = p.version.record;
    const year = definitions.forYear(fiscalYear);
    // A review won the race: say which lock (storage failing here only leaves it unnamed: some returns may be stored).
    const lock = await gate?.check(keyOf(p.version.record), year.formById(formId)!, year.units).catch((e) => (isStorageUnavailable(e) ? null : Promise.reject(e)));
    if (lock && isReviewError(lock)) return lock;
  }
  const stored = receipts.filter(Boolean).length;
  const first = conflicted[0].version.record;
  const name = `${first.formId} ${first.orgUnit} ${first.fiscalYear} ${first.period}`;
  return domainError('return.conflict', REFUSAL_TEXTS.storedMeanwhile({ name, stored }), stored ? { outcomes: outcomesOf(plan, receipts, new Set()) } : {});
}

/** The tallies of every current return brought up to stored versions (idempotent; what cannot be done now stays pending for the repair). */
async function tallyStored(store: ReturnStore, definitions: DefinitionSource, records: StoredReturn[]): Promise<void> {
  for (const formId of new Set(records.map((x) => x.formId))) {
    const mine = records.filter((x) => x.formId === formId);
    await keepTalliesAll(
      store.tallies,
      definitions,
      formId,
      'all',
      mine.map((x) => ({ key: x, revision: x.version, contribution: x.contribution })),
    );
  }
}

/**
 * Step 5: tallies and the audit trail brought up to what is stored, at once. The returns are
 * stored whatever happens here: a failure is noted, never answered (the repair completes the
 * tallies from their intents; the history recovers a lost audit entry).
 */
async function afterStored(store: ReturnStore, definitions: DefinitionSource, gate: SubmitGate | undefined, records: StoredReturn[], fresh: Stored['fresh']): Promise<void> {
  if (records.length === 0) return;
  const done = await Promise.allSettled([tallyStored(store, definitions, records), fresh.length ? gate?.recorded(fresh) : undefined]);
  for (const d of done)
    if (d.status === 'rejected') noteEvent('submit.after_store_failed', { 'error.message': d.reason instanceof Error ? d.reason.message : String(d.reason), 'returns.count': records.length });
}

/** Step 6: the answer kept under the key; storage failing here is harmless (a retry finds each return stored under the key and replays it). */
async function completeKey(store: ReturnStore, r: Request, key: string, body: SubmitResponse): Promise<void> {
  try {
    await store.keys.complete(r.principal.id, key, r.hash, body);
  } catch (e) {
    noteEvent('submit.key_not_completed', { 'error.message': e instanceof Error ? e.message : String(e) });
  }
}

/** A finished request's answer again, after authorizing the caller again for every return in it. */
function replay(definitions: DefinitionSource, principal: Principal, response: SubmitResponse): SubmitResult | DomainError {
  const other = response.receipts.find((x) => !mayAccess(principal, x.orgUnit, definitions.forYear(x.fiscalYear).units));
  if (other) return domainError('auth.other_unit', REFUSAL_TEXTS.replayOtherUnit({ mine: principal.orgUnit ?? '', asked: other.orgUnit, units: definitions.forYear(other.fiscalYear).units }));
  return { replayed: true, body: { receipts: response.receipts.map((x) => ({ ...x, replayed: true })) } };
}
