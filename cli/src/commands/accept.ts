import { explainFailure } from '../explainFailure';
import { usageText, bothLanguages } from '../args/usageMessages';
import type { ACCEPT, ArgsOf } from '../commandSpecs';
import { apiClient, type ApiConnection } from '../connection';
import { returnLabel } from './reviewArgs';

/**
 * `returns accept --form F --fy Y --period P --unit U [--subject S] [--version N] [--note TEXT]`,
 * `--unit U1,U2,…` (a selection), or `--all-clean` (every return awaiting the caller with no warnings).
 */
export async function acceptCommand(a: ArgsOf<typeof ACCEPT>, c: ApiConnection, out: (s: string) => void): Promise<number> {
  const v = a.values;
  const units = v.unit ?? [];
  if ((units.length === 0) === !v['all-clean']) {
    out(bothLanguages(usageText('option.one_of', { options: '--unit U[,U…] or --all-clean', command: 'accept' })));
    return 2;
  }
  const client = apiClient(c);
  try {
    if (v['all-clean'] || units.length > 1) {
      const q = { form: v.form, fy: v.fy, period: v.period, note: v.note };
      const res = await client.bulkAccept(v['all-clean'] ? { ...q, allClean: true } : { ...q, returns: units.map((orgUnit) => ({ orgUnit, subject: v.subject ?? null })) });
      for (const r of res.results)
        out(`  ${r.orgUnit}${r.subject ? ` ${r.subject}` : ''}${r.version ? ` v${r.version}` : ''}: ${r.outcome === 'accepted' ? 'accepted' : `not accepted — ${r.detail}`}`);
      out(`${res.accepted} accepted, ${res.skipped} not accepted`);
      return res.skipped ? 1 : 0;
    }
    const target = { form: v.form, fy: v.fy, period: v.period, orgUnit: units[0], subject: v.subject ?? null };
    const r = await client.accept(target, { version: v.version, note: v.note });
    out(`${returnLabel(target)}: version ${r.version} ${r.status === 'zone_accepted' ? 'accepted by the zone (HQ accepts last)' : 'accepted'}`);
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
