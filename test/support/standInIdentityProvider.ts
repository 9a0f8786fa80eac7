import { createServer, type Server } from 'node:https';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, generateKeyPair, exportJWK, createLocalJWKSet, type JWTVerifyGetKey, type KeyLike } from 'jose';

/** The self-signed loopback certificate the stand-in serves with: a CLI under test trusts it through NODE_EXTRA_CA_CERTS. */
export const STAND_IN_CERT = join(__dirname, 'tls/loopback-test.crt');
const KEY = join(__dirname, 'tls/loopback-test.key');

/** Who signs in at the device-code page: the claims their tokens carry. */
export interface StandInUser {
  oid: string;
  preferred_username: string;
  name?: string;
  roles: string[];
  org_unit?: string;
}

export interface StandInIdp {
  /** `https://127.0.0.1:<port>/<tenant>`: the authority, as Entra ID's `https://login.microsoftonline.com/<tenant>`. */
  authority: string;
  issuer: string;
  /** The API's `entra` configuration that trusts this provider's tokens. */
  apiConfig: { tenantId: string; audience: string; issuer: string; keys: JWTVerifyGetKey };
  /** The user approves a device code at the verification page, as in a browser. */
  approve(userCode: string, user: StandInUser): void;
  /** Every token request, by grant type, in order. */
  grants: string[];
  /** Access tokens last this long (seconds). */
  setAccessTokenSeconds(s: number): void;
  /** Refresh tokens stop working, as when an administrator revokes a user's sessions. */
  revokeRefreshTokens(): void;
  close(): Promise<void>;
}

interface Pending {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  user: StandInUser | null;
}

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/**
 * A local stand-in for Microsoft Entra ID's v2.0 endpoints, for tests only: OpenID
 * configuration, device authorization (`/oauth2/v2.0/devicecode`), the token endpoint
 * (device-code and refresh-token grants), and signing keys. Tokens are RS256 JWTs with Entra's
 * claims (`aud` = the API, `roles`, `org_unit`, `oid`, `tid`) and MSAL's `client_info`; served
 * over HTTPS on 127.0.0.1 because MSAL accepts no other authority.
 */
export async function startStandInIdp(o: { tenant: string; audience: string }): Promise<StandInIdp> {
  const pair = await generateKeyPair('RS256');
  const privateKey: KeyLike = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'stand-in', alg: 'RS256', use: 'sig' };
  const pending = new Map<string, Pending>();
  const refresh = new Map<string, { user: StandInUser; clientId: string; scope: string }>();
  const grants: string[] = [];
  let accessSeconds = 3600;
  let port = 0;
  const base = () => `https://127.0.0.1:${port}/${o.tenant}`;
  const issuer = () => `${base()}/v2.0`;

  const sign = (claims: Record<string, unknown>, audience: string, seconds: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'stand-in', typ: 'JWT' })
      .setIssuer(issuer())
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${seconds}s`)
      .sign(privateKey);

  async function tokens(user: StandInUser, clientId: string, scope: string) {
    const resource =
      scope
        .split(' ')
        .find((s) => s.endsWith('/.default'))
        ?.replace(/\/\.default$/, '') ?? o.audience;
    const common = { tid: o.tenant, oid: user.oid, sub: user.oid, preferred_username: user.preferred_username, name: user.name ?? user.preferred_username };
    const rt = randomBytes(24).toString('base64url');
    refresh.set(rt, { user, clientId, scope });
    return {
      token_type: 'Bearer',
      scope: `${resource}/.default`,
      expires_in: accessSeconds,
      ext_expires_in: accessSeconds,
      access_token: await sign({ ...common, roles: user.roles, ...(user.org_unit ? { org_unit: user.org_unit } : {}), scp: 'access_as_user', azp: clientId, ver: '2.0' }, resource, accessSeconds),
      refresh_token: rt,
      id_token: await sign({ ...common, ver: '2.0' }, clientId, 3600),
      client_info: b64url({ uid: user.oid, utid: o.tenant }),
    };
  }

  const server: Server = createServer({ cert: readFileSync(STAND_IN_CERT), key: readFileSync(KEY) }, (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const path = new URL(req.url ?? '/', base()).pathname;
      const t = `/${o.tenant}`;
      if (req.method === 'GET' && path === `${t}/v2.0/.well-known/openid-configuration`)
        return send(200, {
          issuer: issuer(),
          authorization_endpoint: `${base()}/oauth2/v2.0/authorize`,
          token_endpoint: `${base()}/oauth2/v2.0/token`,
          device_authorization_endpoint: `${base()}/oauth2/v2.0/devicecode`,
          end_session_endpoint: `${base()}/oauth2/v2.0/logout`,
          jwks_uri: `${base()}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          tenant_region_scope: 'AS',
        });
      if (req.method === 'GET' && path === `${t}/discovery/v2.0/keys`) return send(200, { keys: [jwk] });
      if (req.method === 'POST' && path === `${t}/oauth2/v2.0/devicecode`) {
        const f = form(body);
        const userCode = randomBytes(4).toString('hex').toUpperCase();
        const deviceCode = randomUUID();
        pending.set(deviceCode, { deviceCode, userCode, clientId: f.client_id, scope: f.scope ?? '', user: null });
        const verification = `https://127.0.0.1:${port}/devicelogin`;
        return send(200, {
          user_code: userCode,
          device_code: deviceCode,
          verification_uri: verification,
          expires_in: 900,
          interval: 1,
          message: `To sign in, use a web browser to open the page ${verification} and enter the code ${userCode} to authenticate.`,
        });
      }
      if (req.method === 'POST' && path === `${t}/oauth2/v2.0/token`) {
        const f = form(body);
        grants.push(f.grant_type);
        // MSAL sends the short name Entra ID also takes; RFC 8628 names the long one.
        if (f.grant_type === 'device_code' || f.grant_type === 'urn:ietf:params:oauth:grant-type:device_code') {
          const p = pending.get(f.device_code);
          if (!p) return send(400, { error: 'expired_token', error_description: 'AADSTS70019: the code expired.' });
          if (!p.user) return send(400, { error: 'authorization_pending', error_description: 'AADSTS70016: the user has not signed in yet.' });
          pending.delete(f.device_code);
          return send(200, await tokens(p.user, p.clientId, p.scope));
        }
        if (f.grant_type === 'refresh_token') {
          const r = refresh.get(f.refresh_token);
          if (!r) return send(400, { error: 'invalid_grant', error_description: 'AADSTS700082: The refresh token has expired due to inactivity.', suberror: 'bad_token' });
          refresh.delete(f.refresh_token);
          return send(200, await tokens(r.user, r.clientId, f.scope ?? r.scope));
        }
        return send(400, { error: 'unsupported_grant_type' });
      }
      send(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  return {
    authority: base(),
    issuer: issuer(),
    apiConfig: { tenantId: o.tenant, audience: o.audience, issuer: issuer(), keys: createLocalJWKSet({ keys: [jwk] }) },
    approve(userCode, user) {
      const p = [...pending.values()].find((x) => x.userCode === userCode);
      if (!p) throw new Error(`no device code ${userCode} is waiting`);
      p.user = user;
    },
    grants,
    setAccessTokenSeconds: (s) => void (accessSeconds = s),
    revokeRefreshTokens: () => refresh.clear(),
    close: () => new Promise((r) => (server.closeAllConnections?.(), server.close(() => r()))),
  };
}
