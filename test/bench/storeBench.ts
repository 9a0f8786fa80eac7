import type { TableEntity } from '@azure/data-tables';
import { TableClient } from '@azure/data-tables';
import { gridFromValues } from '@returns-hub/shared/sheet/grid';
import { locateSheet } from '@returns-hub/shared/read/locateSheet';
import { checkReturn } from '@returns-hub/shared/check/checkReturn';
import { ROWS_PER_PARTITION } from '@returns-hub/functions/store/tableReturnStore';
import { startApi } from '../support/apiHarness';
import { projectRegister } from '../support/projectRegister';
import { machine, writeSection } from './report';
import { tallyBench } from './tallyBench';
import { version as AZURITE_VERSION } from 'azurite/package.json';
import { BUILT_IN } from '../support/builtIn';

const rowsPerSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

/** A project register as a located return, renamed so each bench return has its own identity. */
function registerReturn(rows: number, fiscalYear: number, code: string) {
  const values = projectRegister(rows).map((r) => r.map((c) => (typeof c === 'string' ? c.replace('2564', String(fiscalYear)).replace('50450000-3247', code) : c)));
  return locateSheet(gridFromValues('ทะเบียน', values), BUILT_IN.forms).returns[0];
}

export async function storeBench(): Promise<string> {
  const api = await startApi({ config: { maxBodyBytes: 64 * 1024 * 1024 } });
  try {
    const store = await api.deps.store();
    const typed = checkReturn(registerReturn(10_000, 2564, '50450000-0001'), { definitions: BUILT_IN }).rows;

    // 10,000 rows: a version committed (its rows packed, in transactions) vs one upsert per row.
    let t = Date.now();
    const located = registerReturn(10_000, 2564, '50450000-0001');
    const report = await store.commit([
      {
        record: {
          formId: located.formId,
          fiscalYear: 2564,
          period: 'FY',
          orgUnit: '1045',
          subject: '50450000-0001',
          version: 1,
          submittedAt: new Date().toISOString(),
          submittedBy: 'bench',
          fileName: 'bench.xlsx',
          sheet: 'ทะเบียน',
          idempotencyKey: null,
          bodyHash: 'bench',
          rowCount: typed.length,
          warnings: 0,
          fields: {},
          fieldCells: {},
          columns: {},
          firstColumn: 'A',
          contribution: { kind: 'indicators', sums: {}, flags: {} },
          checkedWith: { form: 0, units: 0 },
          issues: [],
        },
        rows: typed,
        replaces: null,
      },
    ]);
    if (report.outcomes[0].state !== 'stored') throw new Error('bench: the 10,000-row version was not stored');
    const txMs = Date.now() - t;
    process.stderr.write(`transactions: ${txMs} ms\n`);
    const single = TableClient.fromConnectionString(api.azurite.connectionString, 'rows', { allowInsecureConnection: true });
    const pk = `bench-single-${Date.now()}`;
    t = Date.now();
    // Same partitioning as ReturnStore (1,000 rows a partition): only the batching differs.
    for (let i = 0; i < typed.length; i++) {
      const partitionKey = `${pk}|${String(Math.floor(i / ROWS_PER_PARTITION)).padStart(5, '0')}`;
      await single.upsertEntity({ partitionKey, rowKey: String(i).padStart(8, '0'), row_n: 1, row_0: JSON.stringify(typed[i]) } as TableEntity, 'Replace');
    }
    const singleMs = Date.now() - t;
    process.stderr.write(`single upserts: ${singleMs} ms\n`);

    const tally = await tallyBench(api, store);
    const body = `## Storage: submitting rows, reading tallies (Azurite on loopback)

Command: \`npm run bench -- store\` (test/bench/storeBench.ts) · ${machine()} · Azurite ${AZURITE_VERSION}, in memory

Writing one 10,000-row return:

| how | time | rows/s |
|---|---|---|
| one version committed (\`ReturnStore.commit\`: rows packed a few hundred to an entity, transactions of ≤100 entities) | ${txMs} ms | **${rowsPerSecond(10_000, txMs).toLocaleString('en-US')}** |
| one upsert per row | ${singleMs} ms | ${rowsPerSecond(10_000, singleMs).toLocaleString('en-US')} |
| ratio | | **${(singleMs / txMs).toFixed(1)}×** faster in transactions |

${tally}
`;
    writeSection('store', body);
    return body;
  } finally {
    await api.close();
  }
}
