import { describeSubmission } from '../telemetry/requestTelemetry';
import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { submitRequestSchema, listQuerySchema, tallyQuerySchema, formIdParam, fiscalYearParam, periodParam, orgUnitParam } from '@returns-hub/shared/api/schemas';
import { FORMS, formById } from '@returns-hub/shared/forms/index';
import { validGroupings } from '@returns-hub/shared/consolidate/groups';
import { ORG_UNITS, orgUnitByCode } from '@returns-hub/shared/orgUnits/orgUnits';
import { endpoint, type Deps } from '../http/endpoint';
import type { Principal } from '../domain/principal';
import { isDomainError, type DomainError } from '../domain/domainError';
import type { ReturnStore } from '../store/returnStore';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { readJson } from '../http/readJson';
import { badIdempotencyKey, IDEMPOTENCY_KEY } from '../http/idempotentDecision';
import { isProblem, json, problem } from '../http/problem';
import { invalidQuery } from '../http/invalidInput';
import { submitReturns } from '../services/submitReturns';
import { submitGate } from '../services/submitGate';
import { tallyReview } from '../services/tallyReview';
import { clientOf } from '../http/clientOf';
import { getReturn, listReturns, tallies } from '../services/readReturns';

/** Query parameters are validated against strict patterns before anything touches storage. */
function query<T>(req: HttpRequest, schema: z.ZodType<T>) {
  const parsed = schema.safeParse(Object.fromEntries(req.query.entries()));
  return parsed.success ? parsed.data : invalidQuery(parsed.error);
}

function knownForm(id: string) {
  return formById(id) ?? problem('form.not_found', { en: `No form "${id}".`, th: 'ไม่มีแบบรายงานตามรหัสที่ระบุ' });
}

/** POST /api/returns — submit the returns a client read (server re-checks everything). */
export const submit = (deps: Deps) =>
  endpoint(
    deps,
    async (req, principal, store) => {
      const body = await readJson(req, submitRequestSchema, deps.config.maxBodyBytes);
      if (isProblem(body)) return body;
      describeSubmission(body.value.returns);
      const key = req.headers.get('idempotency-key');
      if (key !== null && !IDEMPOTENCY_KEY.test(key)) return badIdempotencyKey();
      const gate = submitGate(await deps.reviews(), principal, clientOf(req), () => new Date());
      const out = await submitReturns(store, principal, body.value, body.text, key, gate);
      if (isDomainError(out)) return out;
      // A replay answers 200 (nothing new was created), a stored request 201.
      return out.replayed ? json(200, out.body, { 'Idempotent-Replay': 'true' }) : json(201, out.body);
    },
    'submit',
  );

/** A GET route whose query names a form: validate the query, find the form, run the service, answer JSON. */
function formRoute<Q extends { form: string }>(deps: Deps, schema: z.ZodType<Q>, run: (q: Q, form: FormDef, principal: Principal, store: ReturnStore) => Promise<unknown | DomainError>) {
  return endpoint(deps, async (req, principal, store) => {
    const q = query(req, schema);
    if (isProblem(q)) return q;
    const form = knownForm(q.form);
    if (isProblem(form)) return form;
    const out = await run(q, form, principal, store);
    return isDomainError(out) ? out : json(200, out);
  });
}

/** GET /api/returns?form=&fy=&period= — the returns of a form and period, with their status. */
export const list = (deps: Deps) => formRoute(deps, listQuerySchema, (q, form, p, store) => listReturns(store, p, form, q.fy, q.period));

const returnParams = z.object({ form: formIdParam, fy: fiscalYearParam, period: periodParam, orgUnit: orgUnitParam });

/** GET /api/returns/{form}/{fy}/{period}/{orgUnit}?subject=&version= — one return and its versions. */
export const getOne = (deps: Deps) =>
  endpoint(deps, async (req, principal, store) => {
    const p = returnParams.safeParse(req.params);
    if (!p.success) return problem('path.invalid', { en: 'Bad form, fiscal year, period or org unit in the path.', th: 'แบบรายงาน ปีงบประมาณ งวด หรือหน่วยงานในที่อยู่ (path) ไม่ถูกต้อง' });
    const form = knownForm(p.data.form);
    if (isProblem(form)) return form;
    if (!orgUnitByCode(p.data.orgUnit)) return problem('org_unit.not_found', { en: `No org unit "${p.data.orgUnit}".`, th: `ไม่มีหน่วยงาน "${p.data.orgUnit}"` });
    const version = req.query.get('version');
    if (version !== null && !/^\d{1,6}$/.test(version)) return problem('query.invalid', { en: 'version must be a number.', th: 'version ต้องเป็นตัวเลข' });
    const subject = req.query.get('subject');
    if (subject !== null && subject.length > store.bounds.subjectChars)
      return problem('query.invalid', { en: `subject is longer than ${store.bounds.subjectChars} characters.`, th: `subject ยาวเกิน ${store.bounds.subjectChars} ตัวอักษร` });
    const out = await getReturn(
      store,
      principal,
      { formId: form.id, fiscalYear: p.data.fy, period: p.data.period, orgUnit: p.data.orgUnit, subject: subject || null },
      version === null ? undefined : Number(version),
    );
    return isDomainError(out) ? out : json(200, out);
  });

/** GET /api/tallies?form=&fy=&period=&by=&include= — consolidated tallies grouped by org-unit level, of every current return or of accepted ones only. */
export const tally = (deps: Deps) =>
  formRoute(deps, tallyQuerySchema, async (q, form, p, store) => tallies(store, p, form, q.fy, q.period, q.by, tallyReview(await deps.reviews(), form.id, q.fy, q.include)));

/** GET /api/forms — the forms, as data. */
export const forms = (deps: Deps) =>
  endpoint(deps, async () =>
    json(
      200,
      FORMS.map((f) => ({
        id: f.id,
        title_th: f.title_th,
        title_en: f.title_en,
        period: f.period.kind,
        fields: f.fields,
        table: f.table,
        catalog: f.catalog ?? null,
        groupings: validGroupings(f),
      })),
    ),
  );

/** GET /api/org-units — every org unit. */
export const orgUnits = (deps: Deps) => endpoint(deps, async () => json(200, ORG_UNITS));
