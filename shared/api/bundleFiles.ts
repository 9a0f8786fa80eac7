/** What one request may carry: the API's limits (returns per request) and a body size well below its default. */
export interface BundleLimits {
  returns: number;
  bytes: number;
}

/** The API takes ≤100 returns per request (shared/api/schemas) and bodies of 16 MiB by default; 4 MiB leaves room for a smaller setting's refusal to be the exception. */
export const BUNDLE_LIMITS: BundleLimits = { returns: 100, bytes: 4 * 1024 * 1024 };

/** One file as the bundler sees it: how many returns, how many bytes of JSON, and which returns (as keys). */
export interface BundleItem {
  returns: number;
  bytes: number;
  keys: string[];
}

/**
 * Packs items into consecutive bundles (order kept; the CLI's upload and the clerk's web page send so) within the limits, never two items
 * sharing a key in one bundle (one return in two files stays two requests, sent in order).
 * An item alone over a limit makes a bundle of its own: the API says what is wrong with it.
 */
export function bundleFiles<T>(items: readonly T[], itemOf: (t: T) => BundleItem, limits: BundleLimits = BUNDLE_LIMITS): T[][] {
  const bundles: T[][] = [];
  let bundle: T[] = [];
  let returns = 0;
  let bytes = 0;
  let keys = new Set<string>();
  for (const t of items) {
    const it = itemOf(t);
    const clash = it.keys.some((k) => keys.has(k));
    if (bundle.length && (clash || returns + it.returns > limits.returns || bytes + it.bytes > limits.bytes)) {
      bundles.push(bundle);
      bundle = [];
      returns = 0;
      bytes = 0;
      keys = new Set();
    }
    bundle.push(t);
    returns += it.returns;
    bytes += it.bytes;
    for (const k of it.keys) keys.add(k);
  }
  if (bundle.length) bundles.push(bundle);
  return bundles;
}
