import { builtInForm, UNITS } from '../support/builtIn';
import type { ProjectContribution } from '@returns-hub/shared/consolidate/contribution';
import { differences } from '@returns-hub/shared/consolidate/aggregateDifferences';
import type { Issue } from '@returns-hub/shared/issues/issue';
import type { GroupBy, Tally } from '@returns-hub/shared/consolidate/tally';
import { rebuildTallies } from '@returns-hub/functions/services/rebuildTallies';
import { isDomainError } from '@returns-hub/functions/domain/domainError';
import type { ReturnStore } from '@returns-hub/functions/store/returnStore';
import type { StoredReturn } from '@returns-hub/functions/store/storedReturn';
import type { Api } from '../support/apiHarness';
import { int, pick, seededRandom, type Random } from '../support/randomReturns';
import { median, percentile } from './report';

const FORM = 'bma-project-progress';
const SIZES = [1, 50, 500, 5_000];
/** Requests per measurement after the warm-up; the recomputation at 5,000 returns takes fewer to stay bounded. */
const REQUESTS = 100;
const SLOW_REQUESTS = 30;
const WARM_UP = 5;
const hq = { role: 'hq' as const, name: 'bench', id: 'bench' };

/** A project's contribution: a budget and a report in some of its months. */
function projectContribution(r: Random): ProjectContribution {
  const months: ProjectContribution['months'] = {};
  let progress = 0;
  for (let m = 1; m <= 12; m++) {
    if (r() > 0.4) continue;
    progress = Math.min(100, progress + int(r, 0, 40));
    months[String(m)] = { date: `2567-${String(((m + 8) % 12) + 1).padStart(2, '0')}-15`, progress, onPlan: r() < 0.7, onTarget: r() < 0.6, disbursed: int(r, 0, 50_000), reports: 1 };
  }
  return { kind: 'projects', budget: int(r, 100_000, 900_000), months, undatedDisbursed: 0 };
}

/** Warnings as a real register carries them: stored with the return, never read by a tally. */
const warnings: Issue[] = Array.from({ length: 10 }, (_, i) => ({
  severity: 'warning',
  code: 'rule.row_required',
  cell: `'ทะเบียน'!B${20 + i}`,
  message_th: `แถวที่ ${20 + i}: ไม่ได้กรอก "วันที่รายงาน" ซึ่งจำเป็นต้องกรอกในทุกแถวของตาราง`,
  message_en: `Row ${20 + i}: "Report date" is required in every row of the table but is empty`,
}));

/**
 * Seeds `count` current returns of one fiscal year through the port (pointers switched in
 * transactions of 100, no rows: a tally never reads them), then builds their aggregates by
 * the repair path, which is timed.
 */
async function seed(store: ReturnStore, fy: number, count: number, r: Random): Promise<{ seedMs: number; rebuildMs: number }> {
  const districts = UNITS.all.filter((u) => u.kind === 'district' && u.agencyPrefix);
  const t0 = Date.now();
  const records: Omit<StoredReturn, 'writeId'>[] = Array.from({ length: count }, (_, i) => {
    const d = districts[i % districts.length];
    return {
      formId: FORM,
      fiscalYear: fy,
      period: 'FY',
      orgUnit: d.code,
      subject: `${d.agencyPrefix}0000-${String(i).padStart(4, '0')}`,
      version: 1,
      submittedAt: new Date().toISOString(),
      submittedBy: 'bench',
      fileName: 'bench.xlsx',
      sheet: 'ทะเบียน',
      idempotencyKey: null,
      bodyHash: 'bench',
      rowCount: 12,
      warnings: warnings.length,
      fields: { project_code: `${d.agencyPrefix}0000-${i}`, project_name: `โครงการที่ ${i} ${pick(r, ['ถนน', 'คลอง', 'ชุมชน'])}`, budget_received: 500_000 },
      fieldCells: { project_code: "'ทะเบียน'!B2", project_name: "'ทะเบียน'!B3", budget_received: "'ทะเบียน'!B9" },
      columns: { report_no: 'A', date: 'B', progress: 'D', disbursed: 'E' },
      firstColumn: 'A',
      contribution: projectContribution(r),
      checkedWith: { form: 0, units: 0 },
      issues: warnings,
    };
  });
  // Through the store's commit, 100 a time (one pointer transaction each), without the tallies: the rebuild makes them.
  for (let i = 0; i < records.length; i += 100) {
    const report = await store.commit(records.slice(i, i + 100).map((record) => ({ record, rows: [], replaces: null })));
    if (report.outcomes.some((o) => o.state !== 'stored')) throw new Error('bench seed: pointers not switched');
  }
  const seedMs = Date.now() - t0;
  const t1 = Date.now();
  const rebuilt = await rebuildTallies(store, hq, builtInForm(FORM), UNITS, fy, 'FY', { write: true });
  if (isDomainError(rebuilt) || rebuilt.returns !== count) throw new Error(`bench rebuild: ${isDomainError(rebuilt) ? rebuilt.en : rebuilt.returns}`);
  return { seedMs, rebuildMs: Date.now() - t1 };
}

async function timeTallies(api: Api, fy: number, by: GroupBy, requests: number): Promise<{ ms: number[]; tally: Tally }> {
  const client = api.client();
  let tally = await client.tallies({ form: FORM, fy, by });
  for (let i = 0; i < WARM_UP - 1; i++) tally = await client.tallies({ form: FORM, fy, by });
  const ms: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = process.hrtime.bigint();
    tally = await client.tallies({ form: FORM, fy, by });
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms, tally };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/**
 * Tally latency by the number of current returns in the period: maintained aggregates
 * (after) beside recomputation from every return's contribution (before: the read-all path,
 * served by the same route while a whole-scope intent is pending), in one run.
 */
export async function tallyBench(api: Api, store: ReturnStore): Promise<string> {
  const r = seededRandom(2567);
  const rows: string[] = [];
  const p50 = new Map<number, number>();
  const repair: string[] = [];
  for (const [i, count] of SIZES.entries()) {
    const fy = 2570 + i;
    const { seedMs, rebuildMs } = await seed(store, fy, count, r);
    const after = await timeTallies(api, fy, 'hq', REQUESTS);
    const afterByDistrict = await timeTallies(api, fy, 'district', REQUESTS);
    const scope = { formId: FORM, fiscalYear: fy, basis: 'all' as const };
    // A whole-scope intent (as a rebuild in progress leaves) makes the route recompute.
    await store.tallies.intend(scope, [{ kind: 'scope', id: 'bench', at: new Date().toISOString(), reason: 'bench: measuring recomputation' }]);
    const before = await timeTallies(api, fy, 'hq', count >= 5_000 ? SLOW_REQUESTS : REQUESTS);
    await store.tallies.forget(scope, ['bench']);
    const diff = differences(after.tally, before.tally);
    if (diff.length) throw new Error(`bench: maintained and recomputed tallies differ at ${count}: ${diff.slice(0, 3).join('; ')}`);
    if (after.tally.groups[0].measures[0].value !== count) throw new Error(`bench: tally counts ${after.tally.groups[0].measures[0].value} projects, ${count} seeded`);
    p50.set(count, median(after.ms));
    rows.push(
      `| ${count.toLocaleString('en-US')} | **${fmt(median(after.ms))}** | ${fmt(percentile(after.ms, 95))} | ${fmt(median(afterByDistrict.ms))} | ${fmt(percentile(afterByDistrict.ms, 95))} | ${fmt(median(before.ms))} | ${fmt(percentile(before.ms, 95))} | ${(median(before.ms) / median(after.ms)).toFixed(1)}× |`,
    );
    repair.push(`| ${count.toLocaleString('en-US')} | ${seedMs} ms | ${rebuildMs} ms |`);
    process.stderr.write(`tallies of ${count} returns measured\n`);
  }
  const ratio = p50.get(5_000)! / p50.get(1)!;
  return `Tally latency by current returns in the period (\`GET /api/tallies\`, headquarters key, project-progress form, ${REQUESTS} requests after ${WARM_UP} warm-up ones; ${SLOW_REQUESTS} for the recomputation at 5,000). **After**: the tally reads the maintained aggregates of its level (HQ: one entity; by district: 50). **Before**: the read-all path, every current return's contribution read and added up at each request (kept as the repair path; measured through the same route with the scope marked stale, list queries selecting summary properties only). Both give the same figures (checked at each size). Returns seeded through the port, each with 10 stored warnings.

| current returns | after p50 (HQ) | after p95 (HQ) | after p50 (by district) | after p95 (by district) | before p50 (HQ) | before p95 (HQ) | before ÷ after (p50) |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

p50 at 5,000 returns ÷ p50 at 1: **${ratio.toFixed(2)}×** (target ≤ 2×: ${ratio <= 2 ? 'met' : 'not met'}).

Cost of seeding and of the repair path (\`rebuildTallies\`: read every contribution, write every aggregate and every return's applied share):

| current returns | seed pointers (transactions of 100) | rebuild tallies |
|---|---|---|
${repair.join('\n')}`;
}
