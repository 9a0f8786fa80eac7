import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { relative, resolve } from 'node:path';
import { buildSendPage } from './buildSendPage';
import { builtInFormsPlugin } from './builtInFormsPlugin';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { localizeFunctionsMetadata } from '@returns-hub/addin/functions/functionsMetadataTh';
import { BUILD_CONFIG_META, buildConfigFrom, type BuildConfig } from '@returns-hub/addin/settings/buildConfig';
import { sourcesFingerprint } from './sourcesFingerprint';

const ROOT = resolve(__dirname, '..');
export const ADDIN_DIST = resolve(ROOT, 'addin/dist');
/** Everything a pane build is made from: its sources, its build scripts and the installed packages' versions. */
export const PANE_SOURCES = [
  'addin/src',
  'addin/assets',
  'shared',
  'readers/src',
  'forms',
  'scripts/buildAddin.ts',
  'scripts/buildSendPage.ts',
  'scripts/builtInFormsPlugin.ts',
  'scripts/zodLocalesEn.js',
  'package-lock.json',
];
/** Beside a build: what it was made from and its size (`PaneBuild`), so that an unchanged build is reused. */
const BUILD_STAMP = 'pane-build.json';
/** The pages whose meta element carries the build's configuration. */
const CONFIGURED_PAGES = ['taskpane.html', 'send/index.html'];

/**
 * zod's `z` namespace re-exports every one of its locales (about 250 KB minified, a sixth of
 * the pane): the pane never shows zod's messages (ours are in the message tables), so its
 * bundles carry the English locale only, which zod registers as its default.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) => (/[\\/]zod[\\/]/.test(a.importer) ? { path: resolve(ROOT, 'scripts/zodLocalesEn.js') } : undefined));
  },
};

/** How the pane's scripts are bundled (the bench bundles its "hello" page with the same). */
export const PANE_BUNDLE_OPTIONS = {
  bundle: true,
  minify: true,
  target: ['es2017'], // older panes (Excel 2019's EdgeHTML, Excel 2016 for Mac's Safari) run ES2017: optional chaining and the like are lowered
  platform: 'browser',
  conditions: ['source'], // the shared core from its TypeScript source (package.json exports)
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  plugins: [zodEnglishOnly, builtInFormsPlugin()],
} satisfies BuildOptions;

export interface PaneBuildOptions {
  minify?: boolean;
  env?: Record<string, string | undefined>;
  outDir?: string;
}

/** What a pane build with these options is made from: its sources' fingerprint and the options that change its scripts. */
export function paneBuildOf(opts: Pick<PaneBuildOptions, 'minify'> = {}): string {
  return createHash('sha256')
    .update(sourcesFingerprint(PANE_SOURCES))
    .update(JSON.stringify({ minify: opts.minify ?? true }))
    .digest('hex');
}

/**
 * Bundles the task pane (React + Fluent UI + shared core) with esbuild into addin/dist, with
 * its pages and icons. The build's configuration comes from its environment and is written into
 * its pages (configurePages): API_URL makes a deployment build (no address or key to enter),
 * ENTRA_CLIENT_ID, ENTRA_TENANT_ID and ENTRA_API_SCOPE turn on sign-in with Microsoft.
 */
export async function buildAddin(opts: PaneBuildOptions = {}): Promise<PaneSize & { outDir: string }> {
  return bundle(opts, paneBuildOf(opts));
}

/** buildAddin, stamped with `builtFrom` (paneBuildOf, taken once by whoever asks). */
async function bundle(opts: PaneBuildOptions, builtFrom: string): Promise<PaneSize & { outDir: string }> {
  const outDir = opts.outDir ?? ADDIN_DIST;
  const config = buildConfigFrom(opts.env ?? process.env);
  mkdirSync(outDir, { recursive: true });
  rmSync(resolve(outDir, BUILD_STAMP), { force: true }); // a build stopped half way is never taken for the earlier one
  rmSync(resolve(outDir, 'chunks'), { recursive: true, force: true }); // no chunk of an earlier build left behind
  // The first screen (taskpane.js) and the rest of the pane (pane.js) as ES modules sharing their chunks (React, Fluent).
  const panes = await build({
    ...PANE_BUNDLE_OPTIONS,
    entryPoints: { taskpane: resolve(ROOT, 'addin/src/taskpane.tsx'), pane: resolve(ROOT, 'addin/src/paneMain.tsx') },
    outdir: outDir,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    minify: opts.minify ?? true,
    sourcemap: true,
  });
  // Beside the pane: the checker's Web Worker (the reader and checker, off the pane's thread), and MSAL, loaded by
  // a build with Entra settings once the pane is on screen. Classic scripts: a worker and a plain <script>.
  for (const [entry, out] of [
    ['check/checkWorker.ts', 'checkWorker.js'],
    ['auth/msalScript.ts', 'msal.js'],
  ])
    await build({ ...PANE_BUNDLE_OPTIONS, entryPoints: [resolve(ROOT, 'addin/src', entry)], outfile: resolve(outDir, out), minify: opts.minify ?? true, sourcemap: true });
  // Custom functions' metadata, generated from the JSDoc of addin/src/functions/customFunctions.ts.
  const meta = await generateCustomFunctionsMetadata(resolve(ROOT, 'addin/src/functions/customFunctions.ts'), false);
  if (meta.errors.length) throw new Error(`custom functions metadata: ${meta.errors.join('; ')}`);
  writeFileSync(resolve(outDir, 'functions.json'), meta.metadataJson);
  writeFileSync(resolve(outDir, 'functions.th.json'), localizeFunctionsMetadata(meta.metadataJson)); // Thai Office's (manifest override)
  cpSync(resolve(ROOT, 'addin/src/help.html'), resolve(outDir, 'help.html'));
  // The first screen's chunks are asked for with the page, not after taskpane.js is read.
  const preload = firstScreenFiles(panes.metafile, outDir)
    .filter((f) => f !== 'taskpane.js')
    .map((f) => `<link rel="modulepreload" href="${f}" />`)
    .join('\n    ');
  writeFileSync(resolve(outDir, 'taskpane.html'), readFileSync(resolve(ROOT, 'addin/src/taskpane.html'), 'utf8').replace('<!-- first-screen chunks -->', preload));
  cpSync(resolve(ROOT, 'addin/assets'), resolve(outDir, 'assets'), { recursive: true });
  // The clerk's web page beside the pane, at /send/ on the same host (same build settings, same sign-in).
  await buildSendPage({ outDir, minify: opts.minify });
  configurePages(outDir, config);
  const size = paneSize(panes.metafile, outDir);
  writeFileSync(resolve(outDir, BUILD_STAMP), JSON.stringify({ builtFrom, size } satisfies PaneBuild));
  return { ...size, outDir };
}

/** A build's stamp: what it was made from (paneBuildOf) and its size. */
export interface PaneBuild {
  builtFrom: string;
  size: PaneSize;
}

/** The stamp of the build in `outDir`, or null when there is none (or it is stopped half way). */
export function paneBuildIn(outDir: string): PaneBuild | null {
  const file = resolve(outDir, BUILD_STAMP);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PaneBuild) : null;
}

/**
 * The pane in `outDir` as buildAddin makes it, reusing the build there when it was made from the same sources and
 * options: then only the pages' configuration is written (`npm start` on other ports, or with other settings, starts at
 * once instead of bundling again, about 6 CPU-seconds).
 */
export async function buildAddinUnlessBuilt(opts: PaneBuildOptions = {}): Promise<PaneSize & { outDir: string }> {
  const outDir = opts.outDir ?? ADDIN_DIST;
  const builtFrom = paneBuildOf(opts);
  const built = paneBuildIn(outDir);
  if (built?.builtFrom !== builtFrom) return bundle(opts, builtFrom);
  configurePages(outDir, buildConfigFrom(opts.env ?? process.env));
  return { ...built.size, outDir };
}

/** The meta element of the pages that holds a configuration (JSON, its quotes and angle brackets as entities). */
const configMeta = (config: BuildConfig) =>
  `<meta name="${BUILD_CONFIG_META}" content="${JSON.stringify(config).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}" />`;
const CONFIG_META = new RegExp(`<meta name="${BUILD_CONFIG_META}" content="[^"]*" />`);

/** Writes a configuration into a built pane's pages (taskpane.html, send/index.html); the scripts are the same for every one. */
export function configurePages(outDir: string, config: BuildConfig): void {
  for (const page of CONFIGURED_PAGES) {
    const file = resolve(outDir, page);
    const html = readFileSync(file, 'utf8');
    if (!CONFIG_META.test(html)) throw new Error(`${page} has no <meta name="${BUILD_CONFIG_META}"> for the build's configuration`);
    writeFileSync(
      file,
      html.replace(CONFIG_META, () => configMeta(config)),
    );
  }
}

/** The pane's scripts' sizes: what the first screen loads (taskpane.js and the chunks it imports), and every script of the pane. */
export interface PaneSize {
  bytes: number;
  gzipBytes: number;
  totalBytes: number;
  totalGzipBytes: number;
}

/** The scripts the first screen loads, relative to the output folder: taskpane.js and the chunks it imports. */
function firstScreenFiles(meta: Metafile, outDir: string): string[] {
  const outputs = meta.outputs;
  const key = (file: string) => Object.keys(outputs).find((k) => resolve(k) === resolve(outDir, file))!;
  const first = new Set<string>();
  const visit = (k: string) => {
    if (first.has(k)) return;
    first.add(k);
    for (const i of outputs[k].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(key('taskpane.js'));
  return [...first].map((k) => relative(outDir, resolve(k)).split('\\').join('/'));
}

function paneSize(meta: Metafile, outDir: string): PaneSize {
  const size = (files: string[]) => {
    const js = files.map((f) => readFileSync(resolve(outDir, f)));
    return { bytes: js.reduce((n, b) => n + b.length, 0), gzipBytes: js.reduce((n, b) => n + gzipSync(b).length, 0) };
  };
  const all = size(
    Object.keys(meta.outputs)
      .filter((k) => k.endsWith('.js'))
      .map((k) => relative(outDir, resolve(k))),
  );
  return { ...size(firstScreenFiles(meta, outDir)), totalBytes: all.bytes, totalGzipBytes: all.gzipBytes };
}

if (require.main === module) {
  buildAddin().then(
    (s) =>
      writeFileSync(
        1,
        `${s.outDir}: the first screen ${s.bytes} bytes, ${s.gzipBytes} gzipped; the whole pane ${s.totalBytes} bytes, ${s.totalGzipBytes} gzipped (${buildConfigFrom(process.env).dev ? 'development build' : 'deployment build'})\n`,
      ),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
