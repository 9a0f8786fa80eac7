import { explainFailure } from '../explainFailure';
import { parseReviewArgs, returnOf, reviewClient, type Connection } from './reviewArgs';

/** `returns exception --form F --fy Y --period P --unit U --reason "..."`: HQ lets a unit submit for a closed period. */
export async function exceptionCommand(argv: string[], c: Connection, out: (s: string) => void): Promise<number> {
  const a = parseReviewArgs(argv);
  const target = returnOf(a);
  if (!c.api || !c.key || typeof target === 'string' || !a.values.reason?.trim()) {
    out('usage: returns exception --form F --fy Y --period P --unit U --reason "..."');
    return 2;
  }
  try {
    const x = await reviewClient({ api: c.api, key: c.key }).grantException({ form: target.form, fy: target.fy, period: target.period, orgUnit: target.orgUnit, reason: a.values.reason });
    out(`${target.form} FY ${target.fy} ${target.period}: ${x.orgUnit} may submit after the period closed (granted by ${x.by} at ${x.at})`);
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
