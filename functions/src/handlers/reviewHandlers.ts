import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { fiscalYearParam, formIdParam, listQuerySchema, orgUnitParam, periodParam } from '@returns-hub/shared/api/schemas';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { Definitions } from '@returns-hub/shared/definitions/definitions';
import { formOfYear } from '../http/knownForm';
import { acceptBodySchema, bulkAcceptBodySchema, exceptionBodySchema, reopenBodySchema, sendBackBodySchema } from '@returns-hub/shared/review/reviewSchemas';
import { endpoint, type Deps } from '../http/endpoint';
import { mayAccess, type Principal } from '../domain/principal';
import { readJson } from '../http/readJson';
import { isProblem, json, problem, type ApiProblem } from '../http/problem';
import { invalidQuery } from '../http/invalidInput';
import { clientOf } from '../http/clientOf';
import { isReviewError, reviewError } from '../domain/reviewError';
import type { Actor, ReviewCommand } from '../domain/reviewRules';
import type { ReturnKey } from '../store/keys';
import { reviewTallies } from '../services/reviewTallies';
import { bulkAccept, reviewReturn } from '../services/reviewReturns';
import { reviewViewOf } from '../services/reviewView';
import { returnHistory } from '../services/reviewHistory';
import { listReviews } from '../services/reviewList';
import { completenessOf } from '../services/reviewCompleteness';
import { grantException } from '../services/lockExceptions';
import { underIdempotencyKey } from '../http/idempotentDecision';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

const returnPath = z.object({ form: formIdParam, fy: fiscalYearParam, period: periodParam, orgUnit: orgUnitParam });
const subjectParam = z.string().max(1000).nullish();

const actor = (req: HttpRequest, principal: Principal, definitions: Definitions): Actor => ({ principal, client: clientOf(req), now: new Date(), units: definitions.units });

const unknownUnit = (code: string) => problem('org_unit.not_found', { en: `No org unit "${code}".`, th: `ไม่มีหน่วยงาน "${code}"` });

/** The return a path names (`returns/{form}/{fy}/{period}/{orgUnit}/…`), with the subject from the body or the query; its year's definitions. */
async function returnOf(deps: Deps, req: HttpRequest, subject: string | null | undefined): Promise<{ key: ReturnKey; form: FormDef; definitions: Definitions } | ApiProblem> {
  const p = returnPath.safeParse(req.params);
  if (!p.success) return problem('path.invalid', { en: 'Bad form, fiscal year, period or org unit in the path.', th: 'แบบรายงาน ปีงบประมาณ งวด หรือหน่วยงานในที่อยู่ (path) ไม่ถูกต้อง' });
  const known = formOfYear(await deps.definitions(), p.data.form, p.data.fy);
  if (isProblem(known)) return known;
  if (!known.definitions.units.byCode(p.data.orgUnit)) return unknownUnit(p.data.orgUnit);
  return { key: { formId: known.form.id, fiscalYear: p.data.fy, period: p.data.period, orgUnit: p.data.orgUnit, subject: subject ?? null }, ...known };
}

function querySubject(req: HttpRequest): string | null | ApiProblem {
  const s = subjectParam.safeParse(req.query.get('subject'));
  return s.success ? (s.data ?? null) : problem('query.invalid', { en: 'subject must be at most 1,000 characters.', th: 'subject ยาวได้ไม่เกิน 1,000 ตัวอักษร' });
}

async function periodQuery(deps: Deps, req: HttpRequest): Promise<{ form: FormDef; definitions: Definitions; fy: number; period: z.infer<typeof listQuerySchema>['period'] } | ApiProblem> {
  const q = listQuerySchema.safeParse(Object.fromEntries(req.query.entries()));
  if (!q.success) return invalidQuery(q.error);
  const known = formOfYear(await deps.definitions(), q.data.form, q.data.fy);
  return isProblem(known) ? known : { ...known, fy: q.data.fy, period: q.data.period };
}

async function commandOf(req: HttpRequest, action: ReviewCommand['action'], maxBytes: number): Promise<{ subject: string | null | undefined; command: ReviewCommand; text: string } | ApiProblem> {
  switch (action) {
    case 'accept': {
      const b = await readJson(req, acceptBodySchema, maxBytes);
      return isProblem(b) ? b : { subject: b.value.subject, command: { action, version: b.value.version, note: b.value.note }, text: b.text };
    }
    case 'send_back': {
      const b = await readJson(req, sendBackBodySchema, maxBytes);
      return isProblem(b) ? b : { subject: b.value.subject, command: { action, version: b.value.version, reason: b.value.reason, comments: b.value.comments }, text: b.text };
    }
    case 'reopen': {
      const b = await readJson(req, reopenBodySchema, maxBytes);
      return isProblem(b) ? b : { subject: b.value.subject, command: { action, version: b.value.version, reason: b.value.reason }, text: b.text };
    }
  }
}
/** POST /api/returns/{form}/{fy}/{period}/{orgUnit}/accept | send-back | reopen (Idempotency-Key: a retry is answered as the first try) */
export const reviewAction = (deps: Deps, action: ReviewCommand['action']) =>
  endpoint(
    deps,
    async (req, principal, store) => {
      const body = await commandOf(req, action, deps.config.maxBodyBytes);
      if (isProblem(body)) return body;
      const target = await returnOf(deps, req, body.subject);
      if (isProblem(target)) return target;
      const reviews = await deps.reviews();
      const tallies = reviewTallies(store, reviews, await deps.definitions());
      return underIdempotencyKey(req, principal, store.keys, body.text, async (requestKey) => {
        const out = await reviewReturn(reviews, target.form, target.key, body.command, { ...actor(req, principal, target.definitions), requestKey }, tallies);
        return isReviewError(out) ? out : json(200, out);
      });
    },
    'decision',
  );

/** GET /api/returns/{form}/{fy}/{period}/{orgUnit}/review?subject= — the return's status, the reviewer's reason and comments, and the lock a new submission would meet. */
export const reviewGet = (deps: Deps) =>
  endpoint(deps, async (req, principal) => {
    const subject = querySubject(req);
    if (isProblem(subject)) return subject;
    const target = await returnOf(deps, req, subject);
    if (isProblem(target)) return target;
    const { key, form, definitions } = target;
    if (!mayAccess(principal, key.orgUnit, definitions.units)) return reviewError('review.forbidden', REFUSAL_TEXTS.reviewOtherUnit({ mine: principal.orgUnit ?? '', units: definitions.units }));
    const reviews = await deps.reviews();
    const [rec, exception] = await Promise.all([reviews.get(key), form.closesAfterDays === undefined ? null : reviews.getException(key.formId, key.fiscalYear, key.period, key.orgUnit)]);
    return json(200, reviewViewOf(key, form, definitions.units, rec, exception, new Date()));
  });

/** GET /api/returns/{form}/{fy}/{period}/{orgUnit}/history?subject= — every action on the return, oldest first. */
export const history = (deps: Deps) =>
  endpoint(deps, async (req, principal, store) => {
    const subject = querySubject(req);
    if (isProblem(subject)) return subject;
    const target = await returnOf(deps, req, subject);
    if (isProblem(target)) return target;
    const out = await returnHistory(await deps.reviews(), store, target.key, principal, target.definitions.units);
    return isReviewError(out) ? out : json(200, out);
  });

/** GET /api/reviews?form=&fy=&period= — the period's returns with their review status. */
export const reviewList = (deps: Deps) =>
  endpoint(deps, async (req, principal) => {
    const q = await periodQuery(deps, req);
    if (isProblem(q)) return q;
    return json(200, await listReviews(await deps.reviews(), principal, q.form, q.definitions.units, q.fy, q.period));
  });

/** GET /api/completeness?form=&fy=&period= — per expected unit: status, on time or late, due date; counts by status. */
export const completeness = (deps: Deps) =>
  endpoint(deps, async (req, principal) => {
    const q = await periodQuery(deps, req);
    if (isProblem(q)) return q;
    return json(200, await completenessOf(await deps.reviews(), principal, q.form, q.definitions.units, q.fy, q.period, new Date()));
  });

/** POST /api/reviews/accept — accept a selection, or every clean return awaiting the caller (Idempotency-Key as for one return). */
export const bulkAcceptRoute = (deps: Deps) =>
  endpoint(
    deps,
    async (req, principal, store) => {
      const body = await readJson(req, bulkAcceptBodySchema, deps.config.maxBodyBytes);
      if (isProblem(body)) return body;
      const b = body.value;
      const known = formOfYear(await deps.definitions(), b.form, b.fy);
      if (isProblem(known)) return known;
      const { form, definitions } = known;
      const reviews = await deps.reviews();
      const tallies = reviewTallies(store, reviews, await deps.definitions());
      return underIdempotencyKey(req, principal, store.keys, body.text, async (requestKey) => {
        const out = await bulkAccept(
          reviews,
          { formId: form.id, fiscalYear: b.fy, period: b.period },
          b.allClean ? { allClean: true } : { returns: b.returns ?? [] },
          b.note,
          { ...actor(req, principal, definitions), requestKey },
          tallies,
        );
        return isReviewError(out) ? out : json(200, out);
      });
    },
    'decision',
  );

/** POST /api/exceptions — HQ lets a unit submit for a closed period (Idempotency-Key: a retry is answered as the first try). */
export const exceptionGrant = (deps: Deps) =>
  endpoint(
    deps,
    async (req, principal, store) => {
      const body = await readJson(req, exceptionBodySchema, deps.config.maxBodyBytes);
      if (isProblem(body)) return body;
      const b = body.value;
      const known = formOfYear(await deps.definitions(), b.form, b.fy);
      if (isProblem(known)) return known;
      if (!known.definitions.units.byCode(b.orgUnit)) return unknownUnit(b.orgUnit);
      return underIdempotencyKey(req, principal, store.keys, body.text, async () => {
        const out = await grantException(await deps.reviews(), { formId: known.form.id, fiscalYear: b.fy, period: b.period, orgUnit: b.orgUnit }, b.reason, actor(req, principal, known.definitions));
        return isReviewError(out) ? out : json(201, out);
      });
    },
    'decision',
  );

/** GET /api/me — who the caller is: role, org unit (a zone's code for a zone reviewer), name; the pane shows Review to reviewers. */
export const whoAmI = (deps: Deps) => endpoint(deps, async (_req, principal) => json(200, { role: principal.role, orgUnit: principal.orgUnit ?? null, name: principal.name }));

/** GET /api/exceptions?form=&fy=&period= — the exceptions granted for a period. */
export const exceptionList = (deps: Deps) =>
  endpoint(deps, async (req, principal) => {
    const q = await periodQuery(deps, req);
    if (isProblem(q)) return q;
    const all = await (await deps.reviews()).listExceptions(q.form.id, q.fy, q.period);
    return json(200, { formId: q.form.id, fiscalYear: q.fy, period: q.period, exceptions: all.filter((x) => mayAccess(principal, x.orgUnit, q.definitions.units)) });
  });
