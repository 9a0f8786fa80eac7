/** INTERIM (see zlib.ts): `node:path`'s basename and extname for file names, in the page's worker bundle. */
export function basename(p: string, ext = ''): string {
  const base = p.split(/[\\/]/).pop() ?? '';
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
}

export function extname(p: string): string {
  const base = basename(p);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}
