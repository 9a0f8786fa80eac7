/** Where and for what a tenant signs its users in, as an API's 401 challenge says it. */
export interface SignInTarget {
  /** The tenant's authority: `https://login.microsoftonline.com/<tenant>`. */
  authority: string;
  /** The API a token is asked for (its audience: the app's client ID, or its `api://…` URI). */
  resource: string;
}

/**
 * Reads a `WWW-Authenticate` challenge of the form Power Query follows
 * (`Bearer authorization_uri=https://login.microsoftonline.com/<tenant>/oauth2/authorize, resource_id=<api>`),
 * quoted values too. Null when it names no authority (an API that takes keys only).
 */
export function signInTarget(header: string | null): SignInTarget | null {
  if (!header || !/^\s*Bearer\b/i.test(header)) return null;
  const param = (name: string) => new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^,\\s]+))`, 'i').exec(header);
  const uri = param('authorization_uri');
  const resource = param('resource_id');
  if (!uri || !resource) return null;
  const authority = (uri[1] ?? uri[2]).replace(/\/oauth2(\/v2\.0)?\/authorize\/?$/i, '');
  return { authority, resource: resource[1] ?? resource[2] };
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The client ID the CLI signs in as: the API's own app registration (its public client flows
 * allowed, docs/deploy.md), named by its audience (`<client ID>` or `api://<client ID>`).
 */
export function clientIdOf(resource: string): string | null {
  return GUID.exec(resource)?.[0] ?? null;
}

/** The scope a token for the API is asked with: everything the app registration grants the user. */
export const scopeOf = (resource: string) => `${resource.replace(/\/+$/, '')}/.default`;
