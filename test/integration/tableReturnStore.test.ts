import { startAzurite } from '@returns-hub/functions/dev/startAzurite';
import { TableReturnStore } from '@returns-hub/functions/store/tableReturnStore';
import { returnStoreContract } from './returnStoreContract';
import { tallyStoreContract } from './tallyStoreContract';
import { pointerWriteFault, rowsOfWritesFault } from '../support/storageFaults';

/** The Table Storage implementations, on a real Azurite, pass the store contracts. */
returnStoreContract('Table Storage on Azurite', async () => {
  const azurite = await startAzurite();
  const fault = pointerWriteFault();
  const removal = rowsOfWritesFault();
  const store = await TableReturnStore.open({ connectionString: azurite.connectionString }, { timeoutMs: 10_000, additionalPolicies: [...fault.policies, ...removal.policies] });
  return { store, breakNextSwitch: (when) => fault.arm(1, when), breakRemovalOf: (ids) => removal.set(ids), close: () => azurite.stop() };
});

tallyStoreContract('Table Storage on Azurite', async () => {
  const azurite = await startAzurite();
  const store = await TableReturnStore.open({ connectionString: azurite.connectionString }, { timeoutMs: 10_000 });
  return { tallies: store.tallies, close: () => azurite.stop() };
});
