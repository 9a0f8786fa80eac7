import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const ROOT = resolve(__dirname, '..');
export const ADDIN_DIST = resolve(ROOT, 'addin/dist');

/** Bundles the task pane (React + Fluent UI + shared core) with esbuild into addin/dist, with its pages and icons. */
export async function buildAddin(opts: { minify?: boolean } = {}): Promise<{ bytes: number; gzipBytes: number }> {
  mkdirSync(ADDIN_DIST, { recursive: true });
  await build({
    entryPoints: [resolve(ROOT, 'addin/src/taskpane.tsx')],
    bundle: true,
    outfile: resolve(ADDIN_DIST, 'taskpane.js'),
    minify: opts.minify ?? true,
    sourcemap: true,
    target: ['es2020'],
    platform: 'browser',
    conditions: ['source'], // the shared core from its TypeScript source (package.json exports)
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  // Custom functions' metadata, generated from the JSDoc of addin/src/functions/customFunctions.ts.
  const meta = await generateCustomFunctionsMetadata(resolve(ROOT, 'addin/src/functions/customFunctions.ts'), false);
  if (meta.errors.length) throw new Error(`custom functions metadata: ${meta.errors.join('; ')}`);
  writeFileSync(resolve(ADDIN_DIST, 'functions.json'), meta.metadataJson);
  for (const page of ['taskpane.html', 'help.html']) cpSync(resolve(ROOT, 'addin/src', page), resolve(ADDIN_DIST, page));
  cpSync(resolve(ROOT, 'addin/assets'), resolve(ADDIN_DIST, 'assets'), { recursive: true });
  const js = readFileSync(resolve(ADDIN_DIST, 'taskpane.js'));
  return { bytes: js.length, gzipBytes: gzipSync(js).length };
}

if (require.main === module) {
  buildAddin().then(
    (s) => writeFileSync(1, `addin/dist/taskpane.js: ${s.bytes} bytes, ${s.gzipBytes} gzipped\n`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
