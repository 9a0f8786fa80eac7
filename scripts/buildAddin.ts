import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { buildSendPage } from './buildSendPage';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { localizeFunctionsMetadata } from '@returns-hub/addin/functions/functionsMetadataTh';
import { buildConfigFrom } from '@returns-hub/addin/settings/buildConfig';

const ROOT = resolve(__dirname, '..');
export const ADDIN_DIST = resolve(ROOT, 'addin/dist');

/**
 * Bundles the task pane (React + Fluent UI + shared core) with esbuild into addin/dist, with
 * its pages and icons. The build's configuration comes from its environment and is fixed in
 * the bundle (RETURNS_HUB_BUILD): API_URL makes a deployment build (no address or key to
 * enter), ENTRA_CLIENT_ID, ENTRA_TENANT_ID and ENTRA_API_SCOPE turn on sign-in with Microsoft.
 */
export async function buildAddin(opts: { minify?: boolean; env?: Record<string, string | undefined>; outDir?: string } = {}): Promise<{ bytes: number; gzipBytes: number; outDir: string }> {
  const outDir = opts.outDir ?? ADDIN_DIST;
  const config = buildConfigFrom(opts.env ?? process.env);
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [resolve(ROOT, 'addin/src/taskpane.tsx')],
    bundle: true,
    outfile: resolve(outDir, 'taskpane.js'),
    minify: opts.minify ?? true,
    sourcemap: true,
    target: ['es2017'], // older panes (Excel 2019's EdgeHTML, Excel 2016 for Mac's Safari) run ES2017: optional chaining and the like are lowered
    platform: 'browser',
    conditions: ['source'], // the shared core from its TypeScript source (package.json exports)
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', RETURNS_HUB_BUILD: JSON.stringify(config) },
    logLevel: 'warning',
  });
  // Custom functions' metadata, generated from the JSDoc of addin/src/functions/customFunctions.ts.
  const meta = await generateCustomFunctionsMetadata(resolve(ROOT, 'addin/src/functions/customFunctions.ts'), false);
  if (meta.errors.length) throw new Error(`custom functions metadata: ${meta.errors.join('; ')}`);
  writeFileSync(resolve(outDir, 'functions.json'), meta.metadataJson);
  writeFileSync(resolve(outDir, 'functions.th.json'), localizeFunctionsMetadata(meta.metadataJson)); // Thai Office's (manifest override)
  for (const page of ['taskpane.html', 'help.html']) cpSync(resolve(ROOT, 'addin/src', page), resolve(outDir, page));
  cpSync(resolve(ROOT, 'addin/assets'), resolve(outDir, 'assets'), { recursive: true });
  // The clerk's web page beside the pane, at /send/ on the same host (same build settings, same sign-in).
  await buildSendPage({ outDir, config, minify: opts.minify });
  const js = readFileSync(resolve(outDir, 'taskpane.js'));
  return { bytes: js.length, gzipBytes: gzipSync(js).length, outDir };
}

if (require.main === module) {
  buildAddin().then(
    (s) => writeFileSync(1, `${s.outDir}/taskpane.js: ${s.bytes} bytes, ${s.gzipBytes} gzipped (${buildConfigFrom(process.env).dev ? 'development build' : 'deployment build'})\n`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
