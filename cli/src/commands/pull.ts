import { createApiClient, ApiError } from '@returns-hub/shared/api/client';
import type { GroupBy, Tally } from '@returns-hub/shared/consolidate/tally';
import { writeTallyWorkbook } from '../xlsx/writeTallyWorkbook';

const fmt = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: d }));

function printTally(t: Tally, out: (s: string) => void) {
  out(`${t.formId} · FY ${t.fiscalYear} · ${t.period} · by ${t.by}`);
  for (const g of t.groups) {
    out(`\n${g.orgUnit} ${g.name_th} — received ${g.received}/${g.expected}`);
    for (const m of g.measures) {
      const parts = [`${m.id.padEnd(28)} ${fmt(m.value, 4).padStart(14)}`];
      if (m.pct !== undefined) parts.push(`${fmt(m.pct)} %`);
      if (m.annualTarget !== undefined)
        parts.push(
          `annual ${fmt(m.annualTarget)}`,
          `to date ${fmt(m.targetToDate)}`,
          `Q ${(m.byQuarter ?? []).map((x) => fmt(x)).join(' | ')}`,
          `% annual ${fmt(m.pctOfAnnual)}`,
          `% to date ${fmt(m.pctOfTargetToDate)}`,
        );
      if (m.status) parts.push(m.status);
      if (m.score !== undefined && m.score !== null) parts.push(`score ${fmt(m.score)}`);
      out(`  ${parts.join('  ')}`);
    }
  }
}

/** `returns pull --form ID --fy 2563 [--period Q2] [--by …] [--json] [--out file.xlsx]`. */
export async function pullCommand(
  o: { api: string; key: string; form: string; fy: number; period?: string; by?: GroupBy; json: boolean; outFile?: string },
  out: (s: string) => void,
): Promise<number> {
  const client = createApiClient({ baseUrl: o.api, key: o.key, fetch });
  try {
    const tally = await client.tallies({ form: o.form, fy: o.fy, period: o.period, by: o.by });
    const completeness = await client.completeness({ form: o.form, fy: o.fy, period: tally.period });
    if (o.outFile) {
      await writeTallyWorkbook(o.outFile, tally, completeness);
      out(`wrote ${o.outFile}`);
    }
    if (o.json) out(JSON.stringify({ tally, completeness }, null, 2));
    else if (!o.outFile) {
      printTally(tally, out);
      out(`\ncompleteness: ${completeness.received}/${completeness.expected} received, ${completeness.onTime} on time; missing: ${completeness.missing.map((m) => m.name_th).join(', ') || '—'}`);
    }
    return 0;
  } catch (e) {
    out(e instanceof ApiError ? `refused — ${e.status} ${e.problem.detail}` : `could not reach ${o.api} — ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
