import { configFromEnv, type ApiConfig } from './config';
import type { Deps } from './http/endpoint';
import type { ReturnStore } from './store/returnStore';
import { TableReturnStore } from './store/tableReturnStore';

/** Wires config and a lazily opened store (tables are created on first use). */
export function makeDeps(config: ApiConfig = configFromEnv()): Deps {
  let opening: Promise<ReturnStore> | null = null;
  return {
    config,
    store: () => {
      opening ??= TableReturnStore.open({ connectionString: config.storage }, { timeoutMs: 5_000 }).catch((e) => {
        opening = null; // storage down: try again on the next request
        throw e;
      });
      return opening;
    },
  };
}
