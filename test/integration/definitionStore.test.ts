import { builtInDocuments } from '@returns-hub/forms';
import { startAzurite, type Azurite } from '@returns-hub/functions/dev/startAzurite';
import { TableDefinitionStore } from '@returns-hub/functions/store/tableDefinitionStore';
import { MemoryDefinitionStore } from '@returns-hub/functions/store/memoryDefinitionStore';
import type { DefinitionStore } from '@returns-hub/functions/store/definitionStore';
import type { PublishedDefinition } from '@returns-hub/shared/definitions/versionsByYear';

/** The same contract for the Table store on Azurite and its in-memory twin. */
const stores: [string, () => Promise<{ store: DefinitionStore; close: () => Promise<void> }>][] = [
  ['in memory', async () => ({ store: new MemoryDefinitionStore(), close: async () => undefined })],
  [
    'Table Storage on Azurite',
    async () => {
      const azurite: Azurite = await startAzurite();
      return { store: await TableDefinitionStore.open({ connectionString: azurite.connectionString }, { timeoutMs: 10_000 }), close: () => azurite.stop() };
    },
  ],
];

const codi = builtInDocuments().find((d) => d.kind === 'form' && d.form.id === 'codi-quarterly-kpi')!;
const version = (v: number, fy: number, doc = codi): PublishedDefinition => ({
  id: 'codi-quarterly-kpi',
  version: v,
  fromFiscalYear: fy,
  publishedAt: `2026-01-0${v}T00:00:00.000Z`,
  publishedBy: 'hq',
  doc,
});

describe.each(stores)('the definition store: %s', (_name, open) => {
  let s: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => (s = await open()), 60_000);
  afterAll(async () => s?.close());

  test('nothing published: no head, no generation, no versions', async () => {
    expect([await s.store.head('codi-quarterly-kpi'), await s.store.generation(), await s.store.listPublished()]).toEqual([null, null, []]);
  });

  test('each version follows the head read: the first with none, the next with its ETag; a stale or missing ETag loses', async () => {
    const first = await s.store.publish(version(1, 2563), null);
    if (!first.ok) throw new Error('first');
    expect(first.head).toMatchObject({ id: 'codi-quarterly-kpi', version: 1 });
    const gen1 = await s.store.generation();
    expect(await s.store.publish(version(1, 2563), null)).toEqual({ ok: false, conflict: 'etag' });
    const second = await s.store.publish(version(2, 2564), first.head.etag);
    expect(second.ok).toBe(true);
    expect(await s.store.publish(version(3, 2565), first.head.etag)).toEqual({ ok: false, conflict: 'etag' });
    expect(await s.store.generation()).not.toEqual(gen1);
    expect((await s.store.head('codi-quarterly-kpi'))?.version).toBe(2);
  });

  test('every version reads back whole, however long (a document split across properties)', async () => {
    const big = structuredClone(codi);
    if (big.kind !== 'form') throw new Error('form');
    big.form.title_en = 'x'.repeat(300);
    big.form.targets = Array.from({ length: 3000 }, (_, i) => ({ unit: 'N', code: `k${i}`, annual: i }));
    const head = await s.store.head('codi-quarterly-kpi');
    expect((await s.store.publish(version(3, 2566, big), head!.etag)).ok).toBe(true);
    const all = await s.store.listPublished();
    expect(all.map((p) => [p.version, p.fromFiscalYear])).toEqual([
      [1, 2563],
      [2, 2564],
      [3, 2566],
    ]);
    expect(JSON.stringify(all[2].doc).length).toBeGreaterThan(100_000);
    expect(all[2].doc).toEqual(big);
  });
});
