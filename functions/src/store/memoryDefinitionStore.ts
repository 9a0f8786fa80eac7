import type { PublishedDefinition } from '@returns-hub/shared/definitions/versionsByYear';
import type { DefinitionHead, DefinitionStore, PublishResult } from './definitionStore';

/** The definition store in memory: the same contract as the Table one (test/integration/definitionStoreContract.ts). */
export class MemoryDefinitionStore implements DefinitionStore {
  private readonly versions: PublishedDefinition[] = [];
  private readonly heads = new Map<string, DefinitionHead>();
  private tag = 0;

  async listPublished(): Promise<PublishedDefinition[]> {
    return structuredClone(this.versions);
  }

  async head(id: string): Promise<DefinitionHead | null> {
    return this.heads.get(id) ?? null;
  }

  async publish(p: PublishedDefinition, etag: string | null): Promise<PublishResult> {
    const head = this.heads.get(p.id) ?? null;
    if ((head?.etag ?? null) !== etag || p.version !== (head?.version ?? 0) + 1) return { ok: false, conflict: 'etag' };
    this.versions.push(structuredClone(p));
    const next = { id: p.id, version: p.version, etag: `m${++this.tag}` };
    this.heads.set(p.id, next);
    return { ok: true, head: next };
  }

  async generation(): Promise<string | null> {
    return this.tag ? `m${this.tag}` : null;
  }
}
