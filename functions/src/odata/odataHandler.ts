import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { endpoint, type Deps } from '../http/endpoint';
import { problemBody, problemOf, problem, type ApiProblem } from '../http/problem';
import { isDomainError } from '../domain/domainError';
import { entitySets, type EntitySetDef } from './odataModel';
import { metadataXml } from './odataMetadata';
import { pageOf, readQuery } from './odataQuery';

const ODATA_HEADERS = { 'OData-Version': '4.0' };
const JSON_TYPE = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

/** The service root as the caller reached it: contexts and next links name it. */
function serviceRoot(req: HttpRequest): string {
  const u = new URL(req.url);
  return `${u.origin}${u.pathname.replace(/\/odata(\/.*)?$/, '/odata')}`;
}

/** The request's own address with `$skiptoken` set: its other options kept exactly as they were written. */
function nextLink(url: string, token: number): string {
  const u = new URL(url);
  const kept = u.search
    .slice(1)
    .split('&')
    .filter((p) => p && !/^(\$|%24)skiptoken=/i.test(p));
  return `${u.origin}${u.pathname}?${[...kept, `$skiptoken=${token}`].join('&')}`;
}

function odataJson(body: unknown): HttpResponseInit {
  return { status: 200, headers: { ...ODATA_HEADERS, 'Content-Type': JSON_TYPE }, body: JSON.stringify(body) };
}

/**
 * A refusal as OData clients read it (`error.code`, `error.message`, the Thai text in
 * `error.details`), with the API's problem details beside it (`detail`, `detail_th`, `code`).
 */
function odataError(p: ApiProblem): HttpResponseInit {
  const body = problemBody(p);
  return {
    status: p.status,
    headers: { ...ODATA_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...(p.headers ?? {}) },
    body: JSON.stringify({ error: { code: p.code, message: p.detail, details: [{ code: p.code, message: p.detail_th, target: 'th' }] }, ...body }),
  };
}

const badQuery = (text: { en: string; th: string }) => odataError(problem('odata.bad_query', text));

/** GET /api/odata — the service document: the feed's entity sets. */
export const odataService = (deps: Deps) =>
  endpoint(deps, async (req) => {
    const root = serviceRoot(req);
    const forms = (await deps.definitions()).forYear(null).forms;
    return odataJson({ '@odata.context': `${root}/$metadata`, value: entitySets(forms).map((s) => ({ name: s.name, kind: 'EntitySet', url: s.name })) });
  });

/**
 * GET /api/odata/$metadata and /api/odata/{EntitySet}: the read-only OData v4 feed of
 * tallies, completeness and each form's records, for Power Query, Power BI and other OData
 * clients. Scoped to the caller as the exports are (a unit sees its own unit's rows).
 */
export const odataResource = (deps: Deps) =>
  endpoint(deps, async (req, principal, store) => {
    const resource = req.params.resource ?? '';
    const definitions = await deps.definitions();
    const sets = entitySets(definitions.forYear(null).forms);
    if (resource === '$metadata') return { status: 200, headers: { ...ODATA_HEADERS, 'Content-Type': 'application/xml; charset=utf-8' }, body: metadataXml(sets) };
    const set: EntitySetDef | undefined = sets.find((s) => s.name === resource);
    if (!set)
      return odataError(
        problem('odata.not_found', {
          en: `The feed has no ${resource}; it has $metadata and ${sets.map((s) => s.name).join(', ')}.`,
          th: `ระบบไม่มี ${resource} มีเพียง $metadata และ ${sets.map((s) => s.name).join(', ')}`,
        }),
      );
    const q = readQuery(new URL(req.url).searchParams, set, req.headers.get('prefer'));
    if ('en' in q) return badQuery(q);
    const rows = await set.read({ principal, store, definitions, reviews: deps.reviews, now: new Date() }, q.filter);
    if (isDomainError(rows)) return odataError(problemOf(rows));
    if ('narrow' in rows) return odataError(problem('odata.too_broad', rows.narrow));
    const page = pageOf(rows, q);
    const root = serviceRoot(req);
    const select = q.select ? `(${q.select.join(',')})` : '';
    const body: Record<string, unknown> = { '@odata.context': `${root}/$metadata#${set.name}${select}` };
    if (q.count) body['@odata.count'] = page.count;
    body.value = page.value;
    if (page.next !== null) body['@odata.nextLink'] = nextLink(req.url, page.next);
    return odataJson(body);
  });
