/**
 * In development the pane calls the API from its own origin: the port it is served on
 * (ADDIN_PORT) is among the origins the API answers, unless RETURNS_CORS_ORIGINS names them.
 */
export function devCorsOrigins(env: Record<string, string | undefined>): string | undefined {
  if (env.RETURNS_CORS_ORIGINS || env.RETURNS_ENV !== 'development') return env.RETURNS_CORS_ORIGINS;
  const port = Number(env.ADDIN_PORT ?? 3000);
  return `https://localhost:${port},http://localhost:${port}`;
}
