import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ApiConfig } from '../config';
import type { ReturnStore } from '../store/returnStore';
import type { ReviewStore } from '../store/reviewStore';
import { authenticate, type Principal } from './auth';
import { isProblem, problem, problemResponse, type ApiProblem } from './problem';

export interface Deps {
  config: ApiConfig;
  store: () => Promise<ReturnStore>;
  /** The review workflow's store (reviews, audit trail, lock exceptions). */
  reviews: () => Promise<ReviewStore>;
}

type Handler = (req: HttpRequest, principal: Principal, store: ReturnStore, ctx: InvocationContext) => Promise<HttpResponseInit | ApiProblem>;

function corsHeaders(req: HttpRequest, cfg: ApiConfig): Record<string, string> {
  const origin = req.headers.get('origin');
  if (!origin || !cfg.corsOrigins.includes(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, x-api-key, X-Returns-Client',
    'Access-Control-Expose-Headers': 'Idempotent-Replay',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

/** Storage down or timing out: the client should retry (Azurite restarting, a network blip). */
function isStorageUnavailable(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  const status = (e as { statusCode?: number })?.statusCode;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'REQUEST_SEND_ERROR'].includes(code) || status === 503 || status === 500;
}

/** Every route: CORS (and preflight), authentication, then the handler; unexpected failures become problem details. */
export function endpoint(deps: Deps, handler: Handler): HttpHandler {
  return async (req, ctx) => {
    const cors = corsHeaders(req, deps.config);
    const finish = (r: HttpResponseInit | ApiProblem): HttpResponseInit => {
      const res = isProblem(r) ? problemResponse(r) : r;
      return { ...res, headers: { ...(res.headers as Record<string, string>), ...cors } };
    };
    if (req.method === 'OPTIONS') return { status: 204, headers: cors };
    try {
      const principal = await authenticate(req, deps.config);
      if (isProblem(principal)) return finish(principal);
      return finish(await handler(req, principal, await deps.store(), ctx));
    } catch (e) {
      if (isStorageUnavailable(e)) {
        const p = problem(503, 'storage.unavailable', 'Service Unavailable', 'Storage is not reachable right now; nothing was changed. Retry shortly.');
        return finish({ ...p, headers: { 'Retry-After': '1' } });
      }
      ctx.error?.(e);
      return finish(problem(500, 'internal', 'Internal Server Error', 'Something failed on the server. Retry with the same Idempotency-Key: a submission is never stored twice.'));
    }
  };
}
