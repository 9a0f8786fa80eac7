import { explainFailure } from '../explainFailure';
import type { ArgsOf, REOPEN } from '../commandSpecs';
import { apiClient, type ApiConnection } from '../connection';
import { returnLabel, returnOf } from './reviewArgs';

/** `returns reopen --form F --fy Y --period P --unit U --reason "..." [--subject S]`: an accepted return takes a new version again. */
export async function reopenCommand(a: ArgsOf<typeof REOPEN>, c: ApiConnection, out: (s: string) => void): Promise<number> {
  const target = returnOf(a.values);
  try {
    const v = await apiClient(c).reopen(target, { version: a.values.version, reason: a.values.reason });
    out(`${returnLabel(target)}: version ${v.version} reopened`);
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
