import { configFromEnv } from '../config';
import { makeDeps, storageSource } from '../deps';
import { TableReturnStore } from '../store/tableReturnStore';
import { sweepOrphans, type SweepResult } from '../services/sweepOrphans';

/**
 * `returns admin sweep`: opens the configured storage directly (the same settings as the
 * Functions: RETURNS_STORAGE or RETURNS_STORAGE_ACCOUNT_URL, or Azurite with
 * RETURNS_ENV=development) and removes uncommitted writes older than `graceMs`.
 */
export async function sweepConfiguredStorage(graceMs: number, env: Record<string, string | undefined> = process.env): Promise<SweepResult> {
  const config = configFromEnv(env);
  const store = await TableReturnStore.open(storageSource(config), { timeoutMs: config.storageTimeoutMs });
  return sweepOrphans(store, await makeDeps(config).definitions(), graceMs);
}
