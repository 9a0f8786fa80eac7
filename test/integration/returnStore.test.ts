import { startAzurite, type Azurite } from '@returns-hub/functions/dev/startAzurite';
import { ReturnStore, ROWS_PER_PARTITION } from '@returns-hub/functions/store/returnStore';
import type { TypedRow } from '@returns-hub/shared/check/checkedReturn';

let azurite: Azurite;
let store: ReturnStore;
beforeAll(async () => {
  azurite = await startAzurite();
  store = await ReturnStore.open(azurite.connectionString);
}, 60_000);
afterAll(async () => azurite?.stop());

const rows = (n: number, from = 0): TypedRow[] => Array.from({ length: n }, (_, i) => ({ row: from + i + 1, kind: 'item', values: { no: from + i + 1, text: 'ข้อความ / with # and ?' } }));

describe('rows of a version in Table Storage', () => {
  test('a large version spreads over partitions and reads back whole and in order', async () => {
    const id = store.newWriteId();
    await store.writeRows(id, rows(2 * ROWS_PER_PARTITION + 500));
    const back = await store.readRows(id);
    expect(back).toHaveLength(2500);
    expect(back.map((r) => r.row)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    expect(back[1234].values.text).toBe('ข้อความ / with # and ?');
  }, 60_000);

  test('a version written in parts (offset) is one sequence; deleting removes every partition', async () => {
    const id = store.newWriteId();
    await store.writeRows(id, rows(950), 0);
    await store.writeRows(id, rows(700, 950), 950); // crosses a partition boundary mid-part
    expect((await store.readRows(id)).map((r) => r.row)).toEqual(Array.from({ length: 1650 }, (_, i) => i + 1));
    await store.deleteRows(id);
    expect(await store.readRows(id)).toEqual([]);
  }, 60_000);

  test("another version's rows are never read with this one", async () => {
    const a = store.newWriteId();
    const b = store.newWriteId();
    await store.writeRows(a, rows(10));
    await store.writeRows(b, rows(3));
    expect(await store.readRows(b)).toHaveLength(3);
  });
});
