import { odata, TableClient, type TableEntity } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { reviewEventSchema, type LockException, type ReviewEvent } from '@returns-hub/shared/review/reviewSchemas';
import { reviewStateSchema, type ReviewState } from '../domain/reviewState';
import { getJson, putJson } from './jsonProps';
import { escapeKey, pad, periodPartition, returnRowKey, versionPartition, type ReturnKey } from './keys';
import type { ReviewRecord, ReviewStore, SetReviewResult } from './reviewStore';

/** The tables: the return store's pointers (reviews live on them), the audit trail, exceptions. */
const TABLES = { pointers: 'returns', audit: 'audit', exceptions: 'exceptions' } as const;
type Tables = Record<keyof typeof TABLES, TableClient>;

/** A review's JSON on a pointer: at most a reason and 100 comments, well inside 4 properties of 30,000 characters. */
const REVIEW_PROP = 'review';
const REVIEW_PARTS = 4;
const POINTER_SELECT = [
  'PartitionKey',
  'RowKey',
  'formId',
  'fiscalYear',
  'period',
  'orgUnit',
  'subject',
  'version',
  'submittedAt',
  'submittedBy',
  'fileName',
  'rowCount',
  'warnings',
  `${REVIEW_PROP}_n`,
  ...Array.from({ length: REVIEW_PARTS }, (_, i) => `${REVIEW_PROP}_${i}`),
];

const exceptionEventsPartition = (formId: string, fiscalYear: number, period: string, orgUnit: string) => `${periodPartition(formId, fiscalYear, period)}|${escapeKey(orgUnit)}|~exceptions`;

function isStatus(e: unknown, ...statuses: number[]): boolean {
  const s = typeof e === 'object' && e !== null ? (e as { statusCode?: number }).statusCode : undefined;
  return s !== undefined && statuses.includes(s);
}

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

function eventOf(e: Record<string, unknown>): ReviewEvent {
  return reviewEventSchema.parse(getJson<unknown>(e, 'event'));
}

/** Reviews in Azure Table Storage (Azurite locally), beside the returns they review. */
export class TableReviewStore implements ReviewStore {
  private constructor(private readonly t: Tables) {}

  static async open(connectionString: string): Promise<TableReviewStore> {
    const opts = { allowInsecureConnection: true, retryOptions: { maxRetries: 5, retryDelayInMs: 200, maxRetryDelayInMs: 3000 } };
    const t = Object.fromEntries(Object.entries(TABLES).map(([k, name]) => [k, TableClient.fromConnectionString(connectionString, name, opts)])) as Tables;
    for (const client of Object.values(t)) {
      try {
        await client.createTable();
      } catch (e) {
        if (!isStatus(e, 409)) throw e;
      }
    }
    return new TableReviewStore(t);
  }

  async get(k: ReturnKey): Promise<ReviewRecord | null> {
    try {
      return recordOf(await this.t.pointers.getEntity<Record<string, unknown>>(periodPartition(k.formId, k.fiscalYear, k.period), returnRowKey(k), { queryOptions: { select: POINTER_SELECT } }));
    } catch (e) {
      if (isStatus(e, 404)) return null;
      throw e;
    }
  }

  async list(formId: string, fiscalYear: number, period: string): Promise<ReviewRecord[]> {
    const out: ReviewRecord[] = [];
    const pk = periodPartition(formId, fiscalYear, period);
    for await (const e of this.t.pointers.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: POINTER_SELECT } })) out.push(recordOf(e));
    return out;
  }

  async setState(k: ReturnKey, state: ReviewState, etag: string): Promise<SetReviewResult> {
    const e: Record<string, unknown> = { partitionKey: periodPartition(k.formId, k.fiscalYear, k.period), rowKey: returnRowKey(k), reviewStatus: state.status };
    putJson(e, REVIEW_PROP, state);
    if (Number(e[`${REVIEW_PROP}_n`]) > REVIEW_PARTS) throw new Error('A review is larger than a pointer keeps');
    try {
      await this.t.pointers.updateEntity(e as TableEntity, 'Merge', { etag });
      return { ok: true };
    } catch (err) {
      if (isStatus(err, 404, 409, 412)) return { ok: false, conflict: true };
      throw err;
    }
  }

  async putEvent(k: ReturnKey, seq: number, event: ReviewEvent): Promise<void> {
    const e: Record<string, unknown> = { partitionKey: versionPartition(k), rowKey: `${pad(event.version)}|${pad(seq, 4)}`, action: event.action, at: event.at };
    putJson(e, 'event', event);
    await this.t.audit.upsertEntity(e as TableEntity, 'Replace');
  }

  async listEvents(k: ReturnKey): Promise<{ seq: number; event: ReviewEvent }[]> {
    const out: { seq: number; event: ReviewEvent }[] = [];
    const pk = versionPartition(k);
    for await (const e of this.t.audit.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } }))
      out.push({ seq: Number(String(e.rowKey).split('|')[1]), event: eventOf(e) });
    return out;
  }

  async getException(formId: string, fiscalYear: number, period: string, orgUnit: string): Promise<LockException | null> {
    try {
      const e = await this.t.exceptions.getEntity<Record<string, unknown>>(periodPartition(formId, fiscalYear, period), escapeKey(orgUnit));
      return { orgUnit: String(e.orgUnit), by: String(e.by), at: String(e.at), reason: String(e.reason) };
    } catch (e) {
      if (isStatus(e, 404)) return null;
      throw e;
    }
  }

  async listExceptions(formId: string, fiscalYear: number, period: string): Promise<LockException[]> {
    const out: LockException[] = [];
    const pk = periodPartition(formId, fiscalYear, period);
    for await (const e of this.t.exceptions.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } }))
      out.push({ orgUnit: String(e.orgUnit), by: String(e.by), at: String(e.at), reason: String(e.reason) });
    return out;
  }

  async putException(formId: string, fiscalYear: number, period: string, x: LockException, event: ReviewEvent): Promise<void> {
    // The audit entry first: an exception is never in force without its record.
    const entry: Record<string, unknown> = { partitionKey: exceptionEventsPartition(formId, fiscalYear, period, x.orgUnit), rowKey: `${event.at}|${randomUUID()}`, action: event.action, at: event.at };
    putJson(entry, 'event', event);
    await this.t.audit.createEntity(entry as TableEntity);
    await this.t.exceptions.upsertEntity({ partitionKey: periodPartition(formId, fiscalYear, period), rowKey: escapeKey(x.orgUnit), ...x }, 'Replace');
  }

  async listExceptionEvents(formId: string, fiscalYear: number, period: string, orgUnit: string): Promise<ReviewEvent[]> {
    const out: ReviewEvent[] = [];
    const pk = exceptionEventsPartition(formId, fiscalYear, period, orgUnit);
    for await (const e of this.t.audit.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })) out.push(eventOf(e));
    return out;
  }
}
