import type { ApiConfig } from './config';
import type { Deps } from './http/endpoint';
import type { ReturnStore } from './store/returnStore';
import { TableReturnStore, type StorageSource, type TableStoreOptions } from './store/tableReturnStore';
import type { ReviewStore } from './store/reviewStore';
import { TableReviewStore } from './store/tableReviewStore';
import type { MemoryStorage } from './store/memoryStore';
import { AuthThrottle } from './http/authThrottle';
import { BUILT_IN_DOCUMENTS } from './definitions/builtInDefinitions';
import { PublishedDefinitions } from './definitions/publishedDefinitions';
import type { DefinitionStore } from './store/definitionStore';
import { TableDefinitionStore } from './store/tableDefinitionStore';

/** A connection string as it is; an account URL with the managed identity (`DefaultAzureCredential` reads AZURE_CLIENT_ID). */
export function storageSource(config: ApiConfig): StorageSource {
  if (!('accountUrl' in config.storage)) return config.storage;
  // Loaded only for a real account: the identity library is large, and Azurite needs none of it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous, when storage is first opened
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
  return { accountUrl: config.storage.accountUrl, credential: new DefaultAzureCredential() };
}

/**
 * Wires config and a lazily opened store (tables are created on first use); or, for tests that
 * are not about storage, the stores of a `MemoryStorage`.
 */
export function makeDeps(config: ApiConfig, opts: { additionalPolicies?: TableStoreOptions['additionalPolicies']; memory?: MemoryStorage } = {}): Deps {
  const memory = opts.memory;
  const authThrottle = new AuthThrottle();
  let openingDefinitions: Promise<DefinitionStore> | null = null;
  const definitionStore = memory
    ? async () => memory.definitions
    : () =>
        (openingDefinitions ??= TableDefinitionStore.open(storageSource(config), { timeoutMs: config.storageTimeoutMs, additionalPolicies: opts.additionalPolicies }).catch((e) => {
          openingDefinitions = null;
          throw e;
        }));
  const published = new PublishedDefinitions(definitionStore, BUILT_IN_DOCUMENTS);
  const definitions = { definitions: () => published.current(), definitionStore, definitionsPublished: () => published.invalidate() };
  if (memory) return { config, authThrottle, ...definitions, store: async () => memory.returns, reviews: async () => memory.reviews };
  let opening: Promise<ReturnStore> | null = null;
  let openingReviews: Promise<ReviewStore> | null = null;
  return {
    config,
    authThrottle,
    ...definitions,
    reviews: () =>
      (openingReviews ??= TableReviewStore.open(storageSource(config), { timeoutMs: config.storageTimeoutMs, additionalPolicies: opts.additionalPolicies }).catch((e) => {
        openingReviews = null;
        throw e;
      })),
    store: () => {
      opening ??= TableReturnStore.open(storageSource(config), { timeoutMs: config.storageTimeoutMs, additionalPolicies: opts.additionalPolicies }).catch((e) => {
        opening = null; // storage down: try again on the next request
        throw e;
      });
      return opening;
    },
  };
}
