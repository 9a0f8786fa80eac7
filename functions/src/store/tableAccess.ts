import { odata, TableClient, type TableEntity, type TableEntityResult, type TableServiceClientOptions, type TransactionAction } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { boundedCall, isStatus } from './storageErrors';
import { deadlineFor } from './deadline';

/** Where a storage account is: a connection string (Azurite, or a key), or a table endpoint and a credential. */
export type StorageSource = { connectionString: string } | { accountUrl: string; credential: TokenCredential };

export interface TableStoreOptions {
  /**
   * The base deadline of a storage operation: a point read gives up after this long (then
   * `StorageUnavailable`); a write gets more for the bytes it carries; a listing gets it per page.
   */
  timeoutMs: number;
  /** Extra HTTP pipeline policies (tests inject storage faults with one). */
  additionalPolicies?: TableServiceClientOptions['additionalPolicies'];
}

export type Entity = TableEntityResult<Record<string, unknown>>;

/** Entities per transaction: Table Storage's batch limit. */
export const BATCH = 100;
/** A transaction's body may not exceed 4 MiB: stay well below it. */
export const BATCH_BYTES = 3 * 1024 * 1024;

export const entityBytes = (e: TableEntity) => Buffer.byteLength(JSON.stringify(e));

/** Items split into transactions of their entities: one partition each, ≤100 entities and under the size limit, order kept within a partition. */
export function transactions<T>(items: T[], entityOf: (t: T) => TableEntity): T[][] {
  const out: T[][] = [];
  const entities = new Map(items.map((t) => [t, entityOf(t)]));
  for (const [, list] of byPartition(items.map((t) => [entities.get(t)!.partitionKey, t]))) {
    let group: T[] = [];
    let bytes = 0;
    for (const e of list) {
      const size = entityBytes(entities.get(e)!) + 512; // the batch's per-operation headers
      if (group.length && (group.length === BATCH || bytes + size > BATCH_BYTES)) {
        out.push(group);
        group = [];
        bytes = 0;
      }
      group.push(e);
      bytes += size;
    }
    if (group.length) out.push(group);
  }
  return out;
}

/** Values grouped by partition key, in the order first seen. */
export function byPartition<T>(pairs: [string, T][]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const [pk, v] of pairs) out.set(pk, [...(out.get(pk) ?? []), v]);
  return out;
}

/**
 * Comparisons a query's filter may hold: Table Storage allows 15 discrete comparisons, one
 * of them the partition's.
 */
export const FILTER_COMPARISONS = 14;

/**
 * The tables of one store, each call bounded by the store's timeout: what every Table
 * Storage store of this package shares (opening, the call wrapper, list and find).
 */
export class TableAccess<Name extends string> {
  private constructor(
    readonly tables: Record<Name, TableClient>,
    readonly timeoutMs: number,
  ) {}

  /** Clients for `names` (key → table name), each table created if absent. */
  static async open<Name extends string>(source: StorageSource, opts: TableStoreOptions, names: Record<Name, string>): Promise<TableAccess<Name>> {
    const clientOptions: TableServiceClientOptions = {
      allowInsecureConnection: 'connectionString' in source,
      retryOptions: { maxRetries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
      additionalPolicies: opts.additionalPolicies,
    };
    const client = (name: string) =>
      'connectionString' in source
        ? TableClient.fromConnectionString(source.connectionString, name, clientOptions)
        : new TableClient(source.accountUrl.replace(/\/+$/, ''), name, source.credential, clientOptions);
    const entries = (Object.keys(names) as Name[]).map((k) => [k, client(names[k])] as const);
    const access = new TableAccess(Object.fromEntries(entries) as Record<Name, TableClient>, opts.timeoutMs);
    for (const [, c] of entries) {
      await access.call(async (abortSignal) => {
        try {
          await c.createTable({ abortSignal });
        } catch (e) {
          if (!isStatus(e, 409)) throw e;
        }
      });
    }
    return access;
  }

  /** One storage call, bounded by a deadline sized to the bytes it carries: no progress within it aborts it (`StorageUnavailable`). */
  call<T>(work: (signal: AbortSignal, progress: () => void) => Promise<T>, bytes = 0): Promise<T> {
    return boundedCall(deadlineFor(this.timeoutMs, bytes), work);
  }

  /** Every entity a filter selects (each page counts as progress). */
  list(table: Name, filter: string, select?: string[]): Promise<Entity[]> {
    return this.call(async (abortSignal, progress) => {
      const out: Entity[] = [];
      for await (const e of this.tables[table].listEntities<Record<string, unknown>>({ queryOptions: { filter, select }, abortSignal })) {
        out.push(e);
        progress();
      }
      return out;
    });
  }

  /** An entity, or null when there is none. */
  find(table: Name, pk: string, rk: string, select?: string[]): Promise<Entity | null> {
    return this.call(async (abortSignal) => {
      try {
        return await this.tables[table].getEntity<Record<string, unknown>>(pk, rk, { abortSignal, queryOptions: { select } });
      } catch (e) {
        if (isStatus(e, 404)) return null;
        throw e;
      }
    });
  }

  /**
   * The entities of one partition with these row keys, in few queries (each filter within
   * Table Storage's comparisons); absent ones are left out.
   */
  async findMany(table: Name, pk: string, rowKeys: string[], select?: string[]): Promise<Entity[]> {
    const unique = [...new Set(rowKeys)];
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += FILTER_COMPARISONS) chunks.push(unique.slice(i, i + FILTER_COMPARISONS));
    const pages = await Promise.all(chunks.map((keys) => this.list(table, `${odata`PartitionKey eq ${pk}`} and (${keys.map((k) => odata`RowKey eq ${k}`).join(' or ')})`, select)));
    return pages.flat();
  }

  /** Deletes entities of one partition, 100 a transaction; absent ones are fine (a transaction fails whole: then one by one). */
  async deleteMany(table: Name, pk: string, rowKeys: string[]): Promise<void> {
    for (let i = 0; i < rowKeys.length; i += BATCH) {
      const some = rowKeys.slice(i, i + BATCH);
      try {
        await this.submit(
          table,
          some.map((rowKey) => ['delete', { partitionKey: pk, rowKey }]),
        );
      } catch (e) {
        if (!isStatus(e, 404)) throw e;
        for (const rowKey of some)
          await this.call(async (abortSignal) => {
            try {
              await this.tables[table].deleteEntity(pk, rowKey, { abortSignal });
            } catch (err) {
              if (!isStatus(err, 404)) throw err;
            }
          });
      }
    }
  }

  /** One entity-group transaction (one partition, ≤100 entities), its deadline sized to its bytes. */
  async submit(table: Name, actions: TransactionAction[]): Promise<void> {
    const bytes = actions.reduce((n, a) => n + entityBytes(a[1] as TableEntity), 0);
    await this.call((abortSignal) => this.tables[table].submitTransaction(actions, { abortSignal }), bytes);
  }
}
