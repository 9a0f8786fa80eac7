import { configFromEnv, type ApiConfig } from './config';
import type { Deps } from './http/endpoint';
import { ReturnStore } from './store/returnStore';

/** Wires config and a lazily opened store (tables are created on first use). */
export function makeDeps(config: ApiConfig = configFromEnv()): Deps {
  let opening: Promise<ReturnStore> | null = null;
  return {
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
