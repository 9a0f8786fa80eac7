import type { TableEntity } from '@azure/data-tables';
import { TableClient } from '@azure/data-tables';
import { gridFromValues } from '../../shared/sheet/grid';
import { locateSheet } from '../../shared/read/locateSheet';
import { checkReturn } from '../../shared/check/checkReturn';
import { submitReturns } from '../../functions/src/services/submitReturns';
import { startApi } from '../support/apiHarness';
import { projectRegister } from './readerBench';
import { machine, median, writeSection } from './report';

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
    for (let i = 0; i < typed.length; i++) await single.upsertEntity({ partitionKey: pk, rowKey: String(i).padStart(8, '0'), row_n: 1, row_0: JSON.stringify(typed[i]) } as TableEntity, 'Replace');
    const singleMs = Date.now() - t;
    process.stderr.write(`single upserts: ${singleMs} ms\n`);

    // Tally latency with 1,000 and 100,000 rows per return: tallies read contributions, never rows.
    const hq = { role: 'hq' as const, name: 'bench' };
    const latency: Record<number, number[]> = {};
    for (const [rows, fy, returns] of [[1_000, 2565, 20], [100_000, 2566, 1]] as const) {
      for (let p = 0; p < returns; p++) {
        const loc = registerReturn(rows, fy, `5045${String(p).padStart(4, '0')}-${String(rows).slice(0, 4)}`);
        const out = await submitReturns(store, hq, { fileName: 'bench.xlsx', returns: [loc] }, `bench-${rows}-${p}`, null);
        if ('problem' in out) throw new Error(`bench submit refused: ${out.detail}`);
      }
      process.stderr.write(`stored ${returns} × ${rows} rows\n`);
      const client = api.client();
      await client.tallies({ form: 'bma-project-progress', fy, by: 'hq' });
      latency[rows] = [];
      for (let i = 0; i < 100; i++) {
        const t0 = process.hrtime.bigint();
        const tally = await client.tallies({ form: 'bma-project-progress', fy, by: 'hq' });
        latency[rows].push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (tally.groups[0].measures[0].value === 0) throw new Error('bench tally empty');
      }
    }
    const row = (rows: number) => `| ${rows.toLocaleString('en-US')} rows per return | ${median(latency[rows]).toFixed(1)} ms | ${percentile(latency[rows], 95).toFixed(1)} ms |`;
    const body = `## Storage: submitting rows, reading tallies (Azurite on loopback)

Command: \`npm run bench\` (test/bench/storeBench.ts) · ${machine()} · Azurite ${require('azurite/package.json').version}, in memory

Writing one 10,000-row return:

| how | time | rows/s |
|---|---|---|
| transactions of 100 entities (\`ReturnStore.writeRows\`) | ${txMs} ms | **${rowsPerSecond(10_000, txMs).toLocaleString('en-US')}** |
| one upsert per row | ${singleMs} ms | ${rowsPerSecond(10_000, singleMs).toLocaleString('en-US')} |
| ratio | | **${(singleMs / txMs).toFixed(1)}×** faster in transactions |

Tally latency (\`GET /api/tallies\`, HQ, 100 requests after one warm-up). The 1,000-row case holds 20 returns of 1,000 rows; the 100,000-row case one return of 100,000 rows. A tally reads the per-return contributions in one partition, so it does not grow with rows:

| returns of | p50 | p95 |
|---|---|---|
${row(1_000)}
${row(100_000)}
`;
    writeSection('store', body);
    return body;
  } finally {
    await api.close();
  }
}
