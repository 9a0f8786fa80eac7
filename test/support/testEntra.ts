import { SignJWT, generateKeyPair, exportJWK, createLocalJWKSet, type JWTVerifyGetKey, type KeyLike } from 'jose';

export const TEST_TENANT = '00000000-0000-0000-0000-000000000001';
export const TEST_AUDIENCE = 'api://returns-hub';

/** A local signing key standing in for Entra ID's: the API checks its tokens as it checks the tenant's. */
export interface TestEntra {
  /** The API's `entra` configuration that trusts this key. */
  config: { tenantId: string; audience: string; keys: JWTVerifyGetKey };
  /**
   * A signed token with these claims (issuer, audience, subject and lifetime as Entra gives them
   * unless overridden; null leaves the claim out).
   */
  token(claims: Record<string, unknown>, opts?: { audience?: string; issuer?: string; expiresIn?: string | null; subject?: string | null }): Promise<string>;
}

export async function testEntra(): Promise<TestEntra> {
  const pair = await generateKeyPair('RS256');
  const privateKey: KeyLike = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256' };
  return {
    config: { tenantId: TEST_TENANT, audience: TEST_AUDIENCE, keys: createLocalJWKSet({ keys: [jwk] }) },
    token: (claims, opts = {}) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(opts.issuer ?? `https://login.microsoftonline.com/${TEST_TENANT}/v2.0`)
        .setAudience(opts.audience ?? TEST_AUDIENCE)
        .setIssuedAt();
      if (opts.subject !== null) jwt.setSubject(opts.subject ?? 'test-subject');
      if (opts.expiresIn !== null) jwt.setExpirationTime(opts.expiresIn ?? '10m');
      return jwt.sign(privateKey);
    },
  };
}
