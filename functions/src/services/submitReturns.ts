import { createHash } from 'node:crypto';
import type { SubmitRequest, Receipt, SubmitResponse } from '@returns-hub/shared/api/schemas';
import type { LocatedReturn } from '@returns-hub/shared/read/locatedReturn';
import type { CheckedReturn } from '@returns-hub/shared/check/checkedReturn';
import { checkReturn } from '@returns-hub/shared/check/checkReturn';
import { formById } from '@returns-hub/shared/forms/index';
import { contributionOf } from '@returns-hub/shared/consolidate/consolidateReturns';
import { issueAt } from '@returns-hub/shared/issues/messages';
import type { Issue } from '@returns-hub/shared/issues/issue';
import type { Principal } from '../http/auth';
import { mayAccess } from '../http/auth';
import { isProblem, problem, type ApiProblem } from '../http/problem';
import type { ReturnStore } from '../store/returnStore';
import type { StoredReturn } from '../store/storedReturn';
import type { ReturnKey } from '../store/keys';
import { reviewProblem } from '../http/reviewProblem';
import type { SubmitGate } from './submitGate';

/** Findings kept with a stored version (warnings and info); the full list is the client's. */
const STORED_ISSUES = 200;

export function bodyHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function keyOf(r: CheckedReturn): ReturnKey {
  return { formId: r.formId, fiscalYear: r.fiscalYear!, period: r.period!, orgUnit: r.orgUnit!, subject: r.subject };
}

/** The previous quarter's current version, for the cumulative-result rule (across submissions). */
async function previousQuarter(store: ReturnStore, r: CheckedReturn): Promise<CheckedReturn | undefined> {
  if (!r.period || !/^Q[2-4]$/.test(r.period) || !r.orgUnit || !r.fiscalYear) return undefined;
  const prev = await store.getCurrent({ ...keyOf(r), period: `Q${Number(r.period[1]) - 1}` });
  if (!prev) return undefined;
  const rows = await store.readRows(prev.record.writeId);
  return { ...r, period: prev.record.period, fields: prev.record.fields, fieldCells: prev.record.fieldCells, columns: prev.record.columns, firstColumn: prev.record.firstColumn, rows, issues: [] };
}

/** Checks everything the client read, again, with the same code; any error refuses the whole request. */
async function recheck(store: ReturnStore, returns: LocatedReturn[]): Promise<CheckedReturn[] | ApiProblem> {
  const checked: CheckedReturn[] = [];
  const errors: Issue[] = [];
  for (const loc of returns) {
    const form = formById(loc.formId);
    if (!form) {
      errors.push(issueAt('error', 'form.unknown', loc.titleCell, { id: loc.formId }));
      continue;
    }
    let r = checkReturn(loc);
    if (form.period.kind === 'quarter') {
      const previous = await previousQuarter(store, r);
      if (previous) r = checkReturn(loc, { previous });
    }
    errors.push(...r.issues.filter((i) => i.severity === 'error'));
    checked.push(r);
  }
  if (errors.length) return problem(422, 'return.has_errors', 'Unprocessable Content', `The return has ${errors.length} error(s); nothing was stored.`, errors);
  return checked;
}

function changesBetween(prev: StoredReturn | undefined, next: StoredReturn): Receipt['changes'] {
  if (!prev) return [];
  const out: Receipt['changes'] = [];
  for (const id of new Set([...Object.keys(prev.fields), ...Object.keys(next.fields)])) {
    const a = prev.fields[id] ?? null;
    const b = next.fields[id] ?? null;
    if (a !== b) out.push({ field: id, from: a, to: b });
  }
  if (prev.rowCount !== next.rowCount) out.push({ field: 'rows', from: prev.rowCount, to: next.rowCount });
  return out;
}

function receipt(r: StoredReturn, prev: StoredReturn | undefined, replayed = false): Receipt {
  return {
    formId: r.formId,
    orgUnit: r.orgUnit,
    fiscalYear: r.fiscalYear,
    period: r.period,
    subject: r.subject,
    version: r.version,
    submittedAt: r.submittedAt,
    previousVersion: prev?.version ?? null,
    rows: r.rowCount,
    warnings: r.warnings,
    changes: changesBetween(prev, r),
    ...(replayed ? { replayed: true } : {}),
  };
}

interface Meta {
  principal: Principal;
  fileName: string;
  idempotencyKey: string | null;
  bodyHash: string;
  now: () => Date;
  gate?: SubmitGate;
}

/**
 * Stores one checked return as a new version: rows first (under a fresh write id, in
 * transactions), then the pointer moves with an ETag check. Of two concurrent writers
 * one wins; the other gets 409 and its rows are removed. A retry of a request that was
 * stored already (same idempotency key and body) answers with the stored version.
 */
async function storeOne(store: ReturnStore, r: CheckedReturn, meta: Meta): Promise<Receipt | ApiProblem> {
  const key = keyOf(r);
  const current = await store.getCurrent(key);
  if (current && meta.idempotencyKey && current.record.idempotencyKey === meta.idempotencyKey && current.record.bodyHash === meta.bodyHash) {
    const history = await store.listVersions(key);
    return receipt(
      current.record,
      history.find((v) => v.version === current.record.version - 1),
      true,
    );
  }
  const form = formById(r.formId)!;
  const locked = await meta.gate?.check(key, form); // after getCurrent: see submitGate
  if (locked) return reviewProblem(locked);
  const record: StoredReturn = {
    ...key,
    version: (current?.record.version ?? 0) + 1,
    writeId: store.newWriteId(),
    submittedAt: meta.now().toISOString(),
    submittedBy: meta.principal.name,
    fileName: meta.fileName,
    sheet: r.sheet,
    idempotencyKey: meta.idempotencyKey,
    bodyHash: meta.bodyHash,
    rowCount: r.rows.length,
    warnings: r.issues.filter((i) => i.severity === 'warning').length,
    fields: r.fields,
    fieldCells: r.fieldCells,
    columns: r.columns,
    firstColumn: r.firstColumn,
    contribution: contributionOf(r, form),
    issues: r.issues.slice(0, STORED_ISSUES),
  };
  await store.writeRows(record.writeId, r.rows);
  if (current) await store.putVersion(current.record); // history holds every version, even if a writer died after its switch
  const switched = await store.switchCurrent(record, current?.etag ?? null);
  if (!switched.ok) {
    await store.deleteRows(record.writeId).catch(() => undefined);
    const lockedMeanwhile = await meta.gate?.check(key, form);
    if (lockedMeanwhile) return reviewProblem(lockedMeanwhile);
    return problem(409, 'return.conflict', 'Conflict', `Another submission of ${r.formId} ${r.orgUnit} ${r.fiscalYear} ${r.period} was stored at the same time; reload and send again.`);
  }
  await store.putVersion(record);
  await meta.gate?.recorded(key, record.version, record.submittedAt);
  return receipt(record, current?.record);
}

export async function submitReturns(
  store: ReturnStore,
  principal: Principal,
  req: SubmitRequest,
  text: string,
  idempotencyKey: string | null,
  now = () => new Date(),
  gate?: SubmitGate,
): Promise<{ status: number; body: SubmitResponse; replayed: boolean } | ApiProblem> {
  const hash = bodyHash(text);
  if (idempotencyKey) {
    const seen = await store.getIdempotent(idempotencyKey);
    if (seen && seen.bodyHash !== hash) return problem(422, 'idempotency.key_reused', 'Unprocessable Content', 'This Idempotency-Key was used for a different request.');
    if (seen) {
      const stored = seen.response as SubmitResponse;
      return { status: 200, body: { receipts: stored.receipts.map((r) => ({ ...r, replayed: true })) }, replayed: true };
    }
  }
  const checked = await recheck(store, req.returns);
  if (isProblem(checked)) return checked;
  for (const r of checked) {
    if (!mayAccess(principal, r.orgUnit!)) return problem(403, 'auth.other_unit', 'Forbidden', `This key may submit only for org unit ${principal.orgUnit}; the return is for ${r.orgUnit}.`);
    const locked = await gate?.check(keyOf(r), formById(r.formId)!); // refuse before storing any of the request
    if (locked) return reviewProblem(locked);
  }
  const receipts: Receipt[] = [];
  for (const r of checked) {
    const out = await storeOne(store, r, { principal, fileName: req.fileName, idempotencyKey, bodyHash: hash, now, gate });
    if (isProblem(out)) return receipts.length ? { ...out, detail: `${out.detail} (${receipts.length} earlier return(s) of this request were stored.)` } : out;
    receipts.push(out);
  }
  const body: SubmitResponse = { receipts };
  if (idempotencyKey) await store.putIdempotent(idempotencyKey, hash, body);
  return { status: 201, body, replayed: receipts.every((r) => r.replayed) };
}
