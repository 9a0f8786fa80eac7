import { configFromEnv, type ApiConfig } from './config';
import type { Deps } from './http/endpoint';
import { ReturnStore } from './store/returnStore';
import { TableReviewStore } from './store/tableReviewStore';

/** Opens once, on first use; a failure (storage down) is tried again on the next request. */
function lazily<T>(open: () => Promise<T>): () => Promise<T> {
  let opening: Promise<T> | null = null;
  return () =>
    (opening ??= open().catch((e) => {
      opening = null;
      throw e;
    }));
}

/** Wires config and a lazily opened store (tables are created on first use). */
export function makeDeps(config: ApiConfig = configFromEnv()): Deps {
  let opening: Promise<ReturnStore> | null = null;
  return {
    reviews: lazily(() => TableReviewStore.open(config.storage)),
    config,
    store: () => {
      opening ??= ReturnStore.open(config.storage).catch((e) => {
        opening = null; // storage down: try again on the next request
        throw e;
      });
      return opening;
    },
  };
}
