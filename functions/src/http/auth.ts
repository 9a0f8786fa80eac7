import type { HttpRequest } from '@azure/functions';
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { ApiConfig } from '../config';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { Principal } from '../domain/principal';
import { problem, type ApiProblem } from './problem';

const remoteKeys = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * App roles in the token: `Returns.HQ`, or `Returns.Zone` / `Returns.Unit` with the zone or unit
 * in the `org_unit` claim. The caller is its object id (`oid`) in the tenant, or its subject
 * (`sub`): never a display name, which two users may share (their idempotency keys would collide).
 */
async function principalFromClaims(claims: JWTPayload, tenantId: string, units: () => Promise<OrgUnitTree>): Promise<Principal | ApiProblem> {
  const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
  const who = typeof claims.oid === 'string' && claims.oid ? `oid:${claims.oid}` : typeof claims.sub === 'string' && claims.sub ? `sub:${claims.sub}` : null;
  if (!who) return problem('auth.invalid_token', { en: 'The bearer token names no user (neither oid nor sub).', th: 'โทเค็นไม่ได้ระบุผู้ใช้ (ไม่มี oid หรือ sub)' });
  const name = String(claims.preferred_username ?? claims.upn ?? who);
  const id = `entra:${tenantId}:${who}`;
  const person = typeof claims.name === 'string' && claims.name.trim() ? { displayName: claims.name.trim().slice(0, 200) } : {};
  if (roles.includes('Returns.HQ')) return { role: 'hq', name, id, ...person };
  const unit = typeof claims.org_unit === 'string' ? claims.org_unit : undefined;
  const known = unit ? (await units()).byCode(unit) : undefined;
  if (roles.includes('Returns.Zone') && unit && known?.kind === 'zone') return { role: 'zone', orgUnit: unit, name, id, ...person };
  if (roles.includes('Returns.Unit') && unit && known) return { role: 'unit', orgUnit: unit, name, id, ...person };
  return problem('auth.no_role', {
    en: 'The token carries no returns-hub role (Returns.HQ, or Returns.Zone / Returns.Unit with org_unit).',
    th: 'โทเค็นนี้ไม่มีบทบาทของระบบ (Returns.HQ หรือ Returns.Zone / Returns.Unit พร้อม org_unit)',
  });
}

/**
 * The challenge a 401 carries (RFC 6750 `WWW-Authenticate`), in the form Power Query's and
 * Power BI's "Organizational account" read: the tenant's authorization endpoint, and the API
 * (its audience) a token is asked for. The CLI's `returns login` finds the same two there.
 * Microsoft documents the URI unquoted, as Power Query expects it.
 */
export function authChallenge(cfg: ApiConfig): string {
  if (!cfg.entra) return 'Bearer realm="returns-hub"';
  const authority = cfg.entra.issuer ? cfg.entra.issuer.replace(/\/v2\.0\/?$/, '') : `https://login.microsoftonline.com/${cfg.entra.tenantId}`;
  return `Bearer authorization_uri=${authority}/oauth2/authorize, resource_id=${cfg.entra.audience}`;
}

/** Bearer token (Entra ID JWT, validated with the tenant's keys) or API key (`Authorization: Bearer <key>` or `x-api-key`). */
/**
 * `units`: the org units a token's `org_unit` claim may name (the newest definitions'), asked
 * only when a token names one.
 */
export async function authenticate(req: HttpRequest, cfg: ApiConfig, units: () => Promise<OrgUnitTree>): Promise<Principal | ApiProblem> {
  const auth = req.headers.get('authorization') ?? '';
  const token = (/^Bearer\s+(.+)$/i.exec(auth)?.[1] ?? req.headers.get('x-api-key') ?? '').trim();
  if (!token) return problem('auth.missing', { en: 'Send an API key or an Entra ID bearer token.', th: 'กรุณาลงชื่อเข้าใช้ (Entra ID) หรือใส่รหัส API' });

  if (cfg.entra && token.split('.').length === 3) {
    const { tenantId, audience } = cfg.entra;
    let keys = cfg.entra.keys;
    if (!keys) {
      keys = remoteKeys.get(tenantId) ?? createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`));
      remoteKeys.set(tenantId, keys as ReturnType<typeof createRemoteJWKSet>);
    }
    let payload: JWTPayload;
    try {
      // A token must expire: one without `exp` would be valid for ever.
      payload = (await jwtVerify(token, keys, { audience, issuer: cfg.entra.issuer ?? `https://login.microsoftonline.com/${tenantId}/v2.0`, requiredClaims: ['exp'] })).payload;
    } catch {
      return problem('auth.invalid_token', { en: 'The bearer token is not valid for this API.', th: 'โทเค็นไม่ถูกต้องสำหรับระบบนี้' });
    }
    return principalFromClaims(payload, tenantId, units);
  }
  const grant = Object.prototype.hasOwnProperty.call(cfg.apiKeys, token) ? cfg.apiKeys[token] : undefined;
  if (!grant) return problem('auth.invalid_key', { en: 'Unknown API key.', th: 'ไม่รู้จักรหัส API นี้' });
  // A key's identity is its hash: two keys with the same grant are still two callers.
  const id = `key:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
  return { role: grant.role, orgUnit: grant.orgUnit, name: grant.role === 'hq' ? 'hq-key' : `${grant.role}-key:${grant.orgUnit}`, id };
}
