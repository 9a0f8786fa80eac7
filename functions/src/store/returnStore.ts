import { odata, TableClient, TableTransaction, type TableEntity } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { TypedRow } from '@returns-hub/shared/check/checkedReturn';
import { getJson, putJson } from './jsonProps';
import { escapeKey, pad, periodPartition, returnRowKey, versionPartition, type ReturnKey } from './keys';
import type { StoredReturn } from './storedReturn';

/** Entities per transaction: Table Storage's batch limit. */
export const BATCH = 100;
/**
 * Rows per partition of a version. A partition serves a bounded rate and (on Azurite)
 * slows as it grows, so a large version spreads over `<writeId>|00000`, `|00001`, …
 */
export const ROWS_PER_PARTITION = 1_000;
const rowPartition = (writeId: string, index: number) => `${writeId}|${pad(Math.floor(index / ROWS_PER_PARTITION), 5)}`;
/** Every partition of a version: `<writeId>|` … `<writeId>|~`. */
const rowsFilter = (writeId: string) => odata`PartitionKey ge ${writeId + '|'} and PartitionKey lt ${writeId + '|~'}`;
const TABLES = { pointers: 'returns', versions: 'versions', rows: 'rows', idempotency: 'idempotency' } as const;
type Tables = Record<keyof typeof TABLES, TableClient>;

export type SwitchResult = { ok: true } | { ok: false; conflict: true };

const JSON_PROPS = ['fields', 'fieldCells', 'columns', 'contribution', 'issues'] as const;
const SCALARS = [
  'formId',
  'fiscalYear',
  'period',
  'orgUnit',
  'subject',
  'version',
  'writeId',
  'submittedAt',
  'submittedBy',
  'fileName',
  'sheet',
  'idempotencyKey',
  'bodyHash',
  'rowCount',
  'warnings',
  'firstColumn',
] as const;

function toEntity(partitionKey: string, rowKey: string, r: StoredReturn): TableEntity {
  const e: Record<string, unknown> = { partitionKey, rowKey };
  for (const k of SCALARS) e[k] = r[k] ?? (k === 'subject' || k === 'idempotencyKey' ? '' : r[k]);
  for (const k of JSON_PROPS) putJson(e, k, r[k]);
  return e as TableEntity;
}

function fromEntity(e: Record<string, unknown>): StoredReturn {
  const r: Record<string, unknown> = {};
  for (const k of SCALARS) r[k] = e[k];
  r.subject = e.subject ? String(e.subject) : null;
  r.idempotencyKey = e.idempotencyKey ? String(e.idempotencyKey) : null;
  for (const k of JSON_PROPS) r[k] = getJson(e, k);
  return r as unknown as StoredReturn;
}

function isStatus(e: unknown, status: number): boolean {
  return typeof e === 'object' && e !== null && (e as { statusCode?: number }).statusCode === status;
}

/**
 * Returns in Azure Table Storage (Azurite locally), through @azure/data-tables only.
 *
 * - `returns`: one pointer entity per return, in a partition per (form, year, period),
 *   holding the current version and its tally contribution: a tally reads one partition.
 * - `rows`: a version's rows, in partitions of their own (a fresh write id, ≤1,000 rows
 *   each), written in transactions of ≤100 before the pointer moves, so no half-written
 *   version is visible.
 * - `versions`: every version's metadata, for audit.
 * - `idempotency`: answers to requests, by idempotency key.
 */
export class ReturnStore {
  private constructor(private readonly t: Tables) {}

  static async open(connectionString: string): Promise<ReturnStore> {
    const opts = { allowInsecureConnection: true, retryOptions: { maxRetries: 5, retryDelayInMs: 200, maxRetryDelayInMs: 3000 } };
    const t = Object.fromEntries(Object.entries(TABLES).map(([k, name]) => [k, TableClient.fromConnectionString(connectionString, name, opts)])) as Tables;
    for (const client of Object.values(t)) {
      try {
        await client.createTable();
      } catch (e) {
        if (!isStatus(e, 409)) throw e;
      }
    }
    return new ReturnStore(t);
  }

  newWriteId(): string {
    return randomUUID();
  }

  async getCurrent(k: ReturnKey): Promise<{ record: StoredReturn; etag: string } | null> {
    try {
      const e = await this.t.pointers.getEntity(periodPartition(k.formId, k.fiscalYear, k.period), returnRowKey(k));
      return { record: fromEntity(e), etag: e.etag };
    } catch (e) {
      if (isStatus(e, 404)) return null;
      throw e;
    }
  }

  /** Current versions of every return of a form and period: one partition. */
  async listCurrent(formId: string, fiscalYear: number, period: string): Promise<StoredReturn[]> {
    const out: StoredReturn[] = [];
    const pk = periodPartition(formId, fiscalYear, period);
    for await (const e of this.t.pointers.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })) out.push(fromEntity(e));
    return out;
  }

  /** Writes a version's rows under its write id, in transactions of ≤100 entities of one partition; `offset` numbers a later part. */
  async writeRows(writeId: string, rows: TypedRow[], offset = 0): Promise<void> {
    let i = 0;
    while (i < rows.length) {
      // A transaction stays inside one partition: stop at the partition's end.
      const index = offset + i;
      const end = Math.min(rows.length, i + BATCH, i + (ROWS_PER_PARTITION - (index % ROWS_PER_PARTITION)));
      const tx = new TableTransaction();
      for (let j = i; j < end; j++) {
        const e: Record<string, unknown> = { partitionKey: rowPartition(writeId, offset + j), rowKey: pad(offset + j) };
        putJson(e, 'row', rows[j]);
        tx.upsertEntity(e as TableEntity, 'Replace');
      }
      await this.t.rows.submitTransaction(tx.actions);
      i = end;
    }
  }

  async readRows(writeId: string): Promise<TypedRow[]> {
    const out: TypedRow[] = [];
    for await (const e of this.t.rows.listEntities({ queryOptions: { filter: rowsFilter(writeId) } })) out.push(getJson<TypedRow>(e, 'row'));
    return out;
  }

  /** Removes rows nobody points at (a submission that lost a race); best effort. */
  async deleteRows(writeId: string): Promise<void> {
    const byPartition = new Map<string, string[]>();
    for await (const e of this.t.rows.listEntities({ queryOptions: { filter: rowsFilter(writeId), select: ['PartitionKey', 'RowKey'] } })) {
      const keys = byPartition.get(e.partitionKey!) ?? [];
      keys.push(e.rowKey!);
      byPartition.set(e.partitionKey!, keys);
    }
    for (const [pk, keys] of byPartition) {
      for (let i = 0; i < keys.length; i += BATCH) {
        const tx = new TableTransaction();
        keys.slice(i, i + BATCH).forEach((rowKey) => tx.deleteEntity(pk, rowKey));
        await this.t.rows.submitTransaction(tx.actions);
      }
    }
  }

  /**
   * Moves the return's pointer to a new version, only if it still is where the writer
   * read it (ETag), or creates it if there was none: of two concurrent writers one wins.
   */
  async switchCurrent(r: StoredReturn, etag: string | null): Promise<SwitchResult> {
    const entity = toEntity(periodPartition(r.formId, r.fiscalYear, r.period), returnRowKey(r), r);
    try {
      if (etag) await this.t.pointers.updateEntity(entity, 'Replace', { etag });
      else await this.t.pointers.createEntity(entity);
      return { ok: true };
    } catch (e) {
      if (isStatus(e, 412) || isStatus(e, 409)) return { ok: false, conflict: true };
      throw e;
    }
  }

  /** Records a version in the audit history (idempotent: the same version may be written again). */
  async putVersion(r: StoredReturn): Promise<void> {
    await this.t.versions.upsertEntity(toEntity(versionPartition(r), pad(r.version), r), 'Replace');
  }

  async listVersions(k: ReturnKey): Promise<StoredReturn[]> {
    const out: StoredReturn[] = [];
    const pk = versionPartition(k);
    for await (const e of this.t.versions.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })) out.push(fromEntity(e));
    return out;
  }

  async getIdempotent(key: string): Promise<{ bodyHash: string; response: unknown } | null> {
    try {
      const e = await this.t.idempotency.getEntity(escapeKey(key), '');
      return { bodyHash: String(e.bodyHash), response: getJson(e, 'response') };
    } catch (e) {
      if (isStatus(e, 404)) return null;
      throw e;
    }
  }

  async putIdempotent(key: string, bodyHash: string, response: unknown): Promise<void> {
    const e: Record<string, unknown> = { partitionKey: escapeKey(key), rowKey: '', bodyHash, at: new Date().toISOString() };
    putJson(e, 'response', response);
    await this.t.idempotency.upsertEntity(e as TableEntity, 'Replace');
  }
}
