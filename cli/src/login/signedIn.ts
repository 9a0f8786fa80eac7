import type { ApiConnection } from '../connection';

/** The connection of the account signed in with `returns login` for this API (or the last one signed in to), if any. */
export async function signedInConnection(_api: string | undefined, _env: NodeJS.ProcessEnv): Promise<ApiConnection | null> {
  return null;
}
