import { bundleFiles, type BundleItem } from './bundleFiles';

const item = (returns: number, bytes: number, ...keys: string[]): BundleItem => ({ returns, bytes, keys });

describe('bundleFiles', () => {
  test('packs consecutive items up to the returns and bytes limits, order kept', () => {
    const items = [item(40, 10, 'a'), item(40, 10, 'b'), item(40, 10, 'c'), item(1, 95, 'd'), item(1, 10, 'e')];
    const bundles = bundleFiles(items, (t) => t, { returns: 100, bytes: 100 });
    expect(bundles.map((b) => b.map((t) => t.keys[0]).join(''))).toEqual(['ab', 'c', 'd', 'e']);
  });

  test('two items holding the same return never share a bundle', () => {
    const bundles = bundleFiles([item(1, 1, 'x'), item(1, 1, 'y'), item(1, 1, 'x', 'z')], (t) => t, { returns: 100, bytes: 100 });
    expect(bundles.map((b) => b.length)).toEqual([2, 1]);
  });

  test('an item over a limit goes alone', () => {
    const bundles = bundleFiles([item(1, 1, 'a'), item(500, 1, 'b'), item(1, 1, 'c')], (t) => t, { returns: 100, bytes: 100 });
    expect(bundles.map((b) => b.map((t) => t.keys[0]).join(''))).toEqual(['a', 'b', 'c']);
  });
});
