import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { aggregateSchema, type Aggregate, type AggregateKey } from '@returns-hub/shared/consolidate/aggregate';
import { contributionSchema } from '@returns-hub/shared/consolidate/contribution';
import { getJson, putJson } from './jsonProps';
import { keyText } from './keys';
import { isStatus } from './storageErrors';
import { FILTER_COMPARISONS, type Entity, type TableAccess } from './tableAccess';
import type { AppliedShare, CommitResult, ShareKey, StaleMark, Stored, TallyScope, TallyStore, TallyWrite } from './tallyStore';

/** One partition per scope: a commit (one transaction) can touch any of its entities. */
const partitionOf = (s: TallyScope) => `${s.formId}|${s.fiscalYear}|${s.basis}`;
/** Aggregates sort by period and level, so a tally reads one key range. */
const aggregateRow = (k: AggregateKey) => `a|${k.period}|${k.by}|${keyText(k.group)}`;
/** A return's shares sort together, whatever their period. */
const sharePrefix = (orgUnit: string, subject: string | null) => `s|${keyText(orgUnit)}|${keyText(subject ?? '-')}|`;
const shareRow = (k: ShareKey) => sharePrefix(k.orgUnit, k.subject) + k.period;
const STALE_ROW = 'stale';
/** Entities of a scope whose row key starts with `prefix`. */
const rowsFrom = (pk: string, prefix: string) => odata`PartitionKey eq ${pk} and RowKey ge ${prefix} and RowKey lt ${prefix + '~'}`;

/** An aggregate emptied (`null`) stays as an entity: a transaction cannot remove an entity on condition of its ETag. */
function aggregateEntity(pk: string, key: AggregateKey, a: Aggregate | null): TableEntity {
  const e: Record<string, unknown> = { partitionKey: pk, rowKey: aggregateRow(key), period: key.period, by: key.by, group: key.group };
  putJson(e, 'aggregate', a);
  return e as TableEntity;
}

function shareEntity(pk: string, s: AppliedShare): TableEntity {
  const e: Record<string, unknown> = { partitionKey: pk, rowKey: shareRow(s), orgUnit: s.orgUnit, subject: s.subject ?? '', period: s.period, revision: s.revision };
  putJson(e, 'contribution', s.contribution);
  return e as TableEntity;
}

function aggregateOf(e: Entity): { key: AggregateKey; aggregate: Aggregate | null } {
  const by = String(e.by);
  if (by !== 'district' && by !== 'zone' && by !== 'region' && by !== 'hq') throw new Error(`Aggregate ${String(e.rowKey)} has no grouping level`);
  const a = getJson<unknown>(e, 'aggregate');
  return { key: { period: String(e.period), by, group: String(e.group) }, aggregate: a === null ? null : aggregateSchema.parse(a) };
}

const present = <T extends { aggregate: Aggregate | null }>(x: T): x is T & { aggregate: Aggregate } => x.aggregate !== null;

function shareOf(e: Entity): AppliedShare {
  const c = getJson<unknown>(e, 'contribution');
  return {
    orgUnit: String(e.orgUnit),
    subject: e.subject ? String(e.subject) : null,
    period: String(e.period),
    revision: Number(e.revision),
    contribution: c === null ? null : contributionSchema.parse(c),
  };
}

/**
 * Running aggregates in the `tallies` table, one partition per (form, fiscal year, basis):
 * `a|<period>|<level>|<group>` holds a group's aggregate (emptied, not removed, when its last share goes), `s|<unit>|<subject>|<period>` what a
 * return last added (so applying twice changes nothing, and a missed update is made good by
 * the next), `stale` a mark left by an update that could not be applied.
 */
export class TableTallyStore implements TallyStore {
  /** A transaction holds at most 100 entities. */
  readonly commitLimit = 100;

  constructor(private readonly a: TableAccess<'tallies'>) {}

  private list(filter: string): Promise<Entity[]> {
    return this.a.list('tallies', filter);
  }

  private find(pk: string, rk: string): Promise<Entity | null> {
    return this.a.find('tallies', pk, rk);
  }

  async sharesOf(scope: TallyScope, returns: { orgUnit: string; subject: string | null; period?: string }[]): Promise<Stored<AppliedShare>[]> {
    const pk = partitionOf(scope);
    // An exact key is one comparison, a key range two: each filter stays within the comparisons allowed.
    const terms = [
      ...new Set(
        returns.map((r) => {
          const prefix = sharePrefix(r.orgUnit, r.subject);
          return r.period === undefined ? `(${odata`RowKey ge ${prefix} and RowKey lt ${prefix + '~'}`})` : odata`RowKey eq ${prefix + r.period}`;
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
    const pages = await Promise.all(filters.filter((f) => f.length).map((f) => this.list(`${odata`PartitionKey eq ${pk}`} and (${f.join(' or ')})`)));
    const wanted = new Set(returns.map((r) => `${r.orgUnit}\u0000${r.subject ?? ''}`));
    // A subject may hold `|`: a key range can take in another subject that starts with this one.
    return pages
      .flat()
      .map((e) => ({ value: shareOf(e), etag: e.etag }))
      .filter((s) => wanted.has(`${s.value.orgUnit}\u0000${s.value.subject ?? ''}`));
  }

  async getAggregates(scope: TallyScope, keys: AggregateKey[]): Promise<(Stored<Aggregate | null> | null)[]> {
    const found = new Map((await this.a.findMany('tallies', partitionOf(scope), keys.map(aggregateRow))).map((e) => [String(e.rowKey), e]));
    return keys.map((k) => {
      const e = found.get(aggregateRow(k));
      return e ? { value: aggregateOf(e).aggregate, etag: e.etag } : null;
    });
  }

  async listAggregates(scope: TallyScope, period: string, by: AggregateKey['by']): Promise<{ key: AggregateKey; aggregate: Aggregate }[]> {
    return (await this.list(rowsFrom(partitionOf(scope), `a|${period}|${by}|`))).map(aggregateOf).filter(present);
  }

  async listScope(scope: TallyScope) {
    const all = await this.list(odata`PartitionKey eq ${partitionOf(scope)}`);
    const stale = all.find((e) => e.rowKey === STALE_ROW);
    return {
      shares: all.filter((e) => String(e.rowKey).startsWith('s|')).map((e) => ({ value: shareOf(e), etag: e.etag })),
      aggregates: all.filter((e) => String(e.rowKey).startsWith('a|')).map((e) => ({ value: aggregateOf(e), etag: e.etag })),
      stale: stale ? { value: { at: String(stale.at), reason: String(stale.reason) }, etag: stale.etag } : null,
    };
  }

  async commit(scope: TallyScope, writes: TallyWrite[]): Promise<CommitResult> {
    if (writes.length === 0) return { ok: true };
    if (writes.length > this.commitLimit) throw new Error(`A tally commit of ${writes.length} writes; at most ${this.commitLimit}`);
    const pk = partitionOf(scope);
    const actions: TransactionAction[] = writes.flatMap((w): TransactionAction[] => {
      if (w.kind === 'aggregate' && w.value === null && !w.etag) return []; // nothing there, nothing to keep
      const entity = w.kind === 'share' ? shareEntity(pk, w.value) : aggregateEntity(pk, w.key, w.value);
      return [w.etag ? ['update', entity, 'Replace', { etag: w.etag }] : ['create', entity]];
    });
    if (actions.length === 0) return { ok: true };
    try {
      await this.a.call((abortSignal) => this.a.tables.tallies.submitTransaction(actions, { abortSignal }));
      return { ok: true };
    } catch (e) {
      // 412: an entity changed since it was read; 409: one was created meanwhile.
      if (isStatus(e, 409, 412)) return { ok: false, conflict: true };
      throw e;
    }
  }

  async markStale(scope: TallyScope, mark: StaleMark): Promise<void> {
    const e = { partitionKey: partitionOf(scope), rowKey: STALE_ROW, at: mark.at, reason: mark.reason.slice(0, 1_000) };
    await this.a.call((abortSignal) => this.a.tables.tallies.upsertEntity(e, 'Replace', { abortSignal }));
  }

  async staleOf(scope: TallyScope): Promise<Stored<StaleMark> | null> {
    const e = await this.find(partitionOf(scope), STALE_ROW);
    return e ? { value: { at: String(e.at), reason: String(e.reason) }, etag: e.etag } : null;
  }

  async clearStale(scope: TallyScope, etag: string): Promise<CommitResult> {
    try {
      await this.a.call((abortSignal) => this.a.tables.tallies.deleteEntity(partitionOf(scope), STALE_ROW, { etag, abortSignal }));
      return { ok: true };
    } catch (e) {
      if (isStatus(e, 404, 412)) return { ok: false, conflict: true };
      throw e;
    }
  }
}
