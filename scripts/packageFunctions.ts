import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Zip, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';

const ROOT = resolve(__dirname, '..');
export const FUNCTIONS_ZIP = resolve(ROOT, 'dist/functions.zip');
/** The app azd deploys as it is (azure.yaml: api.dist), also zipped for `func azure functionapp publish`. */
export const FUNCTIONS_STAGE = resolve(ROOT, 'functions/dist/deploy');
const STAGE = FUNCTIONS_STAGE;

interface PackageJson {
  name: string;
  version: string;
  main?: string;
  dependencies?: Record<string, string>;
}
/** Files Node never loads at run time: type declarations and TypeScript sources of libraries, source maps. */
const NOT_RUN = /\.(?:[cm]?ts|map)$/;

const readJson = (p: string): PackageJson => JSON.parse(readFileSync(p, 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Copies the files under `from` that `keep` takes (by their path under it) to the same places under `to`.
 * cpSync with a filter stats every path several times: it took 17 of the 27 s this script took for the
 * dependencies' 14,000 files.
 */
function copyFiles(from: string, to: string, keep: (rel: string) => boolean): void {
  const made = new Set<string>();
  for (const src of filesUnder(from)) {
    const rel = relative(from, src);
    if (!keep(rel)) continue;
    const dir = dirname(join(to, rel));
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    copyFileSync(src, join(to, rel));
  }
}

/**
 * A zip of these files, each deflated by Node's zlib and laid out by fflate: zlib (native) deflates the 14,000
 * files in 40 % of the CPU time fflate's own deflate takes at the same level.
 */
function zipOf(files: [name: string, bytes: Buffer][]): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [filename, bytes] of files) {
    const file: ZipInputFile = { filename, size: bytes.length, crc: crc32(bytes), compression: 8 };
    zip.add(file);
    file.ondata!(null, deflateRawSync(bytes, { level: 6 }), true); // set by add: the whole file's deflated bytes at once
  }
  zip.end();
  return Buffer.concat(chunks);
}

/**
 * `npm run package:functions`: the zip `azd` / `func azure functionapp publish` deploys: the
 * compiled Functions (functions/dist), host.json, and production dependencies only. The shared
 * core travels inside it as node_modules/@returns-hub/shared (its compiled JavaScript), since
 * it is a workspace package, not a registry one.
 */
export function packageFunctions(): { zip: string; bytes: number; files: number } {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b'], { cwd: ROOT, stdio: 'inherit' });
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  const fn = readJson(resolve(ROOT, 'functions/package.json'));
  const shared = readJson(resolve(ROOT, 'shared/package.json'));
  const forms = readJson(resolve(ROOT, 'forms/package.json'));
  const { [shared.name]: _workspace, [forms.name]: _forms, ...registryDeps } = fn.dependencies ?? {};
  writeFileSync(join(STAGE, 'package.json'), JSON.stringify({ name: fn.name, version: fn.version, private: true, main: fn.main, dependencies: { ...registryDeps, ...shared.dependencies } }, null, 2));
  const compiled = resolve(ROOT, 'functions/dist');
  for (const entry of readdirSync(compiled).filter((e) => join(compiled, e) !== STAGE && !e.endsWith('.tsbuildinfo'))) {
    cpSync(join(compiled, entry), join(STAGE, 'dist', entry), { recursive: true, filter: (src) => !src.endsWith('.map') });
  }
  cpSync(resolve(ROOT, 'functions/host.json'), join(STAGE, 'host.json'));
  const sharedOut = join(STAGE, 'node_modules', shared.name);
  cpSync(resolve(ROOT, 'shared/dist'), join(sharedOut, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') && !src.endsWith('.tsbuildinfo') });
  writeFileSync(join(sharedOut, 'package.json'), JSON.stringify({ name: shared.name, version: shared.version, exports: { './*': './dist/*.js' }, dependencies: shared.dependencies }, null, 2));
  // The built-in definitions: the loader and the JSON twins (the workbooks are for people, not for the API).
  const formsOut = join(STAGE, 'node_modules', forms.name);
  cpSync(resolve(ROOT, 'forms'), formsOut, { recursive: true, filter: (src) => !src.endsWith('.xlsx') && !src.endsWith('.md') && !src.endsWith('.d.ts') });
  // Production dependencies as npm resolved them for the workspace (offline: no registry call),
  // each copied to the same place under the package's node_modules.
  const tree = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable', '-w', 'functions'], { cwd: ROOT, encoding: 'utf8' });
  // A dependency npm could not hoist (functions/node_modules/…, another version is at the root) goes to the same place under the stage.
  const staged = new Set<string>();
  for (const dir of new Set(tree.split('\n').filter(Boolean))) {
    const found = relative(ROOT, dir);
    const rel = found.startsWith('functions/node_modules/') ? found.slice('functions/'.length) : found;
    if (!rel.startsWith('node_modules/') || rel.startsWith('node_modules/@returns-hub/')) continue; // the root, and the workspaces (shared is staged above)
    if (staged.has(rel)) throw new Error(`Two versions of ${rel} in the Functions' production tree`);
    staged.add(rel);
    copyFiles(dir, join(STAGE, rel), (file) => !file.split(sep).includes('node_modules') && !NOT_RUN.test(file));
  }
  const files = filesUnder(STAGE);
  mkdirSync(dirname(FUNCTIONS_ZIP), { recursive: true });
  writeFileSync(FUNCTIONS_ZIP, zipOf(files.map((f) => [relative(STAGE, f).split('\\').join('/'), readFileSync(f)])));
  return { zip: FUNCTIONS_ZIP, bytes: statSync(FUNCTIONS_ZIP).size, files: files.length };
}

if (require.main === module) {
  const out = packageFunctions();
  console.log(`${relative(ROOT, out.zip)}: ${(out.bytes / 1024 / 1024).toFixed(1)} MB, ${out.files} files (compiled Functions, production dependencies only)`);
}
