import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Principal } from '../domain/principal';

const tracer = () => trace.getTracer('returns-hub');

/**
 * What a request's span may carry: where it went and who asked, never what was sent. Route,
 * status, duration (the span's own), form, fiscal year, period, org unit and the caller's role;
 * no record values, no query text beyond these names, no tokens or keys.
 */
export function requestAttributes(req: HttpRequest, principal: Principal | null, res: HttpResponseInit | null): Attributes {
  const q = (name: string) => req.params[name] ?? req.query.get(name) ?? undefined;
  const attrs: Attributes = {
    'http.request.method': req.method,
    'http.route': new URL(req.url).pathname,
    'returns.form': q('form'),
    'returns.fiscal_year': q('fy'),
    'returns.period': q('period'),
    'returns.org_unit': q('orgUnit') ?? principal?.orgUnit,
    'enduser.role': principal?.role,
  };
  if (res) attrs['http.response.status_code'] = res.status ?? 200;
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined));
}

/**
 * Runs one API request inside a span. With Application Insights configured the span is exported
 * there (see startTelemetry); without it the OpenTelemetry API is a no-op and costs nothing.
 */
export async function traceRequest(req: HttpRequest, run: (setPrincipal: (p: Principal) => void) => Promise<HttpResponseInit>): Promise<HttpResponseInit> {
  return tracer().startActiveSpan(`${req.method} /api`, async (span) => {
    let principal: Principal | null = null;
    try {
      const res = await run((p) => (principal = p));
      span.setAttributes(requestAttributes(req, principal, res));
      if ((res.status ?? 200) >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return res;
    } finally {
      span.end();
    }
  });
}

/** Names the forms a submission is for on the current request's span (its body is never recorded). */
export function describeSubmission(returns: { formId: string }[]): void {
  const span = trace.getActiveSpan();
  if (!span || returns.length === 0) return;
  span.setAttributes({ 'returns.form': [...new Set(returns.map((r) => r.formId))].join(','), 'returns.count': returns.length });
}
