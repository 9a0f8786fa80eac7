import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { aggregateSchema, type Aggregate, type AggregateKey } from '@returns-hub/shared/consolidate/aggregate';
import { contributionSchema } from '@returns-hub/shared/consolidate/contribution';
import type { TallyBasis } from '@returns-hub/shared/consolidate/aggregate';
import { getJsonText, putJsonText } from './jsonProps';
import { keyText, pad } from './keys';
import { isStatus } from './storageErrors';
import { BATCH, BATCH_BYTES, entityBytes, FILTER_COMPARISONS, transactions, type Entity, type TableAccess } from './tableAccess';
import type { AppliedShare, CommitResult, ReturnIntent, ShareKey, Stored, TallyIntent, TallyRead, TallyScope, TallyStore, TallyWrite } from './tallyStore';

/** One partition per scope: a commit (one transaction) can touch any of its entities. */
const partitionOf = (s: TallyScope) => `${s.formId}|${s.fiscalYear}|${s.basis}`;
/** Aggregates sort by period and level, so a tally reads one key range. */
const aggregateRow = (k: AggregateKey) => `a|${k.period}|${k.by}|${keyText(k.group)}`;
/** A return's shares sort together, whatever their period. */
const sharePrefix = (orgUnit: string, subject: string | null) => `s|${keyText(orgUnit)}|${keyText(subject ?? '-')}|`;
const shareRow = (k: ShareKey) => sharePrefix(k.orgUnit, k.subject) + k.period;
const INTENTS = 'i|';
const intentRow = (id: string) => `${INTENTS}${keyText(id)}`;
/** A scope marked stale by an earlier version of this store: read as a whole-scope intent until a rebuild removes it. */
const LEGACY_STALE_ROW = 'stale';
/** Parts of a value too large to keep in its entity: `c|<entity's row>|<generation>|<part>`. */
const CHUNKS = 'c|';
const chunkPrefix = (row: string, gen: string) => `${CHUNKS}${row}|${gen}|`;
/** Entities of a scope whose row key starts with `prefix`. */
const range = (prefix: string) => odata`RowKey ge ${prefix} and RowKey lt ${prefix + '~'}`;
const inPartition = (pk: string, filter: string) => `${odata`PartitionKey eq ${pk}`} and (${filter})`;

/** JSON kept inside an aggregate's or share's own entity; a larger value (or one that would overfill its transaction) goes to chunks. */
export const INLINE_CHARS = 60_000;
/** Characters of JSON per chunk entity (5 properties of 30,000: far below an entity's 1 MiB). */
const CHUNK_CHARS = 150_000;
/** Values per entity: aggregates and shares keep theirs under these property names. */
const AGGREGATE = 'aggregate';
const CONTRIBUTION = 'contribution';

/**
 * The ETag handed out for an entity is opaque to callers: for a value kept in chunks it also
 * names the chunks' generation, so the commit that replaces the value removes them.
 */
const etagOf = (e: Entity) => (e.spill ? `${e.etag}#${String(e.spill)}` : e.etag);
const splitEtag = (etag: string) => {
  const i = etag.lastIndexOf('#');
  return i < 0 ? { etag, spill: null } : { etag: etag.slice(0, i), spill: etag.slice(i + 1) };
};

function aggregateKeyOf(e: Entity): AggregateKey {
  const by = String(e.by);
  if (by !== 'district' && by !== 'zone' && by !== 'region' && by !== 'hq') throw new Error(`Aggregate ${String(e.rowKey)} has no grouping level`);
  return { period: String(e.period), by, group: String(e.group) };
}

function intentOf(e: Entity): TallyIntent {
  if (e.rowKey === LEGACY_STALE_ROW) return { kind: 'scope', id: LEGACY_STALE_ROW, at: String(e.at), reason: String(e.reason) };
  if (e.kind === 'scope') return { kind: 'scope', id: String(e.id), at: String(e.at), reason: String(e.reason ?? '') };
  return { kind: 'return', id: String(e.id), orgUnit: String(e.orgUnit), subject: e.subject ? String(e.subject) : null, period: String(e.period), revision: Number(e.revision), at: String(e.at) };
}

function intentEntity(pk: string, scope: TallyScope, i: TallyIntent): TableEntity {
  const common = { partitionKey: pk, rowKey: intentRow(i.id), id: i.id, kind: i.kind, at: i.at, formId: scope.formId, fiscalYear: scope.fiscalYear, basis: scope.basis };
  return i.kind === 'scope' ? { ...common, reason: i.reason.slice(0, 1_000) } : { ...common, orgUnit: i.orgUnit, subject: i.subject ?? '', period: i.period, revision: i.revision };
}

const isIntentRow = (rk: string) => rk.startsWith(INTENTS) || rk === LEGACY_STALE_ROW;

/**
 * Running aggregates in the `tallies` table, one partition per (form, fiscal year, basis):
 * `a|<period>|<level>|<group>` holds a group's aggregate (emptied, not removed, when its last
 * share goes), `s|<unit>|<subject>|<period>` what a return last added (so applying twice
 * changes nothing, and a missed update is made good by the next), `i|<id>` the intents of
 * changes not yet applied. A value too large for its entity, or for its commit's transaction,
 * is written first to chunks of its own generation (`c|…`, invisible until referenced), and the
 * commit's one transaction then switches the entities to it: a commit stays atomic, ≤100
 * entities and ≤4 MiB, whatever the size of a return.
 */
export class TableTallyStore implements TallyStore {
  /** A transaction holds at most 100 entities. */
  readonly commitLimit = BATCH;

  constructor(private readonly a: TableAccess<'tallies'>) {}

  private list(filter: string): Promise<Entity[]> {
    return this.a.list('tallies', filter);
  }

  /** The JSON of an entity's value: inline, or joined from its chunks (`chunks` already read, or read now). */
  private async jsonOf(pk: string, e: Entity, name: string, chunks?: Entity[]): Promise<string> {
    if (!e.spill) return getJsonText(e, name);
    const prefix = chunkPrefix(String(e.rowKey), String(e.spill));
    const parts = (chunks ?? (await this.list(inPartition(pk, range(prefix))))).filter((c) => String(c.rowKey).startsWith(prefix));
    parts.sort((x, y) => String(x.rowKey).localeCompare(String(y.rowKey)));
    // A value replaced meanwhile has its chunks removed: the reader is told storage changed under it (and may read again).
    if (parts.length !== Number(e.spillParts)) throw Object.assign(new Error(`Chunks of ${String(e.rowKey)} changed while read`), { statusCode: 503 });
    return parts.map((p) => getJsonText(p, 'text')).join('');
  }

  private async aggregateOf(pk: string, e: Entity, chunks?: Entity[]): Promise<{ key: AggregateKey; aggregate: Aggregate | null }> {
    const text = await this.jsonOf(pk, e, AGGREGATE, chunks);
    const a = text ? (JSON.parse(text) as unknown) : null;
    return { key: aggregateKeyOf(e), aggregate: a === null ? null : aggregateSchema.parse(a) };
  }

  private async shareOf(pk: string, e: Entity, chunks?: Entity[]): Promise<AppliedShare> {
    const text = await this.jsonOf(pk, e, CONTRIBUTION, chunks);
    const c = text ? (JSON.parse(text) as unknown) : null;
    return {
      orgUnit: String(e.orgUnit),
      subject: e.subject ? String(e.subject) : null,
      period: String(e.period),
      revision: Number(e.revision),
      contribution: c === null ? null : contributionSchema.parse(c),
    };
  }

  async sharesOf(scope: TallyScope, returns: { orgUnit: string; subject: string | null; period?: string }[]) {
    const pk = partitionOf(scope);
    // An exact key is one comparison, a key range two: each filter stays within the comparisons allowed.
    const terms = [
      ...new Set(
        returns.map((r) => {
          const prefix = sharePrefix(r.orgUnit, r.subject);
          return r.period === undefined ? `(${range(prefix)})` : odata`RowKey eq ${prefix + r.period}`;
        }),
      ),
    ];
    const filters: string[][] = [[]];
    let comparisons = 0;
    for (const t of terms) {
      const cost = t.startsWith('(') ? 2 : 1;
      if (comparisons + cost > FILTER_COMPARISONS) {
        filters.push([]);
        comparisons = 0;
      }
      filters[filters.length - 1].push(t);
      comparisons += cost;
    }
    const [pages, intents] = await Promise.all([Promise.all(filters.filter((f) => f.length).map((f) => this.list(inPartition(pk, f.join(' or '))))), this.list(inPartition(pk, range(INTENTS)))]);
    const wanted = new Set(returns.map((r) => `${r.orgUnit}\u0000${r.subject ?? ''}`));
    // A subject may hold `|`: a key range can take in another subject that starts with this one.
    const mine = (x: { orgUnit: string; subject: string | null }) => wanted.has(`${x.orgUnit}\u0000${x.subject ?? ''}`);
    const shares = await Promise.all(pages.flat().map(async (e) => ({ value: await this.shareOf(pk, e), etag: etagOf(e) })));
    return {
      shares: shares.filter((s) => mine(s.value)),
      intents: intents.map((e) => ({ value: intentOf(e), etag: e.etag })).filter((i): i is Stored<ReturnIntent> => i.value.kind === 'return' && mine(i.value)),
    };
  }

  async getAggregates(scope: TallyScope, keys: AggregateKey[]): Promise<(Stored<Aggregate | null> | null)[]> {
    const pk = partitionOf(scope);
    const found = new Map((await this.a.findMany('tallies', pk, keys.map(aggregateRow))).map((e) => [String(e.rowKey), e]));
    return Promise.all(
      keys.map(async (k) => {
        const e = found.get(aggregateRow(k));
        return e ? { value: (await this.aggregateOf(pk, e)).aggregate, etag: etagOf(e) } : null;
      }),
    );
  }

  async read(scope: TallyScope, period: string, by: AggregateKey['by']): Promise<TallyRead> {
    const pk = partitionOf(scope);
    // One query: the aggregates and the intents come from the same moment.
    const all = await this.list(inPartition(pk, `(${range(`a|${period}|${by}|`)}) or (${range(INTENTS)}) or ${odata`RowKey eq ${LEGACY_STALE_ROW}`}`));
    const aggregates = await Promise.all(all.filter((e) => String(e.rowKey).startsWith('a|')).map((e) => this.aggregateOf(pk, e)));
    return {
      aggregates: aggregates.filter((a): a is { key: AggregateKey; aggregate: Aggregate } => a.aggregate !== null),
      pending: all.filter((e) => isIntentRow(String(e.rowKey))).map(intentOf),
    };
  }

  async listScope(scope: TallyScope) {
    const pk = partitionOf(scope);
    const all = await this.list(odata`PartitionKey eq ${pk}`);
    const chunks = all.filter((e) => String(e.rowKey).startsWith(CHUNKS));
    const of = (prefix: string) => all.filter((e) => String(e.rowKey).startsWith(prefix));
    return {
      shares: await Promise.all(of('s|').map(async (e) => ({ value: await this.shareOf(pk, e, chunks), etag: etagOf(e) }))),
      aggregates: await Promise.all(of('a|').map(async (e) => ({ value: await this.aggregateOf(pk, e, chunks), etag: etagOf(e) }))),
      intents: all.filter((e) => isIntentRow(String(e.rowKey))).map((e) => ({ value: intentOf(e), etag: e.etag })),
    };
  }

  /**
   * One transaction of entities; values that would not fit it (or their entity) are first
   * written to chunks of a fresh generation. Chunks of the values it replaced are removed after
   * it, and its own chunks if it did not commit (a failure there leaves unreferenced chunks,
   * never a wrong value).
   */
  async commit(scope: TallyScope, writes: TallyWrite[]): Promise<CommitResult> {
    if (writes.length > this.commitLimit) throw new Error(`A tally commit of ${writes.length} writes; at most ${this.commitLimit}`);
    const pk = partitionOf(scope);
    const heads: { row: string; entity: Record<string, unknown>; name: string; json: string; etag: string | null; replaced: string | null }[] = [];
    const actions: TransactionAction[] = [];
    for (const w of writes) {
      if (w.kind === 'settle') {
        actions.push(['delete', { partitionKey: pk, rowKey: intentRow(w.id) }]);
        continue;
      }
      if (w.kind === 'aggregate' && w.value === null && !w.etag) continue; // nothing there, nothing to keep
      const { etag, spill } = w.etag ? splitEtag(w.etag) : { etag: null, spill: null };
      const row = w.kind === 'share' ? shareRow(w.value) : aggregateRow(w.key);
      const entity: Record<string, unknown> =
        w.kind === 'share'
          ? { partitionKey: pk, rowKey: row, orgUnit: w.value.orgUnit, subject: w.value.subject ?? '', period: w.value.period, revision: w.value.revision }
          : { partitionKey: pk, rowKey: row, period: w.key.period, by: w.key.by, group: w.key.group };
      const name = w.kind === 'share' ? CONTRIBUTION : AGGREGATE;
      heads.push({ row, entity, name, json: JSON.stringify((w.kind === 'share' ? w.value.contribution : w.value) ?? null), etag, replaced: spill });
    }
    // Spill the largest values until every entity is small and the transaction fits.
    let inline = heads.reduce((n, h) => n + h.json.length * 3, 0);
    const budget = BATCH_BYTES - (heads.length + actions.length) * 1024;
    const spilled = new Set<(typeof heads)[number]>();
    for (const h of [...heads].sort((x, y) => y.json.length - x.json.length)) {
      if (h.json.length <= INLINE_CHARS && inline <= budget) break;
      spilled.add(h);
      inline -= h.json.length * 3;
    }
    const chunks: TableEntity[] = [];
    for (const h of heads) {
      if (!spilled.has(h)) {
        putJsonText(h.entity, h.name, h.json);
        continue;
      }
      const gen = randomUUID().slice(0, 8);
      const parts = Math.max(1, Math.ceil(h.json.length / CHUNK_CHARS));
      for (let i = 0; i < parts; i++) {
        const c: Record<string, unknown> = { partitionKey: pk, rowKey: `${chunkPrefix(h.row, gen)}${pad(i, 5)}` };
        putJsonText(c, 'text', h.json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
        chunks.push(c as TableEntity);
      }
      Object.assign(h.entity, { spill: gen, spillParts: parts });
    }
    for (const group of transactions(chunks, (c) => c))
      await this.a.submit(
        'tallies',
        group.map((c) => ['upsert', c, 'Replace']),
      );
    for (const h of heads) actions.push(h.etag ? ['update', h.entity as TableEntity, 'Replace', { etag: h.etag }] : ['create', h.entity as TableEntity]);
    if (actions.length === 0) return { ok: true };
    const bytes = actions.reduce((n, a) => n + entityBytes(a[1] as TableEntity), 0);
    try {
      await this.a.call((abortSignal) => this.a.tables.tallies.submitTransaction(actions, { abortSignal }), bytes);
    } catch (e) {
      // 412: an entity changed since it was read; 409: one was created meanwhile; 404: an intent settled meanwhile.
      if (!isStatus(e, 404, 409, 412)) throw e;
      await this.removeChunks(
        pk,
        chunks.map((c) => c.rowKey),
      );
      return { ok: false, conflict: true };
    }
    await this.removeChunks(
      pk,
      [],
      heads.flatMap((h) => (h.replaced ? [{ row: h.row, gen: h.replaced }] : [])),
    );
    return { ok: true };
  }

  /** Removes chunk entities: ours of a commit that failed, or the generations a commit replaced. Storage failing leaves them (never read again). */
  private async removeChunks(pk: string, rows: string[], generations: { row: string; gen: string }[] = []): Promise<void> {
    try {
      for (const { row, gen } of generations) rows.push(...(await this.a.list('tallies', inPartition(pk, range(chunkPrefix(row, gen))), ['RowKey'])).map((e) => String(e.rowKey)));
      await this.a.deleteMany('tallies', pk, rows);
    } catch {
      /* unreferenced chunks are never read */
    }
  }

  async intend(scope: TallyScope, intents: TallyIntent[]): Promise<void> {
    const pk = partitionOf(scope);
    for (let i = 0; i < intents.length; i += BATCH)
      await this.a.submit(
        'tallies',
        intents.slice(i, i + BATCH).map((x) => ['upsert', intentEntity(pk, scope, x), 'Replace']),
      );
  }

  async forget(scope: TallyScope, ids: string[]): Promise<void> {
    await this.a.deleteMany('tallies', partitionOf(scope), ids.map(intentRow));
  }

  async pending(beforeIso: string, limit: number): Promise<{ scope: TallyScope; intent: TallyIntent }[]> {
    // Every scope's intents: a query across partitions, bounded by `limit`.
    const filter = `((${range(INTENTS)}) or ${odata`RowKey eq ${LEGACY_STALE_ROW}`}) and ${odata`at lt ${beforeIso}`}`;
    const out: { scope: TallyScope; intent: TallyIntent }[] = [];
    await this.a.call(async (abortSignal, progress) => {
      for await (const e of this.a.tables.tallies.listEntities<Record<string, unknown>>({ queryOptions: { filter }, abortSignal })) {
        progress();
        const [formId, fiscalYear, basis] = String(e.partitionKey).split('|');
        out.push({ scope: { formId, fiscalYear: Number(fiscalYear), basis: basis as TallyBasis }, intent: intentOf(e) });
        if (out.length >= limit) break;
      }
    });
    return out;
  }
}
