import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { domainError, isDomainError, type DomainError } from '../domain/domainError';
import type { Principal } from '../domain/principal';
import type { IdempotencyStore } from '../store/idempotencyStore';
import { isProblem, problem, problemOf, problemResponse, type ApiProblem } from './problem';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** What an Idempotency-Key may be: 8–128 visible ASCII characters (the same for submissions and decisions). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

export const badIdempotencyKey = () => problem('idempotency.bad_key', { en: 'Idempotency-Key must be 8–128 visible ASCII characters.', th: 'Idempotency-Key ต้องเป็นอักขระ ASCII ที่มองเห็นได้ 8–128 ตัว' });

/** A finished decision's answer, kept under its key. */
const answerSchema = z.object({ status: z.number().int(), body: z.unknown() });

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Runs a reviewer's decision (accept, send back, reopen, bulk accept, exception) under the
 * caller's Idempotency-Key when the request sends one, so a client may retry it safely: the
 * key is claimed with the request's hash (route and body); another request under it is refused
 * (422); a finished one is answered again as it was (`Idempotent-Replay: true`). A try whose
 * answer was lost is recognised by the decision it wrote (`requestKey` on the review), so its
 * retry answers that decision instead of deciding again. Final answers (2xx, 4xx) are kept; a
 * 5xx is not, so the retry does the work.
 */
export async function underIdempotencyKey(
  req: HttpRequest,
  principal: Principal,
  keys: IdempotencyStore,
  text: string,
  run: (requestKey: string | null) => Promise<HttpResponseInit | DomainError | ApiProblem>,
): Promise<HttpResponseInit | DomainError | ApiProblem> {
  const key = req.headers.get('idempotency-key');
  if (key === null) return run(null);
  if (!IDEMPOTENCY_KEY.test(key)) return badIdempotencyKey();
  const scope = `${principal.id}|decision`;
  const bodyHash = hash(`${req.method} ${new URL(req.url).pathname}\n${text}`);
  const claim = await keys.claim(scope, key, bodyHash);
  if (!claim.claimed) {
    if (claim.existing.bodyHash !== bodyHash) return domainError('idempotency.key_reused', REFUSAL_TEXTS.keyReused());
    const kept = answerSchema.safeParse(claim.existing.response);
    if (kept.success) return { status: kept.data.status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotent-Replay': 'true' }, body: JSON.stringify(kept.data.body) };
  }
  const out = await run(hash(`${scope}|${key}`).slice(0, 32));
  const res = isDomainError(out) ? problemResponse(problemOf(out)) : isProblem(out) ? problemResponse(out) : out;
  const status = res.status ?? 200;
  if (status < 500 && typeof res.body === 'string') await keys.complete(scope, key, bodyHash, { status, body: JSON.parse(res.body) as unknown });
  return out;
}
