import { explainFailure } from '../explainFailure';
import type { ADMIN_REBUILD, ADMIN_SWEEP, ArgsOf } from '../commandSpecs';
import { apiClient, type ApiConnection } from '../connection';
import type { TallyRebuild } from '@returns-hub/shared/api/tallyRebuild';

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
export async function rebuildCommand(a: ArgsOf<typeof ADMIN_REBUILD>, c: ApiConnection, out: (s: string) => void): Promise<number> {
  const v = a.values;
  try {
    const r = await apiClient(c).rebuildTallies({ form: v.form, fy: v.fy, period: v.period, include: v.include ?? 'all', check: v.check });
    if (v.json) out(JSON.stringify(r, null, 2));
    else printRebuild(r, v.check === true, out);
    return v.check && !r.matched ? 3 : 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}

/** `returns admin sweep`: straight to storage (no API route), as the Functions' own start-up sweep does. */
export async function sweepCommand(a: ArgsOf<typeof ADMIN_SWEEP>, env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  const minutes = a.values['grace-minutes'] ?? 60;
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
