import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { StorageUnavailable } from '@returns-hub/functions/store/storageUnavailable';
import { returnStoreContract } from './returnStoreContract';
import { tallyStoreContract } from './tallyStoreContract';

/** The in-memory stores pass the same contracts as the Table Storage ones. */
returnStoreContract('in memory', async () => {
  const s = new MemoryStorage();
  return {
    store: s.returns,
    breakNextSwitch: (when) => {
      const hook = when === 'before' ? 'fault' : 'faultAfter';
      s[hook] = (op) => {
        if (op !== 'pointers.switch') return;
        s[hook] = () => undefined;
        throw new StorageUnavailable('injected');
      };
    },
    breakRemovalOf: (ids) => {
      s.fault = (op, target) => {
        if (op === 'rows.delete' && target && ids.includes(target)) throw new StorageUnavailable('injected');
      };
    },
    close: async () => undefined,
  };
});

tallyStoreContract('in memory', async () => ({ tallies: new MemoryStorage().returns.tallies, close: async () => undefined }));
