import { odata } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { PublishedDefinition } from '@returns-hub/shared/definitions/versionsByYear';
import type { DefinitionDocument } from '@returns-hub/shared/definitions/definitionDocument';
import { getJsonText, putJsonText } from './jsonProps';
import { pad } from './keys';
import { isStatus } from './storageErrors';
import { TableAccess, type StorageSource, type TableStoreOptions } from './tableAccess';
import type { DefinitionHead, DefinitionStore, PublishResult } from './definitionStore';

const TABLES = { definitions: 'definitions' } as const;
/** One partition: a publish writes its version, its head and the generation in one transaction. */
const PARTITION = 'published';
const GENERATION = 'generation';
const headRow = (id: string) => `head|${encodeURIComponent(id)}`;
const versionRow = (id: string, version: number) => `version|${encodeURIComponent(id)}|${pad(version)}`;

/**
 * The definition store on Table Storage (table `definitions`, one partition): a row per
 * version (its document's JSON split across properties), a head row per document (its ETag
 * guards the next publish) and a generation row, all written in one transaction.
 */
export class TableDefinitionStore implements DefinitionStore {
  private constructor(private readonly t: TableAccess<'definitions'>) {}

  static async open(source: StorageSource, opts: TableStoreOptions): Promise<TableDefinitionStore> {
    return new TableDefinitionStore(await TableAccess.open(source, opts, TABLES));
  }

  async listPublished(): Promise<PublishedDefinition[]> {
    const rows = await this.t.list('definitions', odata`PartitionKey eq ${PARTITION} and RowKey ge ${'version|'} and RowKey lt ${'version|~'}`);
    return rows
      .map((e): PublishedDefinition => ({
        id: String(e.id),
        version: Number(e.version),
        fromFiscalYear: Number(e.fromFiscalYear),
        publishedAt: String(e.publishedAt),
        publishedBy: String(e.publishedBy),
        // Written only after the server checked it (publishDefinition): its shape is its type.
        doc: JSON.parse(getJsonText(e, 'doc')) as DefinitionDocument,
      }))
      .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id) || a.version - b.version);
  }

  async head(id: string): Promise<DefinitionHead | null> {
    const e = await this.t.find('definitions', PARTITION, headRow(id));
    return e ? { id, version: Number(e.version), etag: e.etag } : null;
  }

  async publish(p: PublishedDefinition, etag: string | null): Promise<PublishResult> {
    const version: Record<string, unknown> = {
      partitionKey: PARTITION,
      rowKey: versionRow(p.id, p.version),
      id: p.id,
      version: p.version,
      fromFiscalYear: p.fromFiscalYear,
      publishedAt: p.publishedAt,
      publishedBy: p.publishedBy,
    };
    putJsonText(version, 'doc', JSON.stringify(p.doc));
    const head = { partitionKey: PARTITION, rowKey: headRow(p.id), version: p.version, publishedAt: p.publishedAt };
    try {
      await this.t.submit('definitions', [
        ['create', { partitionKey: PARTITION, rowKey: version.rowKey as string, ...version }],
        etag === null ? ['create', head] : ['update', head, 'Replace', { etag }],
        ['upsert', { partitionKey: PARTITION, rowKey: GENERATION, token: randomUUID() }, 'Replace'],
      ]);
    } catch (e) {
      // Someone published first: the head moved (412) or the version or head exists (409).
      if (isStatus(e, 412) || isStatus(e, 409)) return { ok: false, conflict: 'etag' };
      throw e;
    }
    const now = await this.head(p.id);
    if (!now) throw new Error(`definition ${p.id}: published, but its head is not found`);
    return { ok: true, head: now };
  }

  async generation(): Promise<string | null> {
    const e = await this.t.find('definitions', PARTITION, GENERATION);
    return e ? e.etag : null;
  }
}
