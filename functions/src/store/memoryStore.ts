import { randomUUID } from 'node:crypto';
import type { TypedRow } from '@returns-hub/shared/check/checkedReturn';
import type { Aggregate, AggregateKey } from '@returns-hub/shared/consolidate/aggregate';
import type { LockException, ReviewEvent } from '@returns-hub/shared/review/reviewSchemas';
import type { ReviewState } from '../domain/reviewState';
import { periodPartition, returnRowKey, type ReturnKey } from './keys';
import { splitRecord, type ReturnSummary, type StoredReturn } from './storedReturn';
import { SWEEP_LIMIT, type CommitReport, type CurrentReturn, type NewVersion, type ReturnStore, type StoreBounds, type SweepReport, type VersionOutcome } from './returnStore';
import type { AppliedShare, CommitResult, ReturnIntent, ShareKey, Stored, TallyIntent, TallyRead, TallyScope, TallyStore, TallyWrite } from './tallyStore';
import type { ClaimResult, IdempotencyStore } from './idempotencyStore';
import type { AuditEntry, ReviewRecord, ReviewStore, SetReviewResult } from './reviewStore';
import { StorageUnavailable } from './storageUnavailable';
import { MemoryDefinitionStore } from './memoryDefinitionStore';

/**
 * The storage ports in memory: the same contracts as the Table Storage stores (the contract
 * suites run against both), for service and controller tests that are not about storage.
 * Values are copied in and out as storage would; ETags are counters. `fault` lets a test make
 * any operation fail as an unavailable storage would.
 */
export class MemoryStorage {
  readonly returns: MemoryReturnStore;
  readonly reviews: MemoryReviewStore;
  readonly definitions = new MemoryDefinitionStore();
  /** Called before each operation with its name (`pointers.switch`, `tallies.commit`, …) and, for some, what it touches (a write id): throw to make it fail. */
  fault: (operation: string, target?: string) => void = () => undefined;
  /** Called after each operation was done: throw to lose its answer (the work stays done). */
  faultAfter: (operation: string) => void = () => undefined;
  private n = 0;

  constructor(bounds?: Partial<StoreBounds>) {
    this.returns = new MemoryReturnStore(this, bounds);
    this.reviews = new MemoryReviewStore(this);
  }

  /** A fresh ETag. */
  etag(): string {
    return `m${++this.n}`;
  }

  /** Runs one operation: the fault hook first, then the work on copies. */
  async op<T>(name: string, work: () => T, target?: string): Promise<T> {
    await Promise.resolve(); // storage answers later, never synchronously
    this.fault(name, target);
    const out = structuredClone(work());
    this.faultAfter(name);
    return out;
  }

  /** Pointers by form and period, then by return: the current version, its review, its ETag. */
  private readonly pointerPartitions = new Map<string, Map<string, Pointer>>();

  pointer(k: ReturnKey): Pointer | undefined {
    return this.pointerPartitions.get(periodPartition(k.formId, k.fiscalYear, k.period))?.get(returnRowKey(k));
  }

  setPointer(k: ReturnKey, p: Pointer): void {
    const pk = periodPartition(k.formId, k.fiscalYear, k.period);
    if (!this.pointerPartitions.has(pk)) this.pointerPartitions.set(pk, new Map());
    this.pointerPartitions.get(pk)!.set(returnRowKey(k), p);
  }

  /** The pointers of one form and period. */
  partition(formId: string, fiscalYear: number, period: string): Pointer[] {
    return [...(this.pointerPartitions.get(periodPartition(formId, fiscalYear, period))?.values() ?? [])];
  }
}

interface Pointer {
  record: StoredReturn;
  review: ReviewState | null;
  etag: string;
}

/** Makes every operation named by `names` (or all) fail as a storage that does not answer. */
export function unavailableFor(names?: string[]): (operation: string) => void {
  return (operation) => {
    if (!names || names.some((n) => operation.startsWith(n))) throw new StorageUnavailable(`${operation}: injected`);
  };
}

const pointerId = (k: ReturnKey) => `${periodPartition(k.formId, k.fiscalYear, k.period)}\n${returnRowKey(k)}`;
const keyOf = (r: ReturnKey): ReturnKey => ({ formId: r.formId, fiscalYear: r.fiscalYear, period: r.period, orgUnit: r.orgUnit, subject: r.subject });
const scopeOf = (k: ReturnKey): TallyScope => ({ formId: k.formId, fiscalYear: k.fiscalYear, basis: 'all' });
const summaryOf = (r: StoredReturn): ReturnSummary => splitRecord(r).summary;

/** Transactions of pointers hold ≤100 returns of one form and period, as on Table Storage. */
const GROUP = 100;

export class MemoryReturnStore implements ReturnStore {
  readonly bounds: StoreBounds;
  readonly tallies: MemoryTallyStore;
  readonly keys: MemoryIdempotencyStore;
  private readonly versionsOf = new Map<string, Map<number, StoredReturn>>();
  private readonly rowsOf = new Map<string, TypedRow[]>();
  /** The write log: writes begun and not yet settled. */
  private readonly log = new Map<string, { writeId: string; key: ReturnKey; startedAt: string }>();

  constructor(
    private readonly s: MemoryStorage,
    bounds: Partial<StoreBounds> = {},
  ) {
    this.bounds = { subjectChars: 1_000, rowJsonChars: 60_000, recordJsonChars: 8_000_000, requestRows: 100_000, ...bounds };
    this.tallies = new MemoryTallyStore(s);
    this.keys = new MemoryIdempotencyStore(s);
  }

  current(keys: ReturnKey[]): Promise<(CurrentReturn | null)[]> {
    return this.s.op('pointers.read', () =>
      keys.map((k) => {
        const p = this.s.pointer(k);
        return p ? { record: p.record, etag: p.etag } : null;
      }),
    );
  }

  list(formId: string, fiscalYear: number, period: string, orgUnit?: string): Promise<ReturnSummary[]> {
    return this.s.op('pointers.list', () =>
      this.s
        .partition(formId, fiscalYear, period)
        .map((p) => p.record)
        .filter((r) => orgUnit === undefined || r.orgUnit === orgUnit)
        .map(summaryOf),
    );
  }

  versions(k: ReturnKey): Promise<ReturnSummary[]> {
    return this.s.op('versions.list', () => [...(this.versionsOf.get(pointerId(k))?.values() ?? [])].sort((a, b) => a.version - b.version).map(summaryOf));
  }

  version(k: ReturnKey, version: number): Promise<StoredReturn | null> {
    return this.s.op('versions.read', () => this.versionsOf.get(pointerId(k))?.get(version) ?? null);
  }

  rows(writeId: string): Promise<TypedRow[]> {
    return this.s.op('rows.read', () => this.rowsOf.get(writeId) ?? []);
  }

  private putVersions(rs: StoredReturn[]): Promise<void> {
    return this.s.op('versions.write', () => {
      for (const r of rs) {
        const id = pointerId(r);
        if (!this.versionsOf.has(id)) this.versionsOf.set(id, new Map());
        this.versionsOf.get(id)!.set(r.version, structuredClone(r));
      }
    });
  }

  private async discard(records: StoredReturn[]): Promise<void> {
    try {
      await this.s.op('rows.delete', () => records.forEach((r) => this.rowsOf.delete(r.writeId)));
      for (const r of records) await this.tallies.forget(scopeOf(r), [r.writeId]);
      await this.s.op('writes.end', () => records.forEach((r) => this.log.delete(r.writeId)));
    } catch (e) {
      if (!(e instanceof StorageUnavailable)) throw e;
    }
  }

  async commit(versions: NewVersion[]): Promise<CommitReport> {
    const startedAt = new Date().toISOString();
    const records: StoredReturn[] = versions.map((v) => ({ ...structuredClone(v.record), writeId: randomUUID() }));
    const outcomes: VersionOutcome[] = records.map(() => ({ state: 'not_stored' }));
    // Groups as Table Storage makes them: one form and period, ≤100 returns.
    const byPartition = new Map<string, number[]>();
    for (const [i, r] of records.entries()) {
      const pk = periodPartition(r.formId, r.fiscalYear, r.period);
      byPartition.set(pk, [...(byPartition.get(pk) ?? []), i]);
    }
    const groups = [...byPartition.values()].flatMap((is) => Array.from({ length: Math.ceil(is.length / GROUP) }, (_, g) => is.slice(g * GROUP, (g + 1) * GROUP)));
    try {
      await this.s.op('writes.begin', () => records.forEach((r) => this.log.set(r.writeId, { writeId: r.writeId, key: keyOf(r), startedAt })));
      for (const r of records) await this.tallies.intend(scopeOf(r), [{ kind: 'return', id: r.writeId, orgUnit: r.orgUnit, subject: r.subject, period: r.period, revision: r.version, at: startedAt }]);
      for (const [i, r] of records.entries()) await this.s.op('rows.write', () => void this.rowsOf.set(r.writeId, structuredClone(versions[i].rows)));
      await this.putVersions(versions.flatMap((v) => (v.replaces ? [v.replaces.record] : [])));
    } catch (e) {
      if (!(e instanceof StorageUnavailable)) throw e;
      return { outcomes, failed: { step: 'prepare', reason: e.reason } };
    }
    for (const [g, group] of groups.entries()) {
      let ok: boolean;
      try {
        ok = await this.s.op('pointers.switch', () => {
          const fresh = group.every((i) => (this.s.pointer(records[i])?.etag ?? null) === (versions[i].replaces?.etag ?? null));
          if (fresh) for (const i of group) this.s.setPointer(records[i], { record: structuredClone(records[i]), review: null, etag: this.s.etag() });
          return fresh;
        });
      } catch (e) {
        if (!(e instanceof StorageUnavailable)) throw e;
        for (const i of group) outcomes[i] = { state: 'unknown' };
        await this.discard(groups.slice(g + 1).flatMap((is) => is.map((i) => records[i])));
        return { outcomes, failed: { step: 'switch', reason: e.reason } };
      }
      if (!ok) {
        for (const i of group) outcomes[i] = { state: 'conflict' };
        await this.discard(groups.slice(g).flatMap((is) => is.map((i) => records[i])));
        return { outcomes, failed: null };
      }
      for (const i of group) outcomes[i] = { state: 'stored', record: records[i] };
    }
    try {
      await this.putVersions(records);
      await this.s.op('writes.end', () => records.forEach((r) => this.log.delete(r.writeId)));
    } catch (e) {
      if (!(e instanceof StorageUnavailable)) throw e;
    }
    return { outcomes, failed: null };
  }

  async sweep(beforeIso: string, limit = SWEEP_LIMIT): Promise<SweepReport> {
    const report: SweepReport = { checked: 0, removed: 0, failed: [] };
    const due = await this.s.op('writes.list', () =>
      [...this.log.values()]
        .filter((w) => w.startedAt < beforeIso)
        .sort((x, y) => `${x.startedAt}|${x.writeId}`.localeCompare(`${y.startedAt}|${y.writeId}`))
        .slice(0, limit),
    );
    for (const w of due) {
      report.checked++;
      try {
        const [current] = await this.current([w.key]);
        const held = current?.record.writeId === w.writeId || (await this.versions(w.key)).some((v) => v.writeId === w.writeId);
        if (!held) {
          await this.s.op('rows.delete', () => this.rowsOf.delete(w.writeId), w.writeId);
          await this.tallies.forget(scopeOf(w.key), [w.writeId]);
          report.removed++;
        }
        await this.s.op('writes.end', () => this.log.delete(w.writeId));
      } catch (e) {
        report.failed.push({ writeId: w.writeId, reason: e instanceof Error ? e.message : String(e) });
        // To the back of the log (storage failing leaves it where it was).
        await this.s.op('writes.requeue', () => this.log.set(w.writeId, { ...w, startedAt: new Date().toISOString() })).catch(() => undefined);
      }
    }
    return report;
  }

  /** Writes still in the log (for tests: what a commit left). */
  logged(): { writeId: string; key: ReturnKey; startedAt: string }[] {
    return structuredClone([...this.log.values()]);
  }
}

type TallyRow = { kind: 'share'; value: AppliedShare } | { kind: 'aggregate'; key: AggregateKey; value: Aggregate | null } | { kind: 'intent'; value: TallyIntent };

const scopeKey = (s: TallyScope) => `${s.formId}|${s.fiscalYear}|${s.basis}`;
const shareRow = (k: ShareKey) => `s\u0000${k.orgUnit}\u0000${k.subject ?? ''}\u0000${k.period}`;
const aggregateRow = (k: AggregateKey) => `a\u0000${k.period}\u0000${k.by}\u0000${k.group}`;
const intentRow = (id: string) => `i\u0000${id}`;

export class MemoryTallyStore implements TallyStore {
  readonly commitLimit: number = 100;
  private readonly scopes = new Map<string, { scope: TallyScope; rows: Map<string, TallyRow & { etag: string }> }>();
  /** Commits made (tests count them). */
  commits = 0;

  constructor(private readonly s: MemoryStorage) {}

  private rowsOf(scope: TallyScope) {
    const id = scopeKey(scope);
    if (!this.scopes.has(id)) this.scopes.set(id, { scope: { ...scope }, rows: new Map() });
    return this.scopes.get(id)!.rows;
  }

  sharesOf(scope: TallyScope, returns: { orgUnit: string; subject: string | null; period?: string }[]) {
    const mine = (x: ShareKey) => returns.some((r) => r.orgUnit === x.orgUnit && (r.subject ?? null) === (x.subject ?? null) && (r.period === undefined || r.period === x.period));
    return this.s.op('tallies.read', () => {
      const rows = [...this.rowsOf(scope).values()];
      return {
        shares: rows.flatMap((r) => (r.kind === 'share' && mine(r.value) ? [{ value: r.value, etag: r.etag }] : [])),
        intents: rows.flatMap((r) => (r.kind === 'intent' && r.value.kind === 'return' && mine(r.value) ? [{ value: r.value, etag: r.etag } as Stored<ReturnIntent>] : [])),
      };
    });
  }

  getAggregates(scope: TallyScope, keys: AggregateKey[]): Promise<(Stored<Aggregate | null> | null)[]> {
    return this.s.op('tallies.read', () =>
      keys.map((k) => {
        const r = this.rowsOf(scope).get(aggregateRow(k));
        return r?.kind === 'aggregate' ? { value: r.value, etag: r.etag } : null;
      }),
    );
  }

  read(scope: TallyScope, period: string, by: AggregateKey['by']): Promise<TallyRead> {
    return this.s.op('tallies.read', () => {
      const rows = [...this.rowsOf(scope).values()];
      return {
        aggregates: rows.flatMap((r) => (r.kind === 'aggregate' && r.value && r.key.period === period && r.key.by === by ? [{ key: r.key, aggregate: r.value }] : [])),
        pending: rows.flatMap((r) => (r.kind === 'intent' ? [r.value] : [])),
      };
    });
  }

  listScope(scope: TallyScope) {
    return this.s.op('tallies.read', () => {
      const rows = [...this.rowsOf(scope).values()];
      return {
        shares: rows.flatMap((r) => (r.kind === 'share' ? [{ value: r.value, etag: r.etag }] : [])),
        aggregates: rows.flatMap((r) => (r.kind === 'aggregate' ? [{ value: { key: r.key, aggregate: r.value }, etag: r.etag }] : [])),
        intents: rows.flatMap((r) => (r.kind === 'intent' ? [{ value: r.value, etag: r.etag }] : [])),
      };
    });
  }

  commit(scope: TallyScope, writes: TallyWrite[]): Promise<CommitResult> {
    if (writes.length > this.commitLimit) throw new Error(`A tally commit of ${writes.length} writes; at most ${this.commitLimit}`);
    return this.s.op('tallies.commit', (): CommitResult => {
      this.commits++;
      const rows = this.rowsOf(scope);
      const rowOf = (w: TallyWrite) => (w.kind === 'share' ? shareRow(w.key) : w.kind === 'aggregate' ? aggregateRow(w.key) : intentRow(w.id));
      const fresh = writes.every((w) => (w.kind === 'settle' ? rows.has(rowOf(w)) : (rows.get(rowOf(w))?.etag ?? null) === w.etag || (w.kind === 'aggregate' && !w.value && !w.etag)));
      if (!fresh) return { ok: false, conflict: true };
      for (const w of writes) {
        if (w.kind === 'settle') rows.delete(rowOf(w));
        else if (w.kind === 'share') rows.set(rowOf(w), { kind: 'share', value: structuredClone(w.value), etag: this.s.etag() });
        else if (w.value !== null || w.etag) rows.set(rowOf(w), { kind: 'aggregate', key: { ...w.key }, value: structuredClone(w.value), etag: this.s.etag() });
      }
      return { ok: true };
    });
  }

  intend(scope: TallyScope, intents: TallyIntent[]): Promise<void> {
    return this.s.op('tallies.intend', () => {
      for (const i of intents) this.rowsOf(scope).set(intentRow(i.id), { kind: 'intent', value: structuredClone(i), etag: this.s.etag() });
    });
  }

  forget(scope: TallyScope, ids: string[]): Promise<void> {
    return this.s.op('tallies.forget', () => ids.forEach((id) => this.rowsOf(scope).delete(intentRow(id))));
  }

  pending(beforeIso: string, limit: number): Promise<{ scope: TallyScope; intent: TallyIntent }[]> {
    return this.s.op('tallies.pending', () =>
      [...this.scopes.values()].flatMap(({ scope, rows }) => [...rows.values()].flatMap((r) => (r.kind === 'intent' && r.value.at < beforeIso ? [{ scope, intent: r.value }] : []))).slice(0, limit),
    );
  }
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly claims = new Map<string, { bodyHash: string; response: unknown }>();
  constructor(private readonly s: MemoryStorage) {}

  claim(scope: string, key: string, bodyHash: string): Promise<ClaimResult> {
    return this.s.op('idempotency.claim', (): ClaimResult => {
      const id = `${scope}\n${key}`;
      const existing = this.claims.get(id);
      if (existing) return { claimed: false, existing };
      this.claims.set(id, { bodyHash, response: null });
      return { claimed: true };
    });
  }

  complete(scope: string, key: string, bodyHash: string, response: unknown): Promise<void> {
    return this.s.op('idempotency.complete', () => void this.claims.set(`${scope}\n${key}`, { bodyHash, response: structuredClone(response) }));
  }
}

export class MemoryReviewStore implements ReviewStore {
  private readonly audit = new Map<string, AuditEntry>();
  private readonly exceptions = new Map<string, LockException>();
  private readonly exceptionEvents = new Map<string, ReviewEvent[]>();
  constructor(private readonly s: MemoryStorage) {}

  private recordOf(p: Pointer): ReviewRecord {
    const r = p.record;
    return {
      key: keyOf(r),
      version: r.version,
      submittedAt: r.submittedAt,
      submittedBy: r.submittedBy,
      fileName: r.fileName,
      rowCount: r.rowCount,
      warnings: r.warnings,
      state: p.review && p.review.version === r.version ? p.review : null,
      etag: p.etag,
    };
  }

  get(k: ReturnKey): Promise<ReviewRecord | null> {
    return this.s.op('reviews.read', () => {
      const p = this.s.pointer(k);
      return p ? this.recordOf(p) : null;
    });
  }

  getMany(keys: ReturnKey[]): Promise<(ReviewRecord | null)[]> {
    return this.s.op('reviews.read', () =>
      keys.map((k) => {
        const p = this.s.pointer(k);
        return p ? this.recordOf(p) : null;
      }),
    );
  }

  list(formId: string, fiscalYear: number, period: string): Promise<ReviewRecord[]> {
    return this.s.op('reviews.list', () => this.s.partition(formId, fiscalYear, period).map((p) => this.recordOf(p)));
  }

  setState(k: ReturnKey, state: ReviewState, etag: string): Promise<SetReviewResult> {
    return this.s.op('reviews.write', (): SetReviewResult => {
      const p = this.s.pointer(k);
      if (!p || p.etag !== etag) return { ok: false, conflict: true };
      this.s.setPointer(k, { ...p, review: structuredClone(state), etag: this.s.etag() });
      return { ok: true };
    });
  }

  putEvents(entries: AuditEntry[]): Promise<void> {
    return this.s.op('audit.write', () => entries.forEach((e) => this.audit.set(`${pointerId(e.key)}\n${e.event.version}\n${e.seq}`, structuredClone(e))));
  }

  listEvents(k: ReturnKey): Promise<{ seq: number; event: ReviewEvent }[]> {
    return this.s.op('audit.list', () =>
      [...this.audit.values()]
        .filter((e) => pointerId(e.key) === pointerId(k))
        .sort((a, b) => a.event.version - b.event.version || a.seq - b.seq)
        .map(({ seq, event }) => ({ seq, event })),
    );
  }

  getException(formId: string, fiscalYear: number, period: string, orgUnit: string): Promise<LockException | null> {
    return this.s.op('exceptions.read', () => this.exceptions.get(`${periodPartition(formId, fiscalYear, period)}\n${orgUnit}`) ?? null);
  }

  listExceptions(formId: string, fiscalYear: number, period: string): Promise<LockException[]> {
    const prefix = `${periodPartition(formId, fiscalYear, period)}\n`;
    return this.s.op('exceptions.list', () => [...this.exceptions].filter(([id]) => id.startsWith(prefix)).map(([, x]) => x));
  }

  putException(formId: string, fiscalYear: number, period: string, x: LockException, event: ReviewEvent): Promise<void> {
    const id = `${periodPartition(formId, fiscalYear, period)}\n${x.orgUnit}`;
    return this.s.op('exceptions.write', () => {
      this.exceptionEvents.set(id, [...(this.exceptionEvents.get(id) ?? []), structuredClone(event)]);
      this.exceptions.set(id, structuredClone(x));
    });
  }

  listExceptionEvents(formId: string, fiscalYear: number, period: string, orgUnit: string): Promise<ReviewEvent[]> {
    return this.s.op('audit.list', () => this.exceptionEvents.get(`${periodPartition(formId, fiscalYear, period)}\n${orgUnit}`) ?? []);
  }
}
