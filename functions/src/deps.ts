import { DefaultAzureCredential } from '@azure/identity';
import type { ApiConfig } from './config';
import type { Deps } from './http/endpoint';
import type { ReturnStore } from './store/returnStore';
import { TableReturnStore, type StorageSource, type TableStoreOptions } from './store/tableReturnStore';
import type { ReviewStore } from './store/reviewStore';
import { TableReviewStore } from './store/tableReviewStore';
import { BUILT_IN_DOCUMENTS } from './definitions/builtInDefinitions';
import { PublishedDefinitions } from './definitions/publishedDefinitions';
import type { DefinitionStore } from './store/definitionStore';
import { TableDefinitionStore } from './store/tableDefinitionStore';

/** A connection string as it is; an account URL with the managed identity (`DefaultAzureCredential` reads AZURE_CLIENT_ID). */
export function storageSource(config: ApiConfig): StorageSource {
  return 'accountUrl' in config.storage ? { accountUrl: config.storage.accountUrl, credential: new DefaultAzureCredential() } : config.storage;
}

/** Wires config and a lazily opened store (tables are created on first use). */
export function makeDeps(config: ApiConfig, opts: { additionalPolicies?: TableStoreOptions['additionalPolicies']; onOpen?: (store: ReturnStore) => void } = {}): Deps {
  let opening: Promise<ReturnStore> | null = null;
  let openingReviews: Promise<ReviewStore> | null = null;
  let openingDefinitions: Promise<DefinitionStore> | null = null;
  const definitionStore = () =>
    (openingDefinitions ??= TableDefinitionStore.open(storageSource(config), { timeoutMs: config.storageTimeoutMs, additionalPolicies: opts.additionalPolicies }).catch((e) => {
      openingDefinitions = null;
      throw e;
    }));
  const published = new PublishedDefinitions(definitionStore, BUILT_IN_DOCUMENTS);
  return {
    config,
    definitions: () => published.current(),
    definitionStore,
    definitionsPublished: () => published.invalidate(),
    reviews: () =>
      (openingReviews ??= TableReviewStore.open(storageSource(config), { timeoutMs: config.storageTimeoutMs, additionalPolicies: opts.additionalPolicies }).catch((e) => {
        openingReviews = null;
        throw e;
      })),
    store: () => {
      opening ??= TableReturnStore.open(storageSource(config), { timeoutMs: config.storageTimeoutMs, additionalPolicies: opts.additionalPolicies }).then(
        (store) => (opts.onOpen?.(store), store),
        (e) => {
          opening = null; // storage down: try again on the next request
          throw e;
        },
      );
      return opening;
    },
  };
}
