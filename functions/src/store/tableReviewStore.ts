import { odata, type TableEntity } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { reviewEventSchema, type LockException, type ReviewEvent } from '@returns-hub/shared/review/reviewSchemas';
import { reviewStateSchema, type ReviewState } from '../domain/reviewState';
import { getJson, putJson } from './jsonProps';
import { escapeKey, pad, periodPartition, RETURN_KEY_PROPS, returnRowKey, versionPartition, type ReturnKey } from './keys';
import type { AuditEntry, ReviewRecord, ReviewStore, SetReviewResult } from './reviewStore';
import { isStatus } from './storageErrors';
import { byPartition, TableAccess, transactions, type StorageSource, type TableStoreOptions } from './tableAccess';

/** The tables: the return store's pointers (reviews live on them), the audit trail, exceptions. */
const TABLES = { pointers: 'returns', audit: 'audit', exceptions: 'exceptions' } as const;
type Table = keyof typeof TABLES;

/** A review's JSON on a pointer: at most a reason and 100 comments, well inside 4 properties of 30,000 characters. */
const REVIEW_PROP = 'review';
const REVIEW_PARTS = 4;
const POINTER_SELECT = [
  'PartitionKey',
  'RowKey',
  ...RETURN_KEY_PROPS,
  'submittedAt',
  'submittedBy',
  'fileName',
  'rowCount',
  'warnings',
  `${REVIEW_PROP}_n`,
  ...Array.from({ length: REVIEW_PARTS }, (_, i) => `${REVIEW_PROP}_${i}`),
];

/** An audit entry in its form and period's partition (one transaction records many), after its return's row key: `<return>|<version>|<seq>`. */
const auditRow = (k: ReturnKey, version: number, seq: number) => `${returnRowKey(k)}|${pad(version)}|${pad(seq, 4)}`;

const exceptionEventsPartition = (formId: string, fiscalYear: number, period: string, orgUnit: string) => `${periodPartition(formId, fiscalYear, period)}|${escapeKey(orgUnit)}|~exceptions`;

function recordOf(e: Record<string, unknown> & { etag: string }): ReviewRecord {
  const raw = getJson<unknown>(e, REVIEW_PROP);
  const parsed = raw === null ? null : reviewStateSchema.safeParse(raw);
  if (parsed && !parsed.success) throw new Error(`The review stored on ${String(e.partitionKey)}/${String(e.rowKey)} is not readable: ${parsed.error.issues[0]?.message}`);
  return {
    key: { formId: String(e.formId), fiscalYear: Number(e.fiscalYear), period: String(e.period), orgUnit: String(e.orgUnit), subject: e.subject ? String(e.subject) : null },
    version: Number(e.version),
    submittedAt: String(e.submittedAt),
    submittedBy: String(e.submittedBy),
    fileName: String(e.fileName ?? ''),
    rowCount: Number(e.rowCount ?? 0),
    warnings: Number(e.warnings ?? 0),
    // A review of an earlier version never applies (a writer that replaced the pointer without clearing it).
    state: parsed && parsed.data.version === Number(e.version) ? parsed.data : null,
    etag: e.etag,
  };
}

function exceptionOf(e: Record<string, unknown>): LockException {
  return { orgUnit: String(e.orgUnit), by: String(e.by), at: String(e.at), reason: String(e.reason) };
}

function eventOf(e: Record<string, unknown>): ReviewEvent {
  return reviewEventSchema.parse(getJson<unknown>(e, 'event'));
}

/** Reviews in Azure Table Storage (Azurite locally), beside the returns they review; every call bounded like the return store's. */
export class TableReviewStore implements ReviewStore {
  private constructor(private readonly a: TableAccess<Table>) {}

  static async open(source: StorageSource, opts: TableStoreOptions): Promise<TableReviewStore> {
    return new TableReviewStore(await TableAccess.open(source, opts, TABLES));
  }

  async get(k: ReturnKey): Promise<ReviewRecord | null> {
    const e = await this.a.find('pointers', periodPartition(k.formId, k.fiscalYear, k.period), returnRowKey(k), POINTER_SELECT);
    return e ? recordOf(e) : null;
  }

  async getMany(keys: ReturnKey[]): Promise<(ReviewRecord | null)[]> {
    const found = new Map<string, ReviewRecord>();
    for (const [pk, rks] of byPartition(keys.map((k) => [periodPartition(k.formId, k.fiscalYear, k.period), returnRowKey(k)])))
      for (const e of await this.a.findMany('pointers', pk, rks, POINTER_SELECT)) found.set(`${pk}\n${String(e.rowKey)}`, recordOf(e));
    return keys.map((k) => found.get(`${periodPartition(k.formId, k.fiscalYear, k.period)}\n${returnRowKey(k)}`) ?? null);
  }

  async list(formId: string, fiscalYear: number, period: string): Promise<ReviewRecord[]> {
    return (await this.a.list('pointers', odata`PartitionKey eq ${periodPartition(formId, fiscalYear, period)}`, POINTER_SELECT)).map(recordOf);
  }

  async setState(k: ReturnKey, state: ReviewState, etag: string): Promise<SetReviewResult> {
    const e: Record<string, unknown> = { partitionKey: periodPartition(k.formId, k.fiscalYear, k.period), rowKey: returnRowKey(k), reviewStatus: state.status };
    putJson(e, REVIEW_PROP, state);
    if (Number(e[`${REVIEW_PROP}_n`]) > REVIEW_PARTS) throw new Error('A review is larger than a pointer keeps');
    return this.a.call(async (abortSignal) => {
      try {
        await this.a.tables.pointers.updateEntity(e as TableEntity, 'Merge', { etag, abortSignal });
        return { ok: true };
      } catch (err) {
        if (isStatus(err, 404, 409, 412)) return { ok: false, conflict: true };
        throw err;
      }
    });
  }

  async putEvents(entries: AuditEntry[]): Promise<void> {
    const entities = entries.map(({ key: k, seq, event }) => {
      const e: Record<string, unknown> = {
        partitionKey: periodPartition(k.formId, k.fiscalYear, k.period),
        rowKey: auditRow(k, event.version, seq),
        orgUnit: k.orgUnit,
        subject: k.subject ?? '',
        seq,
        action: event.action,
        at: event.at,
      };
      putJson(e, 'event', event);
      return e as TableEntity;
    });
    for (const group of transactions(entities, (e) => e))
      await this.a.submit(
        'audit',
        group.map((e) => ['upsert', e, 'Replace']),
      );
  }

  async listEvents(k: ReturnKey): Promise<{ seq: number; event: ReviewEvent }[]> {
    const prefix = `${returnRowKey(k)}|`;
    const [listed, legacy] = await Promise.all([
      this.a.list('audit', odata`PartitionKey eq ${periodPartition(k.formId, k.fiscalYear, k.period)} and RowKey ge ${prefix} and RowKey lt ${prefix + '~'}`),
      this.a.list('audit', odata`PartitionKey eq ${versionPartition(k)}`),
    ]);
    // A subject may hold `|`: the key range can take in another subject that starts with this one.
    const mine = listed.filter((e) => String(e.orgUnit) === k.orgUnit && String(e.subject ?? '') === (k.subject ?? ''));
    const entries = new Map<string, { seq: number; event: ReviewEvent }>();
    for (const e of legacy) entries.set(`${pad(Number(String(e.rowKey).split('|')[0]))}|${String(e.rowKey).split('|')[1]}`, { seq: Number(String(e.rowKey).split('|')[1]), event: eventOf(e) });
    for (const e of mine) {
      const event = eventOf(e);
      entries.set(`${pad(event.version)}|${pad(Number(e.seq), 4)}`, { seq: Number(e.seq), event });
    }
    return [...entries.keys()].sort().map((id) => entries.get(id)!);
  }

  async getException(formId: string, fiscalYear: number, period: string, orgUnit: string): Promise<LockException | null> {
    const e = await this.a.find('exceptions', periodPartition(formId, fiscalYear, period), escapeKey(orgUnit));
    return e ? exceptionOf(e) : null;
  }

  async listExceptions(formId: string, fiscalYear: number, period: string): Promise<LockException[]> {
    return (await this.a.list('exceptions', odata`PartitionKey eq ${periodPartition(formId, fiscalYear, period)}`)).map(exceptionOf);
  }

  async putException(formId: string, fiscalYear: number, period: string, x: LockException, event: ReviewEvent): Promise<void> {
    // The audit entry first: an exception is never in force without its record.
    const entry: Record<string, unknown> = { partitionKey: exceptionEventsPartition(formId, fiscalYear, period, x.orgUnit), rowKey: `${event.at}|${randomUUID()}`, action: event.action, at: event.at };
    putJson(entry, 'event', event);
    await this.a.call((abortSignal) => this.a.tables.audit.createEntity(entry as TableEntity, { abortSignal }));
    const e = { partitionKey: periodPartition(formId, fiscalYear, period), rowKey: escapeKey(x.orgUnit), ...x };
    await this.a.call((abortSignal) => this.a.tables.exceptions.upsertEntity(e, 'Replace', { abortSignal }));
  }

  async listExceptionEvents(formId: string, fiscalYear: number, period: string, orgUnit: string): Promise<ReviewEvent[]> {
    return (await this.a.list('audit', odata`PartitionKey eq ${exceptionEventsPartition(formId, fiscalYear, period, orgUnit)}`)).map(eventOf);
  }
}
