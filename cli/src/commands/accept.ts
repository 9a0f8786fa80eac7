import { explainFailure } from '../explainFailure';
import { parseReviewArgs, returnOf, reviewClient, versionOf, type Connection } from './reviewArgs';

/**
 * `returns accept --form F --fy Y --period P --unit U [--subject S] [--version N] [--note TEXT]`,
 * `--unit U1,U2,…` (a selection), or `--all-clean` (every return awaiting the caller with no warnings).
 */
export async function acceptCommand(argv: string[], c: Connection, out: (s: string) => void): Promise<number> {
  const a = parseReviewArgs(argv);
  const fy = Number(a.values.fy);
  const usage = 'usage: returns accept --form F --fy Y --period P (--unit U[,U…] [--subject S] [--version N] | --all-clean) [--note TEXT]';
  if (!c.api || !c.key || !a.values.form || !Number.isInteger(fy) || !a.values.period || (!a.values.unit && !a.flags.has('all-clean'))) {
    out(usage);
    return 2;
  }
  const client = reviewClient({ api: c.api, key: c.key });
  try {
    const units = (a.values.unit ?? '').split(',').filter(Boolean);
    if (a.flags.has('all-clean') || units.length > 1) {
      const q = { form: a.values.form, fy, period: a.values.period, note: a.values.note };
      const res = await client.bulkAccept(a.flags.has('all-clean') ? { ...q, allClean: true } : { ...q, returns: units.map((orgUnit) => ({ orgUnit, subject: a.values.subject ?? null })) });
      for (const r of res.results)
        out(`  ${r.orgUnit}${r.subject ? ` ${r.subject}` : ''}${r.version ? ` v${r.version}` : ''}: ${r.outcome === 'accepted' ? 'accepted' : `not accepted — ${r.detail}`}`);
      out(`${res.accepted} accepted, ${res.skipped} not accepted`);
      return res.skipped ? 1 : 0;
    }
    const target = returnOf(a);
    const version = versionOf(a);
    if (typeof target === 'string' || typeof version === 'string') {
      out(usage);
      return 2;
    }
    const v = await client.accept(target, { version, note: a.values.note });
    out(
      `${target.form} ${target.orgUnit} FY ${target.fy} ${target.period}${target.subject ? ` ${target.subject}` : ''}: version ${v.version} ${v.status === 'zone_accepted' ? 'accepted by the zone (HQ accepts last)' : 'accepted'}`,
    );
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
