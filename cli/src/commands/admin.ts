import { explainFailure } from '../explainFailure';
import { createApiClient } from '@returns-hub/shared/api/client';
import { httpFetch } from '../httpFetch';
import type { TallyRebuild } from '@returns-hub/shared/api/tallyRebuild';

export const ADMIN_USAGE = `  returns admin sweep [--grace-minutes 60]
      remove rows that failed or lost writes left behind, older than the grace period, from the storage
      the Functions use (RETURNS_STORAGE or RETURNS_STORAGE_ACCOUNT_URL; Azurite with RETURNS_ENV=development)
  returns admin rebuild-tallies --form ID --fy 2568 [--period Q2] [--include all|accepted] [--check] [--json] [--api URL] [--key KEY]
      recompute a form's tallies of a fiscal year from the returns (headquarters key); --check only compares`;

function printRebuild(r: TallyRebuild, checkOnly: boolean, out: (s: string) => void) {
  out(`${r.formId} · FY ${r.fiscalYear} · ${r.periods.join(', ')} · ${r.basis === 'accepted' ? 'accepted returns' : 'every current return'} · ${r.returns} return(s), ${r.aggregates} aggregate(s)`);
  if (r.stale) out(`tallies were marked stale: ${r.stale}`);
  out(r.matched ? 'maintained tallies = rebuilt from the returns' : `maintained tallies differ from the rebuilt ones in ${r.differenceCount} place(s):`);
  for (const d of r.differences) out(`  ${d}`);
  if (r.differenceCount > r.differences.length) out(`  … and ${r.differenceCount - r.differences.length} more`);
  if (!checkOnly) out(`rewrote ${r.rewritten} entit${r.rewritten === 1 ? 'y' : 'ies'}`);
}

/**
 * `returns admin rebuild-tallies`: the repair path for the running tallies, through the
 * headquarters-only API route. Exit 0 when the tallies matched (or were repaired), 3 when a
 * check found differences, 1 when refused or unreachable.
 */
export async function adminCommand(
  o: {
    sub: string | undefined;
    api?: string;
    key?: string;
    graceMinutes?: string;
    env?: NodeJS.ProcessEnv;
    form?: string;
    fy: number | undefined;
    period?: string;
    include?: string;
    check: boolean;
    json: boolean;
  },
  out: (s: string) => void,
): Promise<number> {
  if (o.sub === 'sweep') return sweepCommand(o.graceMinutes, o.env ?? process.env, out);
  const include = o.include ?? 'all';
  if (o.sub !== 'rebuild-tallies' || !o.api || !o.key || !o.form || o.fy === undefined || (include !== 'all' && include !== 'accepted')) {
    out(`usage:\n${ADMIN_USAGE}`);
    return 2;
  }
  const client = createApiClient({ baseUrl: o.api, key: o.key, fetch: httpFetch });
  try {
    const r = await client.rebuildTallies({ form: o.form, fy: o.fy, period: o.period, include, check: o.check });
    if (o.json) out(JSON.stringify(r, null, 2));
    else printRebuild(r, o.check, out);
    return o.check && !r.matched ? 3 : 0;
  } catch (e) {
    out(explainFailure(e, o.api));
    return 1;
  }
}

/** `returns admin sweep`: straight to storage (no API route), as the Functions' own start-up sweep does. */
async function sweepCommand(graceMinutes: string | undefined, env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  const minutes = graceMinutes === undefined ? 60 : Number(graceMinutes);
  if (!Number.isFinite(minutes) || minutes < 0) {
    out(`--grace-minutes must be a number of minutes, such as 60 / --grace-minutes ต้องเป็นจำนวนนาที เช่น 60\nusage:\n${ADMIN_USAGE}`);
    return 2;
  }
  try {
    const { sweepConfiguredStorage } = await import('@returns-hub/functions/admin/sweep');
    const r = await sweepConfiguredStorage(minutes * 60_000, env);
    out(`checked ${r.checked} unfinished write(s) older than ${minutes} minute(s); removed ${r.removed} no version points at`);
    return 0;
  } catch (e) {
    out(`sweep failed — ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
