import { explainFailure } from '../explainFailure';
import { parseReviewArgs, returnOf, reviewClient, versionOf, type Connection } from './reviewArgs';

/** `returns reopen --form F --fy Y --period P --unit U --reason "..." [--subject S]`: an accepted return takes a new version again. */
export async function reopenCommand(argv: string[], c: Connection, out: (s: string) => void): Promise<number> {
  const a = parseReviewArgs(argv);
  const target = returnOf(a);
  const version = versionOf(a);
  if (!c.api || !c.key || typeof target === 'string' || typeof version === 'string' || !a.values.reason?.trim()) {
    out('usage: returns reopen --form F --fy Y --period P --unit U --reason "..." [--subject S]');
    return 2;
  }
  try {
    const v = await reviewClient({ api: c.api, key: c.key }).reopen(target, { version, reason: a.values.reason });
    out(`${target.form} ${target.orgUnit} FY ${target.fy} ${target.period}${target.subject ? ` ${target.subject}` : ''}: version ${v.version} reopened`);
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
