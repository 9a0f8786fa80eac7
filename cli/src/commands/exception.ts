import { explainFailure } from '../explainFailure';
import type { ArgsOf, EXCEPTION } from '../commandSpecs';
import { apiClient, type ApiConnection } from '../connection';

/** `returns exception --form F --fy Y --period P --unit U --reason "..."`: HQ lets a unit submit for a closed period. */
export async function exceptionCommand(a: ArgsOf<typeof EXCEPTION>, c: ApiConnection, out: (s: string) => void): Promise<number> {
  const v = a.values;
  try {
    const x = await apiClient(c).grantException({ form: v.form, fy: v.fy, period: v.period, orgUnit: v.unit, reason: v.reason });
    out(`${v.form} FY ${v.fy} ${v.period}: ${x.orgUnit} may submit after the period closed (granted by ${x.by} at ${x.at})`);
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
