import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ApiConfig } from '../config';
import type { ReturnStore } from '../store/returnStore';
import type { ReviewStore } from '../store/reviewStore';
import type { VersionedDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import type { DefinitionStore } from '../store/definitionStore';
import { isStorageUnavailable } from '../store/storageUnavailable';
import { domainError, isDomainError, type DomainError } from '../domain/domainError';
import type { Principal } from '../domain/principal';
import { authChallenge, authenticate } from './auth';
import { isProblem, problem, problemOf, problemResponse, type ApiProblem } from './problem';
import { traceRequest } from '../telemetry/requestTelemetry';
import { clientAddress, type AuthThrottle } from './authThrottle';
import { ROUTE_TEXTS, type RouteKind } from '../domain/routeTexts';

export interface Deps {
  config: ApiConfig;
  /** Failed authentication, counted per address (one per API instance). */
  authThrottle: AuthThrottle;
  store: () => Promise<ReturnStore>;
  /** The review workflow's store (reviews, audit trail, lock exceptions). */
  reviews: () => Promise<ReviewStore>;
  /** The forms and org units of each fiscal year: built in, or as headquarters published them. */
  definitions: () => Promise<VersionedDefinitions>;
  /** Where published definitions are kept, and the cache of them to drop after a publish. */
  definitionStore: () => Promise<DefinitionStore>;
  definitionsPublished: () => void;
}

type Handler = (req: HttpRequest, principal: Principal, store: ReturnStore, ctx: InvocationContext) => Promise<HttpResponseInit | ApiProblem | DomainError>;

function corsHeaders(req: HttpRequest, cfg: ApiConfig): Record<string, string> {
  const origin = req.headers.get('origin');
  if (!origin || !cfg.corsOrigins.includes(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, x-api-key, X-Returns-Client, If-Match, If-None-Match',
    'Access-Control-Expose-Headers': 'Idempotent-Replay, Retry-After, WWW-Authenticate, ETag',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

/**
 * Every route: CORS (and preflight), throttled authentication, then the handler; domain errors
 * and unexpected failures become problem details, in words true of the route's kind.
 */
export function endpoint(deps: Deps, handler: Handler, kind: RouteKind = 'read'): HttpHandler {
  return async (req, ctx) => {
    const cors = corsHeaders(req, deps.config);
    const finish = (r: HttpResponseInit | ApiProblem | DomainError): HttpResponseInit => {
      const res = isDomainError(r) ? problemResponse(problemOf(r)) : isProblem(r) ? problemResponse(r) : r;
      const challenge: Record<string, string> = res.status === 401 ? { 'WWW-Authenticate': authChallenge(deps.config) } : {};
      return { ...res, headers: { ...(res.headers as Record<string, string>), ...challenge, ...cors } };
    };
    if (req.method === 'OPTIONS') return { status: 204, headers: cors };
    return traceRequest(req, async (setPrincipal) => {
      try {
        const address = clientAddress(req);
        const wait = deps.authThrottle.retryAfter(address);
        if (wait > 0)
          return finish(
            problem(
              'auth.throttled',
              { en: `Too many failed sign-ins from this address; try again in ${wait} s.`, th: `ยืนยันตัวตนไม่สำเร็จจากที่อยู่นี้หลายครั้งเกินไป กรุณาลองใหม่ในอีก ${wait} วินาที` },
              { headers: { 'Retry-After': String(wait) } },
            ),
          );
        const principal = await authenticate(req, deps.config, async () => (await deps.definitions()).forYear(null).units);
        if (isProblem(principal)) {
          if (principal.status === 401) deps.authThrottle.failed(address);
          return finish(principal);
        }
        setPrincipal(principal);
        return finish(await handler(req, principal, await deps.store(), ctx));
      } catch (e) {
        if (isStorageUnavailable(e)) return finish(domainError('storage.unavailable', ROUTE_TEXTS[kind].unavailable));
        ctx.error?.(e);
        return finish(problem('internal', ROUTE_TEXTS[kind].internal));
      }
    });
  };
}
