import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { TypedRow } from '@returns-hub/shared/check/checkedReturn';
import { getJson, getJsonText, putJsonText } from './jsonProps';
import { keyText, pad, periodPartition, returnRowKey, versionPartition, type ReturnKey } from './keys';
import { splitRecord, SUMMARY_PROPS, type ReturnDetails, type ReturnSummary, type StoredReturn } from './storedReturn';
import { SWEEP_LIMIT, type CommitReport, type CurrentReturn, type NewVersion, type ReturnStore, type StoreBounds, type SweepReport, type VersionOutcome } from './returnStore';
import { isStatus } from './storageErrors';
import { isStorageUnavailable } from './storageUnavailable';
import { BATCH, byPartition, TableAccess, transactions, type Entity, type StorageSource, type TableStoreOptions } from './tableAccess';
import { TableTallyStore } from './tableTallyStore';
import { TableIdempotencyStore } from './tableIdempotencyStore';
import type { TallyScope, TallyStore } from './tallyStore';
import type { IdempotencyStore } from './idempotencyStore';

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
/** Characters of JSON of the rows packed into one entity (a single larger row, up to the bounds, is an entity of its own). */
const PACK_CHARS = 30_000;
/** Transactions of rows (and details kept apart) written at once. */
const ROW_WRITERS = 4;

const BOUNDS: StoreBounds = { subjectChars: 1_000, rowJsonChars: BLOB_ENTITY_CHARS, recordJsonChars: 8_000_000, requestRows: 100_000 };

const rowPartition = (writeId: string, index: number) => `${writeId}|${pad(Math.floor(index / ROWS_PER_PARTITION), 5)}`;
/** Every partition of a version: `<writeId>|` … `<writeId>|~`. */
const rowsFilter = (writeId: string) => odata`PartitionKey ge ${writeId + '|'} and PartitionKey lt ${writeId + '|~'}`;
const TABLES = { pointers: 'returns', versions: 'versions', rows: 'rows', blobs: 'blobs', idempotency: 'idempotency', writes: 'writes', tallies: 'tallies' } as const;
type Table = keyof typeof TABLES;
/** The write log's one partition: a sweep lists it by time. */
const WRITES_PARTITION = 'pending';

/** A scalar of a record kept as an entity property (everything of the summary but the contribution). */
const SCALARS = SUMMARY_PROPS.filter((k) => k !== 'contribution');

/**
 * What a list reads of a pointer: its scalars and its tally contribution, never the details
 * (fields, cells, findings). An inline contribution is one chunk: it is inline only when
 * details and contribution together stay under `INLINE_JSON_CHARS`.
 */
const SUMMARY_SELECT = [...SCALARS, 'apart', 'contribution_n', 'contribution_0'];

export type { StorageSource, TableStoreOptions } from './tableAccess';

/** A write begun and not yet settled: recorded before its rows are written. */
interface WriteRecord {
  writeId: string;
  key: ReturnKey;
  startedAt: string;
}

/** An entity as written: its properties, and the JSON kept apart under its write id. */
interface EntityPlan {
  entity: TableEntity;
  apart: { name: 'detail' | 'contribution'; text: string }[];
}

function plan(partitionKey: string, rowKey: string, r: StoredReturn): EntityPlan {
  const e: Record<string, unknown> = { partitionKey, rowKey };
  for (const k of SCALARS) e[k] = r[k] ?? '';
  const detail = JSON.stringify(splitRecord(r).details);
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

/**
 * A version's rows under its write id: consecutive rows packed into one entity (up to
 * `PACK_CHARS` of JSON, never across a partition), in transactions of one partition, ≤100
 * entities and under the size limit. A storage operation per pack, not per row: a 20,000-row
 * return is a few hundred entities.
 */
function rowTransactions(writeId: string, rows: TypedRow[]): TransactionAction[][] {
  const packs: TableEntity[] = [];
  let pack: string[] = [];
  let chars = 0;
  let first = 0;
  const close = () => {
    if (pack.length === 0) return;
    const e: Record<string, unknown> = { partitionKey: rowPartition(writeId, first), rowKey: pad(first), count: pack.length };
    putJsonText(e, 'rows', `[${pack.join(',')}]`);
    packs.push(e as TableEntity);
    pack = [];
    chars = 0;
  };
  for (let j = 0; j < rows.length; j++) {
    const json = JSON.stringify(rows[j]);
    if (pack.length && (chars + json.length > PACK_CHARS || rowPartition(writeId, j) !== rowPartition(writeId, first))) close();
    if (pack.length === 0) first = j;
    pack.push(json);
    chars += json.length + 1;
  }
  close();
  return transactions(packs, (e) => e).map((group) => group.map((e): TransactionAction => ['upsert', e, 'Replace']));
}

/** JSON kept apart under a write id (details, a large contribution), in parts of `BLOB_ENTITY_CHARS`, in transactions. */
function apartTransactions(writeId: string, apart: EntityPlan['apart']): TransactionAction[][] {
  const entities: TableEntity[] = [];
  for (const { name, text } of apart) {
    const parts = Math.max(1, Math.ceil(text.length / BLOB_ENTITY_CHARS));
    for (let i = 0; i < parts; i++) {
      const e: Record<string, unknown> = { partitionKey: writeId, rowKey: `${name}|${pad(i, 5)}`, parts };
      putJsonText(e, 'text', text.slice(i * BLOB_ENTITY_CHARS, (i + 1) * BLOB_ENTITY_CHARS));
      entities.push(e as TableEntity);
    }
  }
  return transactions(entities, (e) => e).map((group) => group.map((e): TransactionAction => ['upsert', e, 'Replace']));
}

const pointerPlan = (r: StoredReturn) => plan(periodPartition(r.formId, r.fiscalYear, r.period), returnRowKey(r), r);
/** A version in the `versions` table: in its form and period's partition (one transaction records many), after its return's row key. */
const versionRow = (k: ReturnKey, version: number) => `${returnRowKey(k)}|${pad(version)}`;
const writeRow = (w: WriteRecord) => `${w.startedAt}|${w.writeId}`;
const keyOf = (r: ReturnKey): ReturnKey => ({ formId: r.formId, fiscalYear: r.fiscalYear, period: r.period, orgUnit: r.orgUnit, subject: r.subject });
const scopeOf = (k: ReturnKey): TallyScope => ({ formId: k.formId, fiscalYear: k.fiscalYear, basis: 'all' });
const scopeId = (s: TallyScope) => `${s.formId}|${s.fiscalYear}|${s.basis}`;

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
 * - `writes`: writes begun and not yet settled, for the sweep.
 * - `tallies`: the running aggregates, and the commit's intents in them (`tableTallyStore.ts`).
 */
export class TableReturnStore implements ReturnStore {
  readonly bounds = BOUNDS;
  /** Running aggregates, in their own table (`tableTallyStore.ts`). */
  readonly tallies: TallyStore;
  readonly keys: IdempotencyStore;

  private constructor(private readonly a: TableAccess<Table>) {
    this.tallies = new TableTallyStore(a);
    this.keys = new TableIdempotencyStore(a);
  }

  static async open(source: StorageSource, opts: TableStoreOptions): Promise<TableReturnStore> {
    return new TableReturnStore(await TableAccess.open(source, opts, TABLES));
  }

  private async getApart(writeId: string, name: string): Promise<unknown> {
    const parts = await this.a.list('blobs', odata`PartitionKey eq ${writeId} and RowKey ge ${name + '|'} and RowKey lt ${name + '|~'}`);
    if (parts.length === 0 || parts.length !== Number(parts[0].parts)) throw new Error(`Details of write ${writeId} (${name}) are incomplete`);
    return JSON.parse(parts.map((p) => getJsonText(p, 'text')).join(''));
  }

  private async summaryOf(e: Record<string, unknown>): Promise<ReturnSummary> {
    const apart = String(e.apart ?? '').split(',');
    return {
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
      contribution: apart.includes('contribution') ? ((await this.getApart(String(e.writeId), 'contribution')) as ReturnSummary['contribution']) : getJson(e, 'contribution'),
    };
  }

  private async recordOf(e: Record<string, unknown>): Promise<StoredReturn> {
    const summary = await this.summaryOf(e);
    const apart = String(e.apart ?? '').split(',');
    const details = (apart.includes('detail') ? await this.getApart(summary.writeId, 'detail') : getJson(e, 'detail')) as ReturnDetails;
    // Versions stored before definitions were versioned were checked with the built-in ones.
    return { ...summary, ...details, checkedWith: details.checkedWith ?? { form: 0, units: 0 } };
  }

  async current(keys: ReturnKey[]): Promise<(CurrentReturn | null)[]> {
    const found = new Map<string, Entity>();
    for (const [pk, rks] of byPartition(keys.map((k) => [periodPartition(k.formId, k.fiscalYear, k.period), returnRowKey(k)])))
      for (const e of rks.length === 1 ? [await this.a.find('pointers', pk, rks[0])].filter((x): x is Entity => x !== null) : await this.a.findMany('pointers', pk, rks))
        found.set(`${pk}\n${String(e.rowKey)}`, e);
    return Promise.all(
      keys.map(async (k) => {
        const e = found.get(`${periodPartition(k.formId, k.fiscalYear, k.period)}\n${returnRowKey(k)}`);
        return e ? { record: await this.recordOf(e), etag: e.etag } : null;
      }),
    );
  }

  async list(formId: string, fiscalYear: number, period: string, orgUnit?: string): Promise<ReturnSummary[]> {
    const pk = periodPartition(formId, fiscalYear, period);
    const unit = orgUnit === undefined ? '' : `${keyText(orgUnit)}|`;
    const filter = unit ? odata`PartitionKey eq ${pk} and RowKey ge ${unit} and RowKey lt ${unit + '~'}` : odata`PartitionKey eq ${pk}`;
    return Promise.all((await this.a.list('pointers', filter, SUMMARY_SELECT)).map((e) => this.summaryOf(e)));
  }

  async versions(k: ReturnKey): Promise<ReturnSummary[]> {
    const pk = periodPartition(k.formId, k.fiscalYear, k.period);
    const prefix = `${returnRowKey(k)}|`;
    const [listed, legacy] = await Promise.all([
      this.a.list('versions', odata`PartitionKey eq ${pk} and RowKey ge ${prefix} and RowKey lt ${prefix + '~'}`),
      this.a.list('versions', odata`PartitionKey eq ${versionPartition(k)}`),
    ]);
    // A subject may hold `|`: the key range can take in another subject that starts with this one.
    const mine = listed.filter((e) => String(e.orgUnit) === k.orgUnit && String(e.subject ?? '') === (k.subject ?? ''));
    const byVersion = new Map<number, Entity>();
    for (const e of [...legacy, ...mine]) byVersion.set(Number(e.version), e);
    return Promise.all([...byVersion.keys()].sort((a, b) => a - b).map((v) => this.summaryOf(byVersion.get(v)!)));
  }

  async version(k: ReturnKey, version: number): Promise<StoredReturn | null> {
    const e = (await this.a.find('versions', periodPartition(k.formId, k.fiscalYear, k.period), versionRow(k, version))) ?? (await this.a.find('versions', versionPartition(k), pad(version)));
    return e ? this.recordOf(e) : null;
  }

  async rows(writeId: string): Promise<TypedRow[]> {
    // A pack of rows, or (written before packing) one row an entity.
    return (await this.a.list('rows', rowsFilter(writeId))).flatMap((e) => (e.rows_n !== undefined ? getJson<TypedRow[]>(e, 'rows') : [getJson<TypedRow>(e, 'row')]));
  }

  /**
   * The commit protocol: 1. record each write (write log, tally intent) before anything of it;
   * 2. write rows, details kept apart and the replaced versions' history; 3. switch the
   * pointers group by group (one transaction each, ETag conditions); 4. record the new
   * versions' history and forget the writes. Nothing is visible before 3; a failure in 1–2
   * leaves only recorded writes, which the sweep removes.
   */
  async commit(versions: NewVersion[]): Promise<CommitReport> {
    const startedAt = new Date().toISOString();
    const records: StoredReturn[] = versions.map((v) => ({ ...v.record, writeId: randomUUID() }));
    const writes: WriteRecord[] = records.map((r) => ({ writeId: r.writeId, key: keyOf(r), startedAt }));
    const outcomes: VersionOutcome[] = records.map(() => ({ state: 'not_stored' }));
    const plans = records.map(pointerPlan);
    const groups = transactions([...records.keys()], (i) => plans[i].entity);
    try {
      await Promise.all([this.beginWrites(writes), this.intend(records, startedAt)]);
      // Rows and details kept apart, a few transactions at once whatever the versions they belong to.
      const work = records.flatMap((r, i) => [
        ...rowTransactions(r.writeId, versions[i].rows).map((t) => ['rows', t] as const),
        ...apartTransactions(r.writeId, plans[i].apart).map((t) => ['blobs', t] as const),
      ]);
      const writer = async () => {
        for (let w = work.shift(); w; w = work.shift()) await this.a.submit(w[0], w[1]);
      };
      await Promise.all([
        ...Array.from({ length: Math.min(ROW_WRITERS, work.length) }, writer),
        // History holds every version, even if a writer died after its switch.
        this.putVersions(versions.flatMap((v) => (v.replaces ? [v.replaces.record] : []))),
      ]);
    } catch (e) {
      if (!isStorageUnavailable(e)) throw e;
      return { outcomes, failed: { step: 'prepare', reason: e.reason } };
    }
    for (const [g, group] of groups.entries()) {
      const actions: TransactionAction[] = group.map((i) => {
        const etag = versions[i].replaces?.etag;
        return etag ? ['update', plans[i].entity, 'Replace', { etag }] : ['create', plans[i].entity];
      });
      let conflict = false;
      try {
        await this.a.submit('pointers', actions);
      } catch (e) {
        if (isStorageUnavailable(e)) {
          for (const i of group) outcomes[i] = { state: 'unknown' };
          await this.discard(groups.slice(g + 1).flat(), records, writes);
          return { outcomes, failed: { step: 'switch', reason: e.reason } };
        }
        if (!isStatus(e, 409, 412)) throw e;
        conflict = true;
      }
      if (conflict) {
        for (const i of group) outcomes[i] = { state: 'conflict' };
        await this.discard(groups.slice(g).flat(), records, writes);
        return { outcomes, failed: null };
      }
      for (const i of group) outcomes[i] = { state: 'stored', record: records[i] };
    }
    try {
      await this.putVersions(records);
      await this.endWrites(writes);
    } catch (e) {
      if (!isStorageUnavailable(e)) throw e; // stored: the next version writes this one's history; the sweep forgets the writes
    }
    return { outcomes, failed: null };
  }

  /** The tally intents of new versions, in their scopes (every current return: basis `all`). */
  private async intend(records: StoredReturn[], at: string): Promise<void> {
    const byScope = new Map<string, StoredReturn[]>();
    for (const r of records) byScope.set(scopeId(scopeOf(r)), [...(byScope.get(scopeId(scopeOf(r))) ?? []), r]);
    for (const rs of byScope.values())
      await this.tallies.intend(
        scopeOf(rs[0]),
        rs.map((r) => ({ kind: 'return', id: r.writeId, orgUnit: r.orgUnit, subject: r.subject, period: r.period, revision: r.version, at })),
      );
  }

  /** Removes writes that did not switch: rows, details, intents, log entries. Storage failing leaves them to the sweep. */
  private async discard(indexes: number[], records: StoredReturn[], writes: WriteRecord[]): Promise<void> {
    try {
      for (const i of indexes) await this.deleteWrite(records[i]);
      for (const rs of byPartition(indexes.map((i) => [scopeId(scopeOf(records[i])), records[i]])).values())
        await this.tallies.forget(
          scopeOf(rs[0]),
          rs.map((r) => r.writeId),
        );
      await this.endWrites(indexes.map((i) => writes[i]));
    } catch (e) {
      if (!isStorageUnavailable(e)) throw e;
    }
  }

  /** Rows and details of a write. */
  private async deleteWrite(k: { writeId: string }): Promise<void> {
    await this.deleteAll('rows', rowsFilter(k.writeId));
    await this.deleteAll('blobs', odata`PartitionKey eq ${k.writeId}`);
  }

  async sweep(beforeIso: string, limit = SWEEP_LIMIT): Promise<SweepReport> {
    const report: SweepReport = { checked: 0, removed: 0, failed: [] };
    const listed = await this.a.list('writes', odata`PartitionKey eq ${WRITES_PARTITION} and RowKey lt ${beforeIso}`);
    for (const e of listed.slice(0, limit)) {
      const w: WriteRecord = {
        writeId: String(e.writeId),
        startedAt: String(e.startedAt),
        key: { formId: String(e.formId), fiscalYear: Number(e.fiscalYear), period: String(e.period), orgUnit: String(e.orgUnit), subject: e.subject ? String(e.subject) : null },
      };
      report.checked++;
      try {
        const [current] = await this.current([w.key]);
        const held = current?.record.writeId === w.writeId || (await this.versions(w.key)).some((v) => v.writeId === w.writeId);
        if (!held) {
          await this.deleteWrite(w);
          await this.tallies.forget(scopeOf(w.key), [w.writeId]);
          report.removed++;
        }
        await this.endWrites([w]);
      } catch (err) {
        report.failed.push({ writeId: w.writeId, reason: err instanceof Error ? err.message : String(err) });
        await this.requeue(w);
      }
    }
    return report;
  }

  /** A write the sweep could not settle, moved to the back of the log in one transaction (storage failing leaves it where it was). */
  private async requeue(w: WriteRecord): Promise<void> {
    const later = { ...w, startedAt: new Date().toISOString() };
    try {
      await this.a.submit('writes', [
        ['upsert', this.writeEntity(later), 'Replace'],
        ['delete', { partitionKey: WRITES_PARTITION, rowKey: writeRow(w) }],
      ]);
    } catch {
      /* reported already; tried again next run */
    }
  }

  private async putVersions(rs: StoredReturn[]): Promise<void> {
    const entities = rs.map((r) => plan(periodPartition(r.formId, r.fiscalYear, r.period), versionRow(r, r.version), r).entity);
    for (const group of transactions(entities, (e) => e))
      await this.a.submit(
        'versions',
        group.map((e) => ['upsert', e, 'Replace']),
      );
  }

  private async beginWrites(ws: WriteRecord[]): Promise<void> {
    const entities = ws.map((w) => this.writeEntity(w));
    for (let i = 0; i < entities.length; i += BATCH)
      await this.a.submit(
        'writes',
        entities.slice(i, i + BATCH).map((e) => ['upsert', e, 'Replace']),
      );
  }

  private writeEntity(w: WriteRecord): TableEntity {
    return { partitionKey: WRITES_PARTITION, rowKey: writeRow(w), ...w.key, subject: w.key.subject ?? '', writeId: w.writeId, startedAt: w.startedAt };
  }

  /** Forgets writes (one already forgotten is fine). */
  private async endWrites(ws: WriteRecord[]): Promise<void> {
    await this.a.deleteMany('writes', WRITES_PARTITION, ws.map(writeRow));
  }

  private async deleteAll(table: Table, filter: string): Promise<void> {
    const keys = await this.a.list(table, filter, ['PartitionKey', 'RowKey']);
    for (const [pk, rks] of byPartition(keys.map((e) => [String(e.partitionKey), String(e.rowKey)]))) await this.a.deleteMany(table, pk, rks);
  }
}
