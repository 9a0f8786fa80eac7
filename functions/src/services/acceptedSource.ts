/**
 * For tallies of accepted returns (basis `accepted`): which current returns of a period
 * headquarters has accepted (by `acceptedKey`), each with the review revision at which it was (see
 * `reviewRevision`). The review workflow provides it; the aggregates of that basis follow
 * its accept / send back / reopen through `tallyAccepted` (reviewTallies.ts).
 */
export type AcceptedSource = (period: string) => Promise<ReadonlyMap<string, number>>;

/** Review actions counted on one version at most (the review's `seq`). */
const ACTIONS_PER_VERSION = 10_000;

/**
 * The revision of a review action for the accepted basis: it grows with every action on a
 * version (`seq`) and with every new version, so a late or repeated update never undoes a
 * later one. A new version's withdrawal (its review starts again) is `reviewRevision(version, 0)`.
 */
export function reviewRevision(version: number, seq: number): number {
  return version * ACTIONS_PER_VERSION + seq;
}
