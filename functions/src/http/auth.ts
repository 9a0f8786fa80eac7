import type { HttpRequest } from '@azure/functions';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { ApiConfig, Role } from '../config';
import { ancestorOfKind, orgUnitByCode } from '@returns-hub/shared/orgUnits/orgUnits';
import { problem, type ApiProblem } from './problem';

/** Who is calling: headquarters (reads everything, submits multi-unit sheets) or one org unit. */
export interface Principal {
  role: Role;
  orgUnit?: string;
  /** For the audit trail: the key's grant or the token's user. */
  name: string;
}

const remoteKeys = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** App roles in the token: `Returns.HQ`, or `Returns.Zone` / `Returns.Unit` with the zone or unit in the `org_unit` claim. */
function principalFromClaims(claims: JWTPayload): Principal | ApiProblem {
  const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
  const name = String(claims.preferred_username ?? claims.upn ?? claims.sub ?? 'entra-user');
  if (roles.includes('Returns.HQ')) return { role: 'hq', name };
  const unit = typeof claims.org_unit === 'string' ? claims.org_unit : undefined;
  if (roles.includes('Returns.Zone') && unit && orgUnitByCode(unit)?.kind === 'zone') return { role: 'zone', orgUnit: unit, name };
  if (roles.includes('Returns.Unit') && unit && orgUnitByCode(unit)) return { role: 'unit', orgUnit: unit, name };
  return problem(403, 'auth.no_role', 'Forbidden', 'The token carries no returns-hub role (Returns.HQ, or Returns.Zone / Returns.Unit with org_unit).');
}

/** Bearer token (Entra ID JWT, validated with the tenant's keys) or API key (`Authorization: Bearer <key>` or `x-api-key`). */
export async function authenticate(req: HttpRequest, cfg: ApiConfig): Promise<Principal | ApiProblem> {
  const auth = req.headers.get('authorization') ?? '';
  const token = (/^Bearer\s+(.+)$/i.exec(auth)?.[1] ?? req.headers.get('x-api-key') ?? '').trim();
  if (!token) return problem(401, 'auth.missing', 'Unauthorized', 'Send an API key or an Entra ID bearer token.');

  if (cfg.entra && token.split('.').length === 3) {
    const { tenantId, audience } = cfg.entra;
    let keys = cfg.entra.keys;
    if (!keys) {
      keys = remoteKeys.get(tenantId) ?? createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`));
      remoteKeys.set(tenantId, keys as ReturnType<typeof createRemoteJWKSet>);
    }
    try {
      const { payload } = await jwtVerify(token, keys, { audience, issuer: cfg.entra.issuer ?? `https://login.microsoftonline.com/${tenantId}/v2.0` });
      return principalFromClaims(payload);
    } catch {
      return problem(401, 'auth.invalid_token', 'Unauthorized', 'The bearer token is not valid for this API.');
    }
  }
  const grant = Object.prototype.hasOwnProperty.call(cfg.apiKeys, token) ? cfg.apiKeys[token] : undefined;
  if (!grant) return problem(401, 'auth.invalid_key', 'Unauthorized', 'Unknown API key.');
  return { role: grant.role, orgUnit: grant.orgUnit, name: grant.role === 'hq' ? 'hq-key' : `${grant.role}-key:${grant.orgUnit}` };
}

/** A unit principal may touch only its own org unit; a zone reviewer reads the units of its zone. */
export function mayAccess(p: Principal, orgUnit: string): boolean {
  return p.role === 'hq' || p.orgUnit === orgUnit || (p.role === 'zone' && ancestorOfKind(orgUnit, 'zone')?.code === p.orgUnit);
}
