import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { TypedRow } from '@returns-hub/shared/check/checkedReturn';
import type { SubmitResponse } from '@returns-hub/shared/api/schemas';
import { getJson, getJsonText, putJson, putJsonText } from './jsonProps';
import { escapeKey, keyText, pad, periodPartition, RETURN_KEY_PROPS, returnRowKey, versionPartition, type ReturnKey } from './keys';
import { DETAIL_PROPS, type ReturnSummary, type StoredReturn } from './storedReturn';
import type { ClaimResult, CurrentReturn, PointerSwitch, ReturnStore, StoreBounds, SwitchResult, WriteRecord } from './returnStore';
import { isStatus } from './storageErrors';
import { BATCH, BATCH_BYTES, byPartition, entityBytes, TableAccess, transactions, type Entity, type StorageSource, type TableStoreOptions } from './tableAccess';
import { TableTallyStore } from './tableTallyStore';
import type { TallyStore } from './tallyStore';

export { BATCH } from './tableAccess';
/**
 * Rows per partition of a version. A partition serves a bounded rate and (on Azurite)
 * slows as it grows, so a large version spreads over `<writeId>|00000`, `|00001`, …
 */
export const ROWS_PER_PARTITION = 1_000;
/**
 * JSON kept inside a pointer or version entity. Larger details (and a larger tally
 * contribution) are kept apart under the write id, so an entity stays far below 1 MiB and
 * 100 pointers fit one transaction.
 */
export const INLINE_JSON_CHARS = 8_000;
/** Characters of JSON per entity kept apart: 2 properties of 30,000 (UTF-16: 120 KB; UTF-8 ≤ 180 KB). */
const BLOB_ENTITY_CHARS = 60_000;
/** Entities kept apart per transaction: far below the 4 MiB a transaction may carry. */
const BLOB_BATCH = 8;

const BOUNDS: StoreBounds = { subjectChars: 1_000, rowJsonChars: BLOB_ENTITY_CHARS, recordJsonChars: 8_000_000 };

const rowPartition = (writeId: string, index: number) => `${writeId}|${pad(Math.floor(index / ROWS_PER_PARTITION), 5)}`;
/** Every partition of a version: `<writeId>|` … `<writeId>|~`. */
const rowsFilter = (writeId: string) => odata`PartitionKey ge ${writeId + '|'} and PartitionKey lt ${writeId + '|~'}`;
const TABLES = { pointers: 'returns', versions: 'versions', rows: 'rows', blobs: 'blobs', idempotency: 'idempotency', writes: 'writes', tallies: 'tallies' } as const;
type Table = keyof typeof TABLES;
/** The write log's one partition: a sweep lists it by time. */
const WRITES_PARTITION = 'pending';

const SCALARS = [...RETURN_KEY_PROPS, 'writeId', 'submittedAt', 'submittedBy', 'fileName', 'sheet', 'idempotencyKey', 'bodyHash', 'rowCount', 'warnings', 'firstColumn'] as const;

/**
 * What a list reads of a pointer: its scalars and its tally contribution, never the details
 * (fields, cells, findings). An inline contribution is one chunk: it is inline only when
 * details and contribution together stay under `INLINE_JSON_CHARS`.
 */
const SUMMARY_PROPS = [...SCALARS, 'checkedForm', 'checkedUnits', 'apart', 'contribution_n', 'contribution_0'];

export type { StorageSource, TableStoreOptions } from './tableAccess';

/** An entity as written: its properties, and the JSON kept apart under its write id. */
interface EntityPlan {
  entity: TableEntity;
  apart: { name: 'detail' | 'contribution'; text: string }[];
}

function plan(partitionKey: string, rowKey: string, r: StoredReturn): EntityPlan {
  const e: Record<string, unknown> = { partitionKey, rowKey };
  for (const k of SCALARS) e[k] = r[k] ?? '';
  e.checkedForm = r.checkedWith.form;
  e.checkedUnits = r.checkedWith.units;
  const detail = JSON.stringify(Object.fromEntries(DETAIL_PROPS.map((k) => [k, r[k]])));
  const contribution = JSON.stringify(r.contribution ?? null);
  const apart: EntityPlan['apart'] = [];
  if (detail.length + contribution.length <= INLINE_JSON_CHARS) {
    putJsonText(e, 'detail', detail);
    putJsonText(e, 'contribution', contribution);
  } else {
    apart.push({ name: 'detail', text: detail });
    if (contribution.length <= INLINE_JSON_CHARS) putJsonText(e, 'contribution', contribution);
    else apart.push({ name: 'contribution', text: contribution });
  }
  e.apart = apart.map((a) => a.name).join(',');
  return { entity: e as TableEntity, apart };
}

/** A version in the `versions` table: in its form and period's partition (one transaction records many), after its return's row key. */
const versionRow = (k: ReturnKey, version: number) => `${returnRowKey(k)}|${pad(version)}`;
const writeRow = (w: WriteRecord) => `${w.startedAt}|${w.writeId}`;

/**
 * Returns in Azure Table Storage (Azurite locally), through @azure/data-tables only.
 *
 * - `returns`: one pointer entity per return, in a partition per (form, year, period),
 *   holding the current version and its tally contribution: a tally reads one partition,
 *   and the returns of one form and period switch together in one transaction.
 * - `rows`: a version's rows, in partitions of their own (a fresh write id, ≤1,000 rows
 *   each), written before the pointer moves, so no half-written version is visible.
 * - `blobs`: JSON too large to keep in a pointer, under the write id.
 * - `versions`: every version's metadata, for audit.
 * - `idempotency`: claims of idempotency keys, per caller, and their answers.
 * - `writes`: writes begun and not yet committed, for the orphan sweep.
 */
export class TableReturnStore implements ReturnStore {
  readonly bounds = BOUNDS;

  private constructor(private readonly a: TableAccess<Table>) {
    this.tallies = new TableTallyStore(a);
  }

  /** Running aggregates, in their own table (`tableTallyStore.ts`). */
  readonly tallies: TallyStore;

  static async open(source: StorageSource, opts: TableStoreOptions): Promise<TableReturnStore> {
    return new TableReturnStore(await TableAccess.open(source, opts, TABLES));
  }

  private list(table: Table, filter: string, select?: string[]): Promise<Entity[]> {
    return this.a.list(table, filter, select);
  }

  private submit(table: Table, actions: TransactionAction[]): Promise<void> {
    return this.a.submit(table, actions);
  }

  private find(table: Table, pk: string, rk: string): Promise<Entity | null> {
    return this.a.find(table, pk, rk);
  }

  newWriteId(): string {
    return randomUUID();
  }

  private async putApart(writeId: string, apart: EntityPlan['apart']): Promise<void> {
    for (const { name, text } of apart) {
      const entities: TableEntity[] = [];
      const parts = Math.max(1, Math.ceil(text.length / BLOB_ENTITY_CHARS));
      for (let i = 0; i < parts; i++) {
        const e: Record<string, unknown> = { partitionKey: writeId, rowKey: `${name}|${pad(i, 5)}`, parts };
        putJsonText(e, 'text', text.slice(i * BLOB_ENTITY_CHARS, (i + 1) * BLOB_ENTITY_CHARS));
        entities.push(e as TableEntity);
      }
      for (let i = 0; i < entities.length; i += BLOB_BATCH)
        await this.submit(
          'blobs',
          entities.slice(i, i + BLOB_BATCH).map((e) => ['upsert', e, 'Replace']),
        );
    }
  }

  private async getApart(writeId: string, name: string): Promise<unknown> {
    const parts = await this.list('blobs', odata`PartitionKey eq ${writeId} and RowKey ge ${name + '|'} and RowKey lt ${name + '|~'}`);
    if (parts.length === 0 || parts.length !== Number(parts[0].parts)) throw new Error(`Details of write ${writeId} (${name}) are incomplete`);
    return JSON.parse(parts.map((p) => getJsonText(p, 'text')).join(''));
  }

  private async summaryOf(e: Record<string, unknown>): Promise<ReturnSummary> {
    const apart = String(e.apart ?? '').split(',');
    const summary: ReturnSummary = {
      formId: String(e.formId),
      fiscalYear: Number(e.fiscalYear),
      period: String(e.period),
      orgUnit: String(e.orgUnit),
      subject: e.subject ? String(e.subject) : null,
      version: Number(e.version),
      writeId: String(e.writeId),
      submittedAt: String(e.submittedAt),
      submittedBy: String(e.submittedBy),
      fileName: String(e.fileName),
      sheet: String(e.sheet),
      idempotencyKey: e.idempotencyKey ? String(e.idempotencyKey) : null,
      bodyHash: String(e.bodyHash),
      rowCount: Number(e.rowCount),
      warnings: Number(e.warnings),
      firstColumn: String(e.firstColumn),
      // Versions stored before definitions were versioned were checked with the built-in ones.
      checkedWith: { form: Number(e.checkedForm ?? 0), units: Number(e.checkedUnits ?? 0) },
      contribution: apart.includes('contribution') ? ((await this.getApart(String(e.writeId), 'contribution')) as ReturnSummary['contribution']) : getJson(e, 'contribution'),
    };
    return summary;
  }

  private async recordOf(e: Record<string, unknown>): Promise<StoredReturn> {
    const summary = await this.summaryOf(e);
    const apart = String(e.apart ?? '').split(',');
    const detail = (apart.includes('detail') ? await this.getApart(summary.writeId, 'detail') : getJson(e, 'detail')) as Pick<StoredReturn, (typeof DETAIL_PROPS)[number]>;
    return { ...summary, fields: detail.fields, fieldCells: detail.fieldCells, columns: detail.columns, issues: detail.issues };
  }

  async getCurrent(k: ReturnKey): Promise<CurrentReturn | null> {
    const e = await this.find('pointers', periodPartition(k.formId, k.fiscalYear, k.period), returnRowKey(k));
    return e ? { record: await this.recordOf(e), etag: e.etag } : null;
  }

  async getCurrentMany(keys: ReturnKey[]): Promise<(CurrentReturn | null)[]> {
    const found = new Map<string, Entity>();
    for (const [pk, rks] of byPartition(keys.map((k) => [periodPartition(k.formId, k.fiscalYear, k.period), returnRowKey(k)])))
      for (const e of await this.a.findMany('pointers', pk, rks)) found.set(`${pk}\n${String(e.rowKey)}`, e);
    return Promise.all(
      keys.map(async (k) => {
        const e = found.get(`${periodPartition(k.formId, k.fiscalYear, k.period)}\n${returnRowKey(k)}`);
        return e ? { record: await this.recordOf(e), etag: e.etag } : null;
      }),
    );
  }

  async listCurrent(formId: string, fiscalYear: number, period: string, orgUnit?: string): Promise<ReturnSummary[]> {
    const pk = periodPartition(formId, fiscalYear, period);
    const unit = orgUnit === undefined ? '' : `${keyText(orgUnit)}|`;
    const filter = unit ? odata`PartitionKey eq ${pk} and RowKey ge ${unit} and RowKey lt ${unit + '~'}` : odata`PartitionKey eq ${pk}`;
    return Promise.all((await this.list('pointers', filter, SUMMARY_PROPS)).map((e) => this.summaryOf(e)));
  }

  private pointerPlan(r: StoredReturn): EntityPlan {
    return plan(periodPartition(r.formId, r.fiscalYear, r.period), returnRowKey(r), r);
  }

  switchGroups(switches: PointerSwitch[]): PointerSwitch[][] {
    return transactions(switches, (s) => this.pointerPlan(s.record).entity);
  }

  async switchCurrent(group: PointerSwitch[]): Promise<SwitchResult> {
    if (group.length === 0) return { ok: true };
    const plans = group.map((s) => ({ s, p: this.pointerPlan(s.record) }));
    for (const { s, p } of plans) await this.putApart(s.record.writeId, p.apart);
    const actions: TransactionAction[] = plans.map(({ s, p }) => (s.etag ? ['update', p.entity, 'Replace', { etag: s.etag }] : ['create', p.entity]));
    try {
      await this.submit('pointers', actions);
      return { ok: true };
    } catch (e) {
      if (isStatus(e, 409, 412)) return { ok: false, conflict: true };
      throw e;
    }
  }

  async putVersions(rs: StoredReturn[]): Promise<void> {
    const plans = rs.map((r) => ({ r, p: plan(periodPartition(r.formId, r.fiscalYear, r.period), versionRow(r, r.version), r) }));
    for (const { r, p } of plans) await this.putApart(r.writeId, p.apart);
    for (const group of transactions(
      plans.map(({ p }) => p.entity),
      (e) => e,
    ))
      await this.submit(
        'versions',
        group.map((e) => ['upsert', e, 'Replace']),
      );
  }

  async listVersions(k: ReturnKey): Promise<ReturnSummary[]> {
    const pk = periodPartition(k.formId, k.fiscalYear, k.period);
    const prefix = `${returnRowKey(k)}|`;
    const [listed, legacy] = await Promise.all([
      this.list('versions', odata`PartitionKey eq ${pk} and RowKey ge ${prefix} and RowKey lt ${prefix + '~'}`),
      this.list('versions', odata`PartitionKey eq ${versionPartition(k)}`),
    ]);
    // A subject may hold `|`: the key range can take in another subject that starts with this one.
    const mine = listed.filter((e) => String(e.orgUnit) === k.orgUnit && String(e.subject ?? '') === (k.subject ?? ''));
    const byVersion = new Map<number, Entity>();
    for (const e of [...legacy, ...mine]) byVersion.set(Number(e.version), e);
    return Promise.all([...byVersion.keys()].sort((a, b) => a - b).map((v) => this.summaryOf(byVersion.get(v)!)));
  }

  async getVersion(k: ReturnKey, version: number): Promise<StoredReturn | null> {
    const e = (await this.find('versions', periodPartition(k.formId, k.fiscalYear, k.period), versionRow(k, version))) ?? (await this.find('versions', versionPartition(k), pad(version)));
    return e ? this.recordOf(e) : null;
  }

  async beginWrites(ws: WriteRecord[]): Promise<void> {
    const entities = ws.map((w): TableEntity => ({ partitionKey: WRITES_PARTITION, rowKey: writeRow(w), ...w.key, subject: w.key.subject ?? '', writeId: w.writeId, startedAt: w.startedAt }));
    for (let i = 0; i < entities.length; i += BATCH)
      await this.submit(
        'writes',
        entities.slice(i, i + BATCH).map((e) => ['upsert', e, 'Replace']),
      );
  }

  async endWrites(ws: WriteRecord[]): Promise<void> {
    for (let i = 0; i < ws.length; i += BATCH) {
      const some = ws.slice(i, i + BATCH);
      try {
        await this.submit(
          'writes',
          some.map((w) => ['delete', { partitionKey: WRITES_PARTITION, rowKey: writeRow(w) }]),
        );
      } catch (e) {
        if (!isStatus(e, 404)) throw e;
        // One was forgotten already (a transaction fails whole): forget the others one by one.
        for (const w of some) await this.forget(w);
      }
    }
  }

  private async forget(w: WriteRecord): Promise<void> {
    await this.a.call(async (abortSignal) => {
      try {
        await this.a.tables.writes.deleteEntity(WRITES_PARTITION, writeRow(w), { abortSignal });
      } catch (e) {
        if (!isStatus(e, 404)) throw e;
      }
    });
  }

  async listWrites(beforeIso: string): Promise<WriteRecord[]> {
    const entities = await this.list('writes', odata`PartitionKey eq ${WRITES_PARTITION} and RowKey lt ${beforeIso}`);
    return entities.map((e) => ({
      writeId: String(e.writeId),
      startedAt: String(e.startedAt),
      key: { formId: String(e.formId), fiscalYear: Number(e.fiscalYear), period: String(e.period), orgUnit: String(e.orgUnit), subject: e.subject ? String(e.subject) : null },
    }));
  }

  async writeRows(writeId: string, rows: TypedRow[], offset = 0): Promise<void> {
    let actions: TransactionAction[] = [];
    let bytes = 0;
    let partition = '';
    const flush = async () => {
      if (actions.length) await this.submit('rows', actions);
      actions = [];
      bytes = 0;
    };
    for (let j = 0; j < rows.length; j++) {
      const pk = rowPartition(writeId, offset + j);
      const e: Record<string, unknown> = { partitionKey: pk, rowKey: pad(offset + j) };
      putJson(e, 'row', rows[j]);
      const size = entityBytes(e as TableEntity) + 512;
      // A transaction stays inside one partition, ≤100 entities and under the size limit.
      if (pk !== partition || actions.length === BATCH || bytes + size > BATCH_BYTES) await flush();
      partition = pk;
      actions.push(['upsert', e as TableEntity, 'Replace']);
      bytes += size;
    }
    await flush();
  }

  async readRows(writeId: string): Promise<TypedRow[]> {
    return (await this.list('rows', rowsFilter(writeId))).map((e) => getJson<TypedRow>(e, 'row'));
  }

  private async deleteAll(client: Table, filter: string): Promise<void> {
    const byPartition = new Map<string, string[]>();
    for (const e of await this.list(client, filter, ['PartitionKey', 'RowKey'])) {
      const pk = String(e.partitionKey);
      byPartition.set(pk, [...(byPartition.get(pk) ?? []), String(e.rowKey)]);
    }
    for (const [pk, keys] of byPartition) {
      for (let i = 0; i < keys.length; i += BATCH)
        await this.submit(
          client,
          keys.slice(i, i + BATCH).map((rowKey) => ['delete', { partitionKey: pk, rowKey }]),
        );
    }
  }

  async deleteWrite(writeId: string): Promise<void> {
    await this.deleteAll('rows', rowsFilter(writeId));
    await this.deleteAll('blobs', odata`PartitionKey eq ${writeId}`);
  }

  async claimIdempotency(scope: string, key: string, bodyHash: string): Promise<ClaimResult> {
    const pk = escapeKey(scope);
    const rk = escapeKey(key);
    try {
      await this.a.call((abortSignal) => this.a.tables.idempotency.createEntity({ partitionKey: pk, rowKey: rk, bodyHash, at: new Date().toISOString(), response_n: 0 }, { abortSignal }));
      return { claimed: true };
    } catch (e) {
      if (!isStatus(e, 409)) throw e;
    }
    const e = await this.find('idempotency', pk, rk);
    if (!e) throw new Error(`Idempotency claim ${pk}/${rk} conflicted but cannot be read`);
    return { claimed: false, existing: { bodyHash: String(e.bodyHash), response: getJson<SubmitResponse | null>(e, 'response') } };
  }

  async completeIdempotency(scope: string, key: string, bodyHash: string, response: SubmitResponse): Promise<void> {
    const e: Record<string, unknown> = { partitionKey: escapeKey(scope), rowKey: escapeKey(key), bodyHash, at: new Date().toISOString() };
    putJson(e, 'response', response);
    await this.a.call((abortSignal) => this.a.tables.idempotency.upsertEntity(e as TableEntity, 'Replace', { abortSignal }));
  }
}
