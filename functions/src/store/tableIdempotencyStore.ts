import type { TableEntity } from '@azure/data-tables';
import { getJson, putJson } from './jsonProps';
import { escapeKey } from './keys';
import { isStatus } from './storageErrors';
import type { TableAccess } from './tableAccess';
import type { ClaimResult, IdempotencyStore } from './idempotencyStore';

/** Idempotency claims in the `idempotency` table: a partition per caller scope, a row per key. */
export class TableIdempotencyStore implements IdempotencyStore {
  constructor(private readonly a: TableAccess<'idempotency'>) {}

  async claim(scope: string, key: string, bodyHash: string): Promise<ClaimResult> {
    const pk = escapeKey(scope);
    const rk = escapeKey(key);
    try {
      await this.a.call((abortSignal) => this.a.tables.idempotency.createEntity({ partitionKey: pk, rowKey: rk, bodyHash, at: new Date().toISOString(), response_n: 0 }, { abortSignal }));
      return { claimed: true };
    } catch (e) {
      if (!isStatus(e, 409)) throw e;
    }
    const e = await this.a.find('idempotency', pk, rk);
    if (!e) throw new Error(`Idempotency claim ${pk}/${rk} conflicted but cannot be read`);
    return { claimed: false, existing: { bodyHash: String(e.bodyHash), response: getJson<unknown>(e, 'response') } };
  }

  async complete(scope: string, key: string, bodyHash: string, response: unknown): Promise<void> {
    const e: Record<string, unknown> = { partitionKey: escapeKey(scope), rowKey: escapeKey(key), bodyHash, at: new Date().toISOString() };
    putJson(e, 'response', response);
    await this.a.call((abortSignal) => this.a.tables.idempotency.upsertEntity(e as TableEntity, 'Replace', { abortSignal }));
  }
}
