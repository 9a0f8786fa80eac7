import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * What the tests need from the team's shared folder (`../shared`: the forms' samples, FORMS.md,
 * the add-in manifest schemas), kept as a copy in the repository so a clone alone passes
 * `npm test`. `npm run shared:copy` refreshes the copy from `../shared`; `npm run shared:check`
 * (and a test) says whether the copy is intact and, when `../shared` is there, whether it is
 * still what `../shared` holds.
 */
const ROOT = resolve(__dirname, '..');
/** Where the originals are kept, beside the repository; SHARED_DIR overrides. */
export const SHARED_SOURCE = process.env.SHARED_DIR ?? resolve(ROOT, '../shared');
/** The copy the tests read. */
export const SHARED_COPY = resolve(ROOT, 'test/fixtures/shared');
/** What is copied: files and folders of the shared folder, by name. */
export const COPIED = ['FORMS.md', 'samples', 'manifest-schemas'] as const;
/** The copy's list of files with their SHA-256 (`sha256sum -c SHA256SUMS` reads it too). */
export const SUMS_FILE = 'SHA256SUMS';
/** A guard against copying a wrong folder: the shared folder holds about 100 files. */
const MAX_FILES = 2000;

/** Relative path (forward slashes) → SHA-256 of the bytes, for every file under COPIED. */
export type FileSums = Map<string, string>;

export interface SharedDifferences {
  /** Listed, but not in the folder compared. */
  missing: string[];
  /** In both, with other bytes. */
  changed: string[];
  /** In the folder compared, but not listed. */
  extra: string[];
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every file under the copied names in `dir`, with its SHA-256, sorted by path. */
export function sumsOf(dir: string): FileSums {
  const out: [string, string][] = [];
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
      return;
    }
    if (out.length >= MAX_FILES) throw new Error(`More than ${MAX_FILES} files under ${dir}: is it the shared folder? / ไฟล์มากเกินไป`);
    out.push([relative(dir, path).split(sep).join('/'), sha256(path)]);
  };
  for (const name of COPIED) walk(join(dir, name));
  return new Map(out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function formatSums(sums: FileSums): string {
  return [...sums].map(([path, sum]) => `${sum}  ${path}\n`).join('');
}

export function parseSums(text: string): FileSums {
  const out: FileSums = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) throw new Error(`${SUMS_FILE}: not a "<sha256>  <path>" line: ${line}`);
    out.set(m[2], m[1]);
  }
  return out;
}

/** How `actual` differs from `expected`. */
export function differences(expected: FileSums, actual: FileSums): SharedDifferences {
  return {
    missing: [...expected.keys()].filter((p) => !actual.has(p)),
    changed: [...expected].filter(([p, sum]) => actual.has(p) && actual.get(p) !== sum).map(([p]) => p),
    extra: [...actual.keys()].filter((p) => !expected.has(p)),
  };
}

export function isSame(d: SharedDifferences): boolean {
  return d.missing.length + d.changed.length + d.extra.length === 0;
}

/** Replaces the copy's files with the source's (files no longer in the source are removed) and writes the list. */
export function copyShared(source = SHARED_SOURCE, copy = SHARED_COPY): FileSums {
  const sums = sumsOf(source);
  if (sums.size === 0) throw new Error(`Nothing to copy: ${source} has none of ${COPIED.join(', ')}. / ไม่พบไฟล์ที่จะคัดลอก`);
  for (const name of COPIED) rmSync(join(copy, name), { recursive: true, force: true });
  for (const path of sums.keys()) {
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    copyFileSync(join(source, path), join(copy, path));
  }
  writeFileSync(join(copy, SUMS_FILE), formatSums(sums));
  return sums;
}

export interface SharedCheck {
  /** The copy's files against its own list. */
  copy: SharedDifferences;
  /** The source's files against the copy's list; null when there is no source beside the repository. */
  source: SharedDifferences | null;
}

/** Whether the copy is intact and, when the source is present, still what the source holds. */
export function checkShared(source = SHARED_SOURCE, copy = SHARED_COPY): SharedCheck {
  const listed = parseSums(readFileSync(join(copy, SUMS_FILE), 'utf8'));
  return {
    copy: differences(listed, sumsOf(copy)),
    source: existsSync(source) ? differences(listed, sumsOf(source)) : null,
  };
}

function describeDifferences(what: string, d: SharedDifferences): string[] {
  return [...d.missing.map((p) => `  ${what}: missing ${p}`), ...d.changed.map((p) => `  ${what}: changed ${p}`), ...d.extra.map((p) => `  ${what}: not listed ${p}`)];
}

/** `tsx scripts/sharedCopy.ts copy|check` */
function main(verb: string | undefined): number {
  const shown = (p: string) => relative(process.cwd(), p) || '.';
  if (verb === 'copy') {
    const sums = copyShared();
    console.log(`Copied ${sums.size} files from ${shown(SHARED_SOURCE)} to ${shown(SHARED_COPY)} (listed in ${SUMS_FILE}).`);
    return 0;
  }
  if (verb === 'check') {
    const { copy, source } = checkShared();
    const lines = [...describeDifferences(shown(SHARED_COPY), copy), ...(source ? describeDifferences(shown(SHARED_SOURCE), source) : [])];
    if (lines.length) {
      console.error(`The copy of the shared files differs (npm run shared:copy refreshes it from ${shown(SHARED_SOURCE)}):\n${lines.join('\n')}`);
      return 1;
    }
    console.log(source ? `${shown(SHARED_COPY)} is what ${shown(SHARED_SOURCE)} holds.` : `${shown(SHARED_COPY)} is intact; ${shown(SHARED_SOURCE)} is not there to compare with.`);
    return 0;
  }
  console.error('usage: tsx scripts/sharedCopy.ts copy|check');
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv[2]);
