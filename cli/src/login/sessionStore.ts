import { mkdir, readFile, rename, writeFile, chmod } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** One API signed in to: the tenant and app it signs in with, and the account (by MSAL's id). */
export interface Session {
  authority: string;
  clientId: string;
  scopes: string[];
  homeAccountId: string;
  username: string;
}

/** Every API this user has signed in to, and the one commands use when given no --api. */
export interface Sessions {
  default: string | null;
  apis: Record<string, Session>;
}

/**
 * The user's own folder for returns-hub: RETURNS_CONFIG_DIR, else XDG_CONFIG_HOME/returns-hub,
 * else %APPDATA%\returns-hub on Windows, else ~/.config/returns-hub. The token cache lives
 * here, readable by the user only (0600): per user, never beside the project.
 */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.RETURNS_CONFIG_DIR) return env.RETURNS_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'returns-hub');
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'returns-hub');
  return join(env.HOME || homedir(), '.config', 'returns-hub');
}

export const sessionsFile = (env: NodeJS.ProcessEnv) => join(configDir(env), 'sessions.json');
export const tokenCacheFile = (env: NodeJS.ProcessEnv) => join(configDir(env), 'msal-token-cache.json');

/** A file's text, or null when there is none. */
export async function readIfAny(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return null;
    throw e;
  }
}

/** Writes a private file whole (a temporary file renamed over it): a crash leaves the old one or the new one. */
export async function writePrivate(path: string, text: string): Promise<void> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

export async function readSessions(env: NodeJS.ProcessEnv): Promise<Sessions> {
  const text = await readIfAny(sessionsFile(env));
  if (!text) return { default: null, apis: {} };
  const parsed = JSON.parse(text) as Partial<Sessions>;
  return { default: typeof parsed.default === 'string' ? parsed.default : null, apis: parsed.apis && typeof parsed.apis === 'object' ? parsed.apis : {} };
}

export async function writeSessions(env: NodeJS.ProcessEnv, s: Sessions): Promise<void> {
  await writePrivate(sessionsFile(env), JSON.stringify(s, null, 2));
}
