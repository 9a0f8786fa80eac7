import { startAzurite, type Azurite } from '@returns-hub/functions/dev/startAzurite';
import { TableAccess, type TableStoreOptions } from '@returns-hub/functions/store/tableAccess';
import { isStorageUnavailable } from '@returns-hub/functions/store/storageUnavailable';
import { SLOWEST_BYTES_PER_SECOND } from '@returns-hub/functions/store/deadline';

/**
 * Each storage operation's deadline is sized to its work, on a real Azurite whose every answer is
 * made late on purpose (a delay in the Table client's pipeline): what would be cut off by one
 * fixed deadline for everything is not, and what should be cut off is.
 */
const BASE_MS = 1_000;
/** The listing's base: its pages must each be answered within it on a busy machine, and all of them take longer. */
const LIST_BASE_MS = 3_000;
let azurite: Azurite;
let delayMs = 0;
/** A wait that ends early, as an abort, when the call's deadline fires. */
const late = (ms: number, signal?: { aborted: boolean; addEventListener(type: 'abort', listener: () => void): void }) =>
  new Promise<void>((resolve, reject) => {
    const aborted = () => reject(Object.assign(new Error('aborted by the deadline'), { name: 'AbortError' }));
    if (signal?.aborted) return aborted();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), aborted()));
  });
const slowStorage: NonNullable<TableStoreOptions['additionalPolicies']> = [
  {
    position: 'perCall',
    policy: {
      name: 'slowStorage',
      sendRequest: async (req, next) => {
        if (delayMs) await late(delayMs, req.abortSignal);
        return next(req);
      },
    },
  },
];
let access: TableAccess<'t'>;
/** The same table with the default base, for what the test only sets up. */
let setup: TableAccess<'t'>;
const open = (timeoutMs: number) => TableAccess.open({ connectionString: azurite.connectionString }, { timeoutMs, additionalPolicies: slowStorage }, { t: 'deadlines' });

beforeAll(async () => {
  azurite = await startAzurite();
  access = await open(BASE_MS);
  setup = await open(10_000);
}, 60_000);
afterAll(async () => azurite?.stop());
afterEach(() => (delayMs = 0));

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: unknown) => (isStorageUnavailable(e) ? 'StorageUnavailable' : String(e)),
  );

describe('storage deadlines per operation, sized to the work', () => {
  test('a point read answering later than the base deadline gives up (StorageUnavailable); a 3 MB transaction as late is given time for its bytes', async () => {
    // 25 entities of 4 × 30,000 characters: about 3 MB, time for its bytes about 2.9 s beyond the base.
    const big = Array.from({ length: 25 }, (_, i) => ({
      partitionKey: 'big',
      rowKey: String(i).padStart(3, '0'),
      a: 'a'.repeat(30_000),
      b: 'b'.repeat(30_000),
      c: 'c'.repeat(30_000),
      d: 'd'.repeat(30_000),
    }));
    expect(big.reduce((n, e) => n + JSON.stringify(e).length, 0)).toBeGreaterThan(2.8 * SLOWEST_BYTES_PER_SECOND);
    delayMs = 1.2 * BASE_MS;
    expect(await failure(access.find('t', 'big', '000'))).toBe('StorageUnavailable');
    expect(
      await failure(
        access.submit(
          't',
          big.map((e) => ['upsert', e, 'Replace']),
        ),
      ),
    ).toBe('answered');
    delayMs = 0;
    expect((await setup.find('t', 'big', '024'))?.d).toHaveLength(30_000);
  }, 60_000);

  test('a listing of several pages, each late but within the base, is not cut off: each page is progress', async () => {
    for (let t = 0; t < 21; t++)
      await setup.submit(
        't',
        Array.from({ length: 100 }, (_, i) => ['upsert', { partitionKey: 'many', rowKey: String(t * 100 + i).padStart(5, '0') }, 'Replace'] as const),
      );
    const listing = await open(LIST_BASE_MS);
    delayMs = 0.5 * LIST_BASE_MS; // 3 pages of up to 1,000: 1.5 × the base in all, and more
    const t0 = Date.now();
    expect((await listing.list('t', "PartitionKey eq 'many'")).length).toBe(2_100);
    expect(Date.now() - t0).toBeGreaterThan(LIST_BASE_MS);
  }, 90_000);
});
