import { VersionedDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import type { DefinitionDocument } from '@returns-hub/shared/definitions/definitionDocument';
import type { DefinitionStore } from '../store/definitionStore';

/** How long the definitions are used before the store is asked whether anything was published (another instance may have). */
export const DEFINITIONS_REVALIDATE_MS = 5_000;

/**
 * The definitions the API works with: the built-in ones and everything headquarters published,
 * by fiscal year. Read from the store when its generation changes (asked at most every
 * `revalidateMs`); a publish through this process is seen at once.
 */
export class PublishedDefinitions {
  private cached: { generation: string | null; definitions: VersionedDefinitions; checkedAt: number } | null = null;
  private loading: Promise<VersionedDefinitions> | null = null;

  constructor(
    private readonly store: () => Promise<DefinitionStore>,
    private readonly builtIn: readonly DefinitionDocument[],
    private readonly revalidateMs = DEFINITIONS_REVALIDATE_MS,
    private readonly now = () => Date.now(),
  ) {}

  current(): Promise<VersionedDefinitions> {
    const c = this.cached;
    if (c && this.now() - c.checkedAt < this.revalidateMs) return Promise.resolve(c.definitions);
    return (this.loading ??= this.load().finally(() => (this.loading = null)));
  }

  /** Forgets what was read: the next request reads the store (after this process published). */
  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<VersionedDefinitions> {
    const store = await this.store();
    const generation = await store.generation();
    const c = this.cached;
    if (c && c.generation === generation) {
      c.checkedAt = this.now();
      return c.definitions;
    }
    const definitions = new VersionedDefinitions(this.builtIn, generation === null ? [] : await store.listPublished());
    this.cached = { generation, definitions, checkedAt: this.now() };
    return definitions;
  }
}
