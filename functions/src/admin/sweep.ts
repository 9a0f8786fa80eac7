import { configFromEnv } from '../config';
import { makeDeps, storageSource } from '../deps';
import { TableReturnStore } from '../store/tableReturnStore';
import { TableReviewStore } from '../store/tableReviewStore';
import { repair, type RepairReport } from '../services/repair';

/**
 * `returns admin sweep`: opens the configured storage directly (the same settings as the
 * Functions: RETURNS_STORAGE or RETURNS_STORAGE_ACCOUNT_URL, or Azurite with
 * RETURNS_ENV=development) and runs the repair the Functions' timer runs, with `graceMs`:
 * uncommitted writes older than it removed, tallies brought up to every stored change.
 * `checked` and `removed` count the writes.
 */
export async function sweepConfiguredStorage(graceMs: number, env: Record<string, string | undefined> = process.env): Promise<RepairReport & { checked: number; removed: number }> {
  const config = configFromEnv(env);
  const opts = { timeoutMs: config.storageTimeoutMs };
  const [store, reviews] = await Promise.all([TableReturnStore.open(storageSource(config), opts), TableReviewStore.open(storageSource(config), opts)]);
  const report = await repair(store, reviews, await makeDeps(config).definitions(), { graceMs });
  return { ...report, checked: report.writes.checked, removed: report.writes.removed };
}
