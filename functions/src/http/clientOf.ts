import type { HttpRequest } from '@azure/functions';

/** Which client made a request, for the audit trail: `X-Returns-Client` (the CLI and the pane send it), else the User-Agent. */
export function clientOf(req: HttpRequest): string {
  const named = req.headers.get('x-returns-client') ?? req.headers.get('user-agent') ?? 'unknown';
  // eslint-disable-next-line no-control-regex -- control characters never reach the audit trail
  return named.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200) || 'unknown';
}
