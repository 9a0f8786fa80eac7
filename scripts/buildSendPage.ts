import { build, type BuildOptions } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { builtInFormsPlugin } from './builtInFormsPlugin';

const ROOT = resolve(__dirname, '..');
const SEND = resolve(ROOT, 'addin/src/send');

/** Current browsers only (Edge, Chrome, Firefox, Safari of the last years): the page is no Office webview. */
const PAGE_OPTIONS = {
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox115', 'safari15', 'edge100'],
  platform: 'browser',
  conditions: ['source'],
  jsx: 'automatic',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [builtInFormsPlugin()],
} satisfies BuildOptions;

/** What the page costs a browser: its HTML and scripts, gzipped as a server would send them. */
export interface SendPageWeight {
  /** Loaded when the page opens: index.html, send.js. */
  page: { bytes: number; gzipBytes: number };
  /** Loaded at the first file: the worker and the reader chunks an .xlsx needs. */
  worker: { bytes: number; gzipBytes: number };
  /** Loaded only for .xls and .ods: SheetJS. */
  sheetJs: { bytes: number; gzipBytes: number };
}

const weigh = (files: string[]) => {
  const bufs = files.map((f) => readFileSync(f));
  return { bytes: bufs.reduce((n, b) => n + b.length, 0), gzipBytes: bufs.reduce((n, b) => n + gzipSync(b).length, 0) };
};

/**
 * Builds the clerk's web page into `<outDir>/send/`: index.html, send.js (React + Fluent UI,
 * the page), fileWorker.js (the readers and the checker, as a module worker) with its chunks,
 * SheetJS among them, fetched only when an .xls or .ods file comes. Served beside the pane, at
 * `/send/` on its host; its configuration is the pane's (buildAddin writes it into index.html).
 */
export async function buildSendPage(o: { outDir: string; minify?: boolean }): Promise<SendPageWeight> {
  const out = resolve(o.outDir, 'send');
  mkdirSync(out, { recursive: true });
  const minify = o.minify ?? true;
  await build({
    ...PAGE_OPTIONS,
    entryPoints: { send: resolve(SEND, 'sendPage.tsx') },
    outdir: out,
    minify,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await build({
    ...PAGE_OPTIONS,
    entryPoints: { fileWorker: resolve(SEND, 'files/fileWorker.ts') },
    outdir: out,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  cpSync(resolve(SEND, 'index.html'), resolve(out, 'index.html'));
  const chunks = readdirSync(join(out, 'chunks')).filter((f) => f.endsWith('.js'));
  const sheetJs = chunks.filter((f) => f.startsWith('xlsx-')); // @e965/xlsx's module, xlsx.mjs
  return {
    page: weigh([resolve(out, 'index.html'), resolve(out, 'send.js')]),
    worker: weigh([resolve(out, 'fileWorker.js'), ...chunks.filter((f) => !sheetJs.includes(f)).map((f) => join(out, 'chunks', f))]),
    sheetJs: weigh(sheetJs.map((f) => join(out, 'chunks', f))),
  };
}
