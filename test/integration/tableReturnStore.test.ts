import { startAzurite, type Azurite } from '@returns-hub/functions/dev/startAzurite';
import { TableReturnStore, ROWS_PER_PARTITION } from '@returns-hub/functions/store/tableReturnStore';
import { returnStoreContract } from './returnStoreContract';

/** The Table Storage implementation, on a real Azurite, passes the store contract. */
returnStoreContract('Table Storage on Azurite', async () => {
  const azurite = await startAzurite();
  const store = await TableReturnStore.open({ connectionString: azurite.connectionString }, { timeoutMs: 10_000 });
  return { store, close: () => azurite.stop() };
});

describe('Table Storage specifics', () => {
  let azurite: Azurite;
  let store: TableReturnStore;
  beforeAll(async () => {
    azurite = await startAzurite();
    store = await TableReturnStore.open({ connectionString: azurite.connectionString }, { timeoutMs: 10_000 });
  }, 60_000);
  afterAll(async () => azurite?.stop());

  test('a large version spreads over partitions of ≤1,000 rows and reads back in order across them', async () => {
    const id = store.newWriteId();
    const n = 2 * ROWS_PER_PARTITION + 500;
    await store.writeRows(
      id,
      Array.from({ length: n }, (_, i) => ({ row: i + 1, kind: 'item' as const, values: { no: i + 1 } })),
    );
    expect((await store.readRows(id)).map((r) => r.row)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  }, 60_000);
});
