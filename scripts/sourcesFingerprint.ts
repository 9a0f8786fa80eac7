import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** Like filesUnder, without installed packages and build output. */
function sourcesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .filter((name) => name !== 'node_modules' && name !== 'dist')
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourcesUnder(path, base) : [relative(base, path)];
    })
    .sort();
}

/**
 * SHA-256 over these files and folders of the repository (paths relative to its root; tests,
 * installed packages and build output excluded): the same in every checkout of one commit,
 * unlike a build's output (esbuild's differs with the installed packages' paths).
 */
export function sourcesFingerprint(sources: string[]): string {
  const hash = createHash('sha256');
  for (const source of sources) {
    const path = join(ROOT, source);
    const files = statSync(path).isDirectory() ? sourcesUnder(path).map((f) => join(source, f)) : [source];
    for (const f of files.filter((f) => !/\.test\.tsx?$/.test(f)))
      hash
        .update(`${f.split('\\').join('/')}\0`)
        .update(readFileSync(join(ROOT, f)))
        .update('\0');
  }
  return hash.digest('hex');
}
