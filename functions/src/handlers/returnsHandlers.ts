import { describeSubmission } from '../telemetry/requestTelemetry';
import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { submitRequestSchema, listQuerySchema, tallyQuerySchema, formIdParam, fiscalYearParam, periodParam, orgUnitParam } from '@returns-hub/shared/api/schemas';
import { validGroupings } from '@returns-hub/shared/consolidate/groups';
import type { Definitions } from '@returns-hub/shared/definitions/definitions';
import { parseFiscalYear } from '@returns-hub/shared/period/fiscalYearNumbers';
import { formOfYear } from '../http/knownForm';
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
      const out = await submitReturns(store, await deps.definitions(), principal, body.value, body.text, key, gate);
      if (isDomainError(out)) return out;
      // A replay answers 200 (nothing new was created), a stored request 201.
      return out.replayed ? json(200, out.body, { 'Idempotent-Replay': 'true' }) : json(201, out.body);
    },
    'submit',
  );

/** A GET route whose query names a form and a year: validate the query, find the form of that year, run the service, answer JSON. */
function formRoute<Q extends { form: string; fy: number }>(
  deps: Deps,
  schema: z.ZodType<Q>,
  run: (q: Q, form: FormDef, definitions: Definitions, principal: Principal, store: ReturnStore) => Promise<unknown | DomainError>,
) {
  return endpoint(deps, async (req, principal, store) => {
    const q = query(req, schema);
    if (isProblem(q)) return q;
    const known = formOfYear(await deps.definitions(), q.form, q.fy);
    if (isProblem(known)) return known;
    const out = await run(q, known.form, known.definitions, principal, store);
    return isDomainError(out) ? out : json(200, out);
  });
}

/** GET /api/returns?form=&fy=&period= — the returns of a form and period, with their status. */
export const list = (deps: Deps) => formRoute(deps, listQuerySchema, (q, form, d, p, store) => listReturns(store, p, form, d.units, q.fy, q.period));

const returnParams = z.object({ form: formIdParam, fy: fiscalYearParam, period: periodParam, orgUnit: orgUnitParam });

/** GET /api/returns/{form}/{fy}/{period}/{orgUnit}?subject=&version= — one return and its versions. */
export const getOne = (deps: Deps) =>
  endpoint(deps, async (req, principal, store) => {
    const p = returnParams.safeParse(req.params);
    if (!p.success) return problem('path.invalid', { en: 'Bad form, fiscal year, period or org unit in the path.', th: 'แบบรายงาน ปีงบประมาณ งวด หรือหน่วยงานในที่อยู่ (path) ไม่ถูกต้อง' });
    const known = formOfYear(await deps.definitions(), p.data.form, p.data.fy);
    if (isProblem(known)) return known;
    const { form, definitions } = known;
    if (!definitions.units.byCode(p.data.orgUnit)) return problem('org_unit.not_found', { en: `No org unit "${p.data.orgUnit}".`, th: `ไม่มีหน่วยงาน "${p.data.orgUnit}"` });
    const version = req.query.get('version');
    if (version !== null && !/^\d{1,6}$/.test(version)) return problem('query.invalid', { en: 'version must be a number.', th: 'version ต้องเป็นตัวเลข' });
    const subject = req.query.get('subject');
    if (subject !== null && subject.length > store.bounds.subjectChars)
      return problem('query.invalid', { en: `subject is longer than ${store.bounds.subjectChars} characters.`, th: `subject ยาวเกิน ${store.bounds.subjectChars} ตัวอักษร` });
    const out = await getReturn(
      store,
      principal,
      definitions.units,
      { formId: form.id, fiscalYear: p.data.fy, period: p.data.period, orgUnit: p.data.orgUnit, subject: subject || null },
      version === null ? undefined : Number(version),
    );
    return isDomainError(out) ? out : json(200, out);
  });

/** GET /api/tallies?form=&fy=&period=&by=&include= — consolidated tallies grouped by org-unit level, of every current return or of accepted ones only. */
export const tally = (deps: Deps) =>
  formRoute(deps, tallyQuerySchema, async (q, form, d, p, store) => tallies(store, p, form, d.units, q.fy, q.period, q.by, tallyReview(await deps.reviews(), form.id, q.fy, q.include)));

/** The definitions of the fiscal year a query names (`?fy=2564`), or the newest ones; 400 for a year that is none. */
async function definitionsOfQuery(deps: Deps, req: HttpRequest): Promise<Definitions | ReturnType<typeof problem>> {
  const fy = req.query.get('fy');
  if (fy === null) return (await deps.definitions()).forYear(null);
  const parsed = parseFiscalYear(fy);
  if (!parsed.ok) return problem('query.invalid', { en: parsed.error.en, th: parsed.error.th });
  return (await deps.definitions()).forYear(parsed.value);
}

/** GET /api/forms?fy= — the forms of a fiscal year (default: the newest), as data. */
export const forms = (deps: Deps) =>
  endpoint(deps, async (req) => {
    const d = await definitionsOfQuery(deps, req);
    if (isProblem(d)) return d;
    return json(
      200,
      d.forms.map((f) => ({
        id: f.id,
        title_th: f.title_th,
        title_en: f.title_en,
        period: f.period.kind,
        fields: f.fields,
        table: f.table,
        catalog: f.catalog ?? null,
        groupings: validGroupings(f, d.units),
      })),
    );
  });

/** GET /api/org-units?fy= — every org unit of a fiscal year (default: the newest). */
export const orgUnits = (deps: Deps) =>
  endpoint(deps, async (req) => {
    const d = await definitionsOfQuery(deps, req);
    return isProblem(d) ? d : json(200, d.units.all);
  });
