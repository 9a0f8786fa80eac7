/** A signed-in account that can no longer get a token without the user (its sign-in expired or was revoked). */
export class SignInNeeded extends Error {
  constructor(
    readonly api: string,
    readonly why: string,
  ) {
    super(`sign in again with "returns login --api ${api}" (${why})`);
  }
}
