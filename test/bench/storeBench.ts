import type { TableEntity } from '@azure/data-tables';
import { TableClient } from '@azure/data-tables';
import { gridFromValues } from '@returns-hub/shared/sheet/grid';
import { locateSheet } from '@returns-hub/shared/read/locateSheet';
import { checkReturn } from '@returns-hub/shared/check/checkReturn';
import { contributionOf } from '@returns-hub/shared/consolidate/consolidateReturns';
import { formById } from '@returns-hub/shared/forms/index';
import { submitReturns } from '@returns-hub/functions/services/submitReturns';
import { ROWS_PER_PARTITION } from '@returns-hub/functions/store/tableReturnStore';
import { isDomainError } from '@returns-hub/functions/domain/domainError';
import { startApi } from '../support/apiHarness';
import { projectRegister } from './readerBench';
import { machine, median, writeSection } from './report';
import { version as AZURITE_VERSION } from 'azurite/package.json';

const rowsPerSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** A project register as a located return, renamed so each bench return has its own identity. */
function registerReturn(rows: number, fiscalYear: number, code: string) {
  const values = projectRegister(rows).map((r) => r.map((c) => (typeof c === 'string' ? c.replace('2564', String(fiscalYear)).replace('50450000-3247', code) : c)));
  return locateSheet(gridFromValues('ทะเบียน', values)).returns[0];
}

export async function storeBench(): Promise<string> {
  const api = await startApi({ config: { maxBodyBytes: 64 * 1024 * 1024 } });
  try {
    const store = await api.deps.store();
    const typed = checkReturn(registerReturn(10_000, 2564, '50450000-0001')).rows;

    // 10,000 rows: transactions of 100 vs one upsert per row.
    let t = Date.now();
    await store.writeRows(store.newWriteId(), typed);
    const txMs = Date.now() - t;
    process.stderr.write(`transactions: ${txMs} ms\n`);
    const single = TableClient.fromConnectionString(api.azurite.connectionString, 'rows', { allowInsecureConnection: true });
    const pk = store.newWriteId();
    t = Date.now();
    // Same partitioning as ReturnStore (1,000 rows a partition): only the batching differs.
    for (let i = 0; i < typed.length; i++) {
      const partitionKey = `${pk}|${String(Math.floor(i / ROWS_PER_PARTITION)).padStart(5, '0')}`;
      await single.upsertEntity({ partitionKey, rowKey: String(i).padStart(8, '0'), row_n: 1, row_0: JSON.stringify(typed[i]) } as TableEntity, 'Replace');
    }
    const singleMs = Date.now() - t;
    process.stderr.write(`single upserts: ${singleMs} ms\n`);

    // Tally latency with 1,000 and 100,000 rows per return: tallies read contributions, never rows.
    const hq = { role: 'hq' as const, name: 'bench', id: 'bench' };
    const measure = async (fy: number) => {
      const client = api.client();
      await client.tallies({ form: 'bma-project-progress', fy, by: 'hq' });
      const ms: number[] = [];
      for (let i = 0; i < 100; i++) {
        const t0 = process.hrtime.bigint();
        const tally = await client.tallies({ form: 'bma-project-progress', fy, by: 'hq' });
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (tally.groups[0].measures[0].value === 0) throw new Error('bench tally empty');
      }
      return ms;
    };
    const lines: string[] = [];
    const report = () => {
      const body = `## Storage: submitting rows, reading tallies (Azurite on loopback)

Command: \`npm run bench\` (test/bench/storeBench.ts) · ${machine()} · Azurite ${AZURITE_VERSION}, in memory

Writing one 10,000-row return:

| how | time | rows/s |
|---|---|---|
| transactions of 100 entities (\`ReturnStore.writeRows\`) | ${txMs} ms | **${rowsPerSecond(10_000, txMs).toLocaleString('en-US')}** |
| one upsert per row | ${singleMs} ms | ${rowsPerSecond(10_000, singleMs).toLocaleString('en-US')} |
| ratio | | **${(singleMs / txMs).toFixed(1)}×** faster in transactions |

Tally latency (\`GET /api/tallies\`, HQ, 100 requests after one warm-up). A tally reads the per-return contributions in one partition, so it does not grow with the rows of the returns:

| returns of | p50 | p95 |
|---|---|---|
${lines.join('\n')}
`;
      writeSection('store', body);
      return body;
    };
    const submitMany = async (count: number, rows: number, fy: number) => {
      for (let p = 0; p < count; p++) {
        const out = await submitReturns(
          store,
          hq,
          { fileName: 'bench.xlsx', returns: [registerReturn(rows, fy, `5045${String(p).padStart(4, '0')}-${String(rows).slice(0, 4)}`)] },
          `bench-${fy}-${p}`,
          null,
        );
        if (isDomainError(out)) throw new Error(`bench submit refused: ${out.en}`);
      }
    };
    // One return of 1,000 rows; and 20 of them, to show what latency does follow: the number of returns.
    await submitMany(1, 1_000, 2565);
    let ms = await measure(2565);
    lines.push(`| 1,000 rows (1 return) | ${median(ms).toFixed(1)} ms | ${percentile(ms, 95).toFixed(1)} ms |`);
    await submitMany(20, 1_000, 2567);
    const twenty = await measure(2567);
    let body = report();
    process.stderr.write('1,000-row tallies measured\n');
    // One return of 100,000 rows, time-boxed all the same: the rows actually stored are reported.
    const large = checkReturn(registerReturn(100_000, 2566, '50450000-9999'));
    const budgetMs = Number(process.env.BENCH_LARGE_BUDGET_MS ?? 10 * 60_000);
    const writeId = store.newWriteId();
    const t1 = Date.now();
    let stored = 0;
    for (let i = 0; i < large.rows.length && Date.now() - t1 < budgetMs; i += 1_000) {
      await store.writeRows(writeId, large.rows.slice(i, i + 1_000), i);
      stored = Math.min(i + 1_000, large.rows.length);
    }
    const out = await submitReturns(store, hq, { fileName: 'bench.xlsx', returns: [registerReturn(10, 2566, '50450000-9999')] }, 'bench-large', null);
    if (isDomainError(out)) throw new Error(`bench submit refused: ${out.en}`);
    // Point the return at the large row set, as a submission of it would have.
    const cur = (await store.getCurrent({ formId: 'bma-project-progress', fiscalYear: 2566, period: 'FY', orgUnit: '1045', subject: '50450000-9999' }))!;
    await store.switchCurrent([{ record: { ...cur.record, writeId, rowCount: stored, contribution: contributionOf(large, formById('bma-project-progress')!) }, etag: cur.etag }]);
    const writeMin = ((Date.now() - t1) / 60_000).toFixed(1);
    ms = await measure(2566);
    lines.push(
      `| ${stored.toLocaleString('en-US')} rows (1 return${stored < 100_000 ? `; Azurite stored ${stored.toLocaleString('en-US')} of 100,000 in the ${writeMin}-minute budget` : `, written in ${writeMin} min`}) | ${median(ms).toFixed(1)} ms | ${percentile(ms, 95).toFixed(1)} ms |`,
    );
    lines.push(`| for comparison: 20 returns of 1,000 rows | ${median(twenty).toFixed(1)} ms | ${percentile(twenty, 95).toFixed(1)} ms |`);
    body = report();
    return body;
  } finally {
    await api.close();
  }
}
