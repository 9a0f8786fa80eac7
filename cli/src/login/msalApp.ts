import { LogLevel, PublicClientApplication, type ICachePlugin } from '@azure/msal-node';
import { readIfAny, tokenCacheFile, writePrivate } from './sessionStore';

/** MSAL's token cache, kept in the user's config folder (0600), read before and written after each use. */
function fileCache(env: NodeJS.ProcessEnv): ICachePlugin {
  const path = tokenCacheFile(env);
  return {
    beforeCacheAccess: async (ctx) => {
      const text = await readIfAny(path);
      if (text) ctx.tokenCache.deserialize(text);
    },
    afterCacheAccess: async (ctx) => {
      if (ctx.cacheHasChanged) await writePrivate(path, ctx.tokenCache.serialize());
    },
  };
}

/**
 * The CLI as a public client of the tenant (Microsoft's MSAL for Node): device-code sign-in,
 * tokens renewed with the refresh token it keeps. The authority's host is named as known, so
 * MSAL reads its OpenID configuration from it directly (a national cloud, or a test's stand-in).
 */
export function msalApp(o: { authority: string; clientId: string }, env: NodeJS.ProcessEnv): PublicClientApplication {
  return new PublicClientApplication({
    auth: { clientId: o.clientId, authority: o.authority, knownAuthorities: [new URL(o.authority).host] },
    cache: { cachePlugin: fileCache(env) },
    system: { loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined } },
  });
}
