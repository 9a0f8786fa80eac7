import { explainFailure } from '../explainFailure';
import { STATUS_LABELS } from '@returns-hub/shared/review/statusLabels';
import type { ArgsOf, STATUS } from '../commandSpecs';
import { apiClient, type ApiConnection } from '../connection';

/** `returns status --form F --fy Y [--period P] [--json]`: each expected unit's status, on time or late, and the counts. */
export async function statusCommand(a: ArgsOf<typeof STATUS>, c: ApiConnection, out: (s: string) => void): Promise<number> {
  const client = apiClient(c);
  try {
    const q = { form: a.values.form, fy: a.values.fy, period: a.values.period };
    const [completeness, list] = await Promise.all([client.completeness(q), client.reviews(q)]);
    if (a.values.json) {
      out(JSON.stringify({ completeness, returns: list.returns }, null, 2));
      return 0;
    }
    out(`${completeness.formId} · FY ${completeness.fiscalYear} · ${completeness.period} · due ${completeness.dueDate}${completeness.closesOn ? ` · closes after ${completeness.closesOn}` : ''}`);
    for (const u of completeness.units) {
      const returns = list.returns.filter((r) => r.orgUnit === u.code);
      const versions = returns.length === 1 ? ` v${returns[0].version}` : returns.length > 1 ? ` ${returns.length} returns` : '';
      out(`  ${u.code.padEnd(6)} ${u.name_th.padEnd(22)} ${STATUS_LABELS[u.status].en.padEnd(17)} ${u.timeliness.padEnd(8)}${versions}${u.submittedAt ? ` ${u.submittedAt}` : ''}`);
      for (const r of returns.filter((r) => r.reason && r.status === 'returned')) out(`           ↳ ${r.subject ? `${r.subject}: ` : ''}${r.reason}${r.comments ? ` (${r.comments} comment(s))` : ''}`);
    }
    const s = completeness.byStatus;
    out(
      `\n${completeness.expected} expected: ${s.not_received ?? 0} not received, ${s.submitted ?? 0} submitted, ${s.returned ?? 0} sent back, ${s.zone_accepted ?? 0} accepted by zone, ${s.accepted ?? 0} accepted, ${s.reopened ?? 0} reopened; ${completeness.onTime} on time, ${completeness.late} late`,
    );
    out(`returns: ${completeness.returns.total} received, ${completeness.returns.accepted} accepted`);
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
