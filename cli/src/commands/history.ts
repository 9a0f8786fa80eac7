import { explainFailure } from '../explainFailure';
import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';
import type { ArgsOf, HISTORY } from '../commandSpecs';
import { apiClient, type ApiConnection } from '../connection';
import { returnOf } from './reviewArgs';

const ACTION = { submit: 'submitted', accept: 'accepted', send_back: 'sent back', reopen: 'reopened', exception: 'exception granted' } as const;

/** `returns history --form F --fy Y --period P --unit U [--subject S] [--json]`: every action on a return, oldest first. */
export async function historyCommand(a: ArgsOf<typeof HISTORY>, c: ApiConnection, out: (s: string) => void): Promise<number> {
  try {
    const h = await apiClient(c).history(returnOf(a.values));
    if (a.values.json) {
      out(JSON.stringify(h, null, 2));
      return 0;
    }
    out(`${h.formId} ${h.orgUnit} FY ${h.fiscalYear} ${h.period}${h.subject ? ` ${h.subject}` : ''}`);
    for (const e of h.events) {
      const what = `${ACTION[e.action]}${e.level === 'zone' ? ' by zone' : ''}`;
      out(`  ${bangkokTime(e.at).en}  v${e.version}  ${what.padEnd(18)} ${e.by} via ${e.client}${e.recovered ? ' (recovered from the version history)' : ''}`);
      if (e.reason) out(`      ${e.reason}`);
      for (const cm of e.comments ?? []) out(`      ${cm.cell}: ${cm.text}`);
    }
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
