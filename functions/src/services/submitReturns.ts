import { createHash } from 'node:crypto';
import type { SubmitRequest, Receipt, SubmitResponse } from '@returns-hub/shared/api/schemas';
import { checkedWith, type DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import { contributionOf } from '@returns-hub/shared/consolidate/consolidateReturns';
import { mayAccess, type Principal } from '../domain/principal';
import { domainError, isDomainError, type DomainError } from '../domain/domainError';
import type { ReturnOutcome } from '../domain/returnOutcome';
import type { CurrentReturn, PointerSwitch, ReturnStore, WriteRecord } from '../store/returnStore';
import type { StoredReturn } from '../store/storedReturn';
import type { ReturnKey } from '../store/keys';
import { isStorageUnavailable } from '../store/storageUnavailable';
import { checkSubmission, type Storable } from './checkSubmission';
import { sizeSubmission } from './sizeSubmission';
import { keyOf } from './returnKeyOf';
import { receipt } from './receipt';
import { keepTalliesAll } from './applyTallyShare';
import type { SubmitGate } from './submitGate';

/** Versions whose rows are written at once. */
const ROW_WRITERS = 4;

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

/** One return of the request on its way to storage. */
interface Pending {
  index: number;
  key: ReturnKey;
  current: CurrentReturn | null;
  record: StoredReturn;
  rows: Storable['rows'];
  write: WriteRecord;
}

type State = 'stored' | 'not_stored' | 'unknown';

const unavailable = (what: { en: string; th: string }) => domainError('storage.unavailable', what);

function outcomesOf(returns: Storable[], state: (i: number) => State, versionOf: (i: number) => number | undefined): ReturnOutcome[] {
  return returns.map((r, i) => ({ ...keyOf(r), state: state(i), ...(state(i) === 'stored' ? { version: versionOf(i) } : {}) }));
}

async function previousOf(store: ReturnStore, r: StoredReturn): Promise<StoredReturn | null> {
  return r.version > 1 ? store.getVersion(r, r.version - 1) : null;
}

/**
 * Brings the running tallies (every current return) up to stored versions, the returns of
 * one form together; answers the write ids the tallies now hold. Idempotent. Trouble leaves
 * the tallies marked stale, never the submission refused: the returns are stored.
 */
async function tally(store: ReturnStore, definitions: DefinitionSource, records: StoredReturn[]): Promise<Set<string>> {
  const held = new Set<string>();
  for (const formId of new Set(records.map((r) => r.formId))) {
    const mine = records.filter((r) => r.formId === formId);
    const outcomes = await keepTalliesAll(
      store.tallies,
      definitions,
      formId,
      'all',
      mine.map((r) => ({ key: r, revision: r.version, contribution: r.contribution })),
    );
    mine.forEach((r, i) => (outcomes[i] === 'applied' || outcomes[i] === 'already') && held.add(r.writeId));
  }
  return held;
}

/** Removes what a write left (it lost a race); storage trouble leaves it to the orphan sweep. */
async function discard(store: ReturnStore, p: Pending): Promise<void> {
  try {
    await store.deleteWrite(p.record.writeId);
    await store.endWrites([p.write]);
  } catch (e) {
    if (!isStorageUnavailable(e)) throw e;
  }
}

/**
 * Stores the returns of a request, all or nothing where storage allows it.
 *
 * 1. Check everything again, authorize on the org units named (403 before 422), bound every
 *    value and size the request against the store: refusals come before any write.
 * 2. Claim the caller's idempotency key (insert-if-absent, with the body's hash): another body
 *    under the same key is refused; a finished request is replayed (200) after authorizing again.
 * 3. Record each write, write its rows, keep the previous version in the history.
 * 4. Switch the pointers: the returns of one form and period (≤100) in one transaction with
 *    ETag conditions, so a request commits whole or not at all. A request spanning several
 *    transactions answers, on a fault, per return what was stored; its retry (same key)
 *    completes it, because a return already stored by this request is recognised and kept.
 */
export async function submitReturns(
  store: ReturnStore,
  definitions: DefinitionSource,
  principal: Principal,
  req: SubmitRequest,
  text: string,
  idempotencyKey: string | null,
  now = () => new Date(),
  gate?: SubmitGate,
): Promise<SubmitResult | DomainError> {
  try {
    return await submit(store, definitions, principal, req, text, idempotencyKey, now, gate);
  } catch (e) {
    if (!isStorageUnavailable(e)) throw e;
    return unavailable({
      en: 'Storage did not answer in time; nothing of this request was stored. Retry shortly with the same Idempotency-Key.',
      th: 'ระบบจัดเก็บข้อมูลไม่ตอบสนองในเวลาที่กำหนด ยังไม่ได้บันทึกข้อมูลของคำขอนี้ กรุณาส่งใหม่ด้วย Idempotency-Key เดิม',
    });
  }
}

async function submit(
  store: ReturnStore,
  definitions: DefinitionSource,
  principal: Principal,
  req: SubmitRequest,
  text: string,
  idempotencyKey: string | null,
  now: () => Date,
  gate?: SubmitGate,
): Promise<SubmitResult | DomainError> {
  const hash = bodyHash(text);
  const returns = await checkSubmission(store, definitions, principal, req.returns);
  if (isDomainError(returns)) return returns;
  const tooLarge = sizeSubmission(returns, store.bounds);
  if (tooLarge) return tooLarge;
  const contributions = returns.map((r) => contributionOf(r, r.form));
  for (const [i, c] of contributions.entries()) {
    const chars = JSON.stringify(c).length;
    if (chars > store.bounds.recordJsonChars)
      return domainError('return.too_large', {
        en: `${returns[i].formId} ${returns[i].orgUnit} makes a tally contribution of ${chars} characters; at most ${store.bounds.recordJsonChars} can be stored.`,
        th: `แบบรายงาน ${returns[i].formId} ${returns[i].orgUnit} มีข้อมูลสำหรับสรุปผล ${chars} ตัวอักษร เก็บได้ไม่เกิน ${store.bounds.recordJsonChars} ตัวอักษร`,
      });
  }

  // The key is the caller's: the same key from another caller is another key.
  const scopedKey = idempotencyKey ? `${principal.id}|${idempotencyKey}` : null;
  // The pointers (then their reviews: see submitGate) are read while the key is claimed: only
  // reads, each switch still conditional on what was read; a refused or replayed request drops them.
  const keys = returns.map(keyOf);
  const reading = (async () => {
    const currents = await store.getCurrentMany(keys);
    await gate?.prime(keys);
    return currents;
  })();
  reading.catch(() => undefined); // awaited below, unless the claim answers first
  if (idempotencyKey) {
    const claim = await store.claimIdempotency(principal.id, idempotencyKey, hash);
    if (!claim.claimed && claim.existing.bodyHash !== hash)
      return domainError('idempotency.key_reused', { en: 'This Idempotency-Key was used for a different request.', th: 'Idempotency-Key นี้เคยใช้กับคำขออื่นแล้ว' });
    if (!claim.claimed && claim.existing.response) return replay(definitions, principal, claim.existing.response);
    // Claimed now, or claimed by an identical request that has not finished: do the work (each return is kept once).
  }

  const receipts: (Receipt | null)[] = returns.map(() => null);
  const pending: Pending[] = [];
  const startedAt = now().toISOString();
  const currents = await reading;
  const replayed: StoredReturn[] = []; // stored by an earlier try that may have stopped before the tallies
  for (const [index, r] of returns.entries()) {
    const key = keys[index];
    const current = currents[index];
    if (current && scopedKey && current.record.idempotencyKey === scopedKey && current.record.bodyHash === hash) {
      receipts[index] = receipt(current.record, await previousOf(store, current.record), true);
      replayed.push(current.record);
      continue;
    }
    const locked = await gate?.check(key, r.form, r.definitions.units);
    if (locked) {
      await tally(store, definitions, replayed);
      return locked;
    }
    const record: StoredReturn = {
      ...key,
      version: (current?.record.version ?? 0) + 1,
      writeId: store.newWriteId(),
      submittedAt: startedAt,
      submittedBy: principal.name,
      fileName: req.returns[index].fileName ?? req.fileName, // checkSubmission keeps the request's order
      sheet: r.sheet,
      idempotencyKey: scopedKey,
      bodyHash: hash,
      rowCount: r.rows.length,
      warnings: r.issues.filter((i) => i.severity === 'warning').length,
      fields: r.fields,
      fieldCells: r.fieldCells,
      columns: r.columns,
      firstColumn: r.firstColumn,
      contribution: contributions[index],
      checkedWith: checkedWith(r.definitions, r.formId, r.orgUnit),
      issues: r.issues.slice(0, STORED_ISSUES),
    };
    pending.push({ index, key, current, record, rows: r.rows, write: { writeId: record.writeId, key, startedAt } });
  }
  await tally(store, definitions, replayed);

  // Nothing is visible until the pointers move: a failure here leaves only recorded writes, which the sweep removes.
  await store.beginWrites(pending.map((p) => p.write));
  const queue = [...pending];
  const writer = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) await store.writeRows(p.record.writeId, p.rows);
  };
  await Promise.all([
    // Each version's rows in partitions of their own: a few written at once.
    ...Array.from({ length: Math.min(ROW_WRITERS, queue.length) }, writer),
    // History holds every version, even if a writer died after its switch.
    store.putVersions(pending.flatMap((p) => (p.current ? [p.current.record] : []))),
  ]);

  const state = new Map<number, State>(pending.map((p) => [p.index, 'not_stored']));
  const byWriteId = new Map(pending.map((p) => [p.record.writeId, p]));
  const groups = store.switchGroups(pending.map((p): PointerSwitch => ({ record: p.record, etag: p.current?.etag ?? null })));
  const stateOf = (i: number): State => (receipts[i] ? 'stored' : (state.get(i) ?? 'not_stored'));
  const versionOf = (i: number) => receipts[i]?.version;

  for (const [g, group] of groups.entries()) {
    const members = group.map((s) => byWriteId.get(s.record.writeId)!);
    let switched: Awaited<ReturnType<ReturnStore['switchCurrent']>>;
    try {
      switched = await store.switchCurrent(group);
    } catch (e) {
      if (!isStorageUnavailable(e)) throw e;
      members.forEach((p) => state.set(p.index, 'unknown'));
      const stored = returns.filter((_r, i) => stateOf(i) === 'stored').length;
      const what = {
        en: `Storage did not answer in time: ${stored} of ${returns.length} return(s) of this request are stored, ${members.length} may be. Retry with the same Idempotency-Key to complete it.`,
        th: `ระบบจัดเก็บข้อมูลไม่ตอบสนองในเวลาที่กำหนด บันทึกแล้ว ${stored} จาก ${returns.length} ฉบับ และอาจบันทึกแล้วอีก ${members.length} ฉบับ กรุณาส่งใหม่ด้วย Idempotency-Key เดิมเพื่อบันทึกให้ครบ`,
      };
      const outcomes = outcomesOf(returns, stateOf, versionOf);
      return g === 0 && stored === 0 ? domainError('storage.unavailable', what, { outcomes }) : domainError('return.partly_stored', what, { outcomes });
    }
    if (switched.ok) {
      for (const p of members) receipts[p.index] = receipt(p.record, p.current?.record);
      try {
        // The history, the tallies and the audit trail are independent: written at once.
        const [versions, held, audit] = await Promise.allSettled([
          store.putVersions(members.map((p) => p.record)),
          // A write is forgotten only once the tallies hold it: until then the sweep applies it again.
          tally(
            store,
            definitions,
            members.map((p) => p.record),
          ),
          gate?.recorded(members.map((p) => ({ key: p.key, version: p.record.version, submittedAt: p.record.submittedAt }))),
        ]);
        for (const r of [versions, held, audit]) if (r.status === 'rejected') throw r.reason;
        if (held.status === 'fulfilled') await store.endWrites(members.filter((p) => held.value.has(p.record.writeId)).map((p) => p.write));
      } catch (e) {
        if (!isStorageUnavailable(e)) throw e; // stored: the pointers hold them; the sweep forgets the writes
      }
      continue;
    }
    // A conflict: an identical request (same caller, key and body) got there first, or another writer did.
    const now_ = await store.getCurrentMany(members.map((p) => p.key));
    const duplicate = scopedKey !== null && now_.every((c) => c && c.record.idempotencyKey === scopedKey && c.record.bodyHash === hash);
    for (const p of members) await discard(store, p);
    if (duplicate) {
      for (const [k, p] of members.entries()) receipts[p.index] = receipt(now_[k]!.record, await previousOf(store, now_[k]!.record), true);
      await tally(
        store,
        definitions,
        now_.map((c) => c!.record),
      );
      continue;
    }
    for (const later of groups.slice(g + 1)) for (const s of later) await discard(store, byWriteId.get(s.record.writeId)!);
    for (const p of members) {
      const r = returns[p.index];
      const lockedMeanwhile = await gate?.check(p.key, r.form, r.definitions.units); // a review won the race: say which lock
      if (lockedMeanwhile) return lockedMeanwhile;
    }
    const stored = returns.filter((_r, i) => stateOf(i) === 'stored').length;
    const first = members[0].record;
    return domainError(
      'return.conflict',
      {
        en: `Another submission of ${first.formId} ${first.orgUnit} ${first.fiscalYear} ${first.period} was stored at the same time; reload and send again.${stored ? ` (${stored} other return(s) of this request were stored.)` : ''}`,
        th: `มีการส่งแบบรายงาน ${first.formId} ${first.orgUnit} ${first.fiscalYear} ${first.period} พร้อมกันจากที่อื่น กรุณาโหลดใหม่แล้วส่งอีกครั้ง${stored ? ` (บันทึกฉบับอื่นของคำขอนี้แล้ว ${stored} ฉบับ)` : ''}`,
      },
      stored ? { outcomes: outcomesOf(returns, stateOf, versionOf) } : {},
    );
  }

  const body: SubmitResponse = { receipts: receipts.map((r) => r!) };
  if (idempotencyKey) {
    try {
      await store.completeIdempotency(principal.id, idempotencyKey, hash, body);
    } catch (e) {
      if (!isStorageUnavailable(e)) throw e; // stored: a retry finds each return stored under the key and replays it
    }
  }
  return { replayed: body.receipts.every((r) => r.replayed), body };
}

/** A finished request's answer again, after authorizing the caller again for every return in it. */
function replay(definitions: DefinitionSource, principal: Principal, response: SubmitResponse): SubmitResult | DomainError {
  const other = response.receipts.find((r) => !mayAccess(principal, r.orgUnit, definitions.forYear(r.fiscalYear).units));
  if (other)
    return domainError('auth.other_unit', {
      en: `This key may submit only for org unit ${principal.orgUnit}; the request was for ${other.orgUnit}.`,
      th: `คีย์นี้ส่งแบบรายงานได้เฉพาะของหน่วยงาน ${principal.orgUnit} แต่คำขอนี้เป็นของ ${other.orgUnit}`,
    });
  return { replayed: true, body: { receipts: response.receipts.map((r) => ({ ...r, replayed: true })) } };
}
