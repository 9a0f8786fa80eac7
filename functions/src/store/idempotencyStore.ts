/** An idempotency key's claim: the request's body hash, and its answer (JSON) once the work finished. */
export interface IdempotencyClaim {
  bodyHash: string;
  response: unknown;
}

export type ClaimResult = { claimed: true } | { claimed: false; existing: IdempotencyClaim };

/**
 * Idempotency keys, scoped to a caller (and to the kind of request): the first request under a
 * key claims it (insert-if-absent, with its body's hash) and records its answer when done, so
 * a retry is answered as a replay and never done twice. Answers or throws `StorageUnavailable`.
 */
export interface IdempotencyStore {
  /** Claims a key if nobody has, or answers the existing claim (its answer null while the first request works). */
  claim(scope: string, key: string, bodyHash: string): Promise<ClaimResult>;
  /** Records the answer of a claimed key's finished request. */
  complete(scope: string, key: string, bodyHash: string, response: unknown): Promise<void>;
}
