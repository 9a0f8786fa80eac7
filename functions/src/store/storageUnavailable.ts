/**
 * Storage did not answer in time or could not be reached. A store throws it (it is the one
 * failure a store cannot turn into a result); the services turn it into the domain error
 * `storage.unavailable`, which tells the caller to retry.
 */
export class StorageUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`Storage unavailable: ${reason}`);
    this.name = 'StorageUnavailable';
  }
}

export function isStorageUnavailable(e: unknown): e is StorageUnavailable {
  return e instanceof StorageUnavailable;
}
