/**
 * Every code the HTTP layer itself answers with (before or around a service), and its status:
 * with the services' `DOMAIN_ERROR_KINDS`, the whole list of codes the API can answer.
 */
export const HTTP_PROBLEM_STATUS = {
  'body.bad_encoding': 400,
  'body.invalid': 400,
  'body.lone_surrogate': 400,
  'body.malformed_json': 400,
  'idempotency.bad_key': 400,
  'odata.bad_query': 400,
  'odata.too_broad': 400,
  'path.bad_encoding': 400,
  'path.invalid': 400,
  'query.invalid': 400,
  'auth.missing': 401,
  'auth.invalid_key': 401,
  'auth.invalid_token': 401,
  'auth.no_role': 403,
  'export.not_found': 404,
  'form.not_found': 404,
  'odata.not_found': 404,
  'org_unit.not_found': 404,
  'definition.not_found': 404,
  'route.not_found': 404,
  'method.not_allowed': 405,
  'definition.changed': 412,
  'body.too_large': 413,
  'definition.etag_required': 428,
  'auth.throttled': 429,
  internal: 500,
} as const satisfies Record<string, number>;

export type HttpProblemCode = keyof typeof HTTP_PROBLEM_STATUS;
