/**
 * `npm run guides:pictures`: the guides' pictures (docs/guides/img/) made by the browser tests.
 * It runs the browser tests that take them (on the build of the pane those tests serve), copies
 * the screenshots each guide shows from test-artifacts/, and writes img/pictures.json: which test
 * took each picture, its SHA-256, and the fingerprint of the build it shows. A test
 * (test/docs/documents.test.ts) fails when a guide shows a picture not made this way, or made
 * from another build than the current one: run this command again and commit the pictures.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { sourcesFingerprint } from './sourcesFingerprint';

const ROOT = resolve(__dirname, '..');
export const GUIDE_IMAGES = resolve(ROOT, 'docs/guides/img');
export const PICTURES_STAMP = join(GUIDE_IMAGES, 'pictures.json');
const ARTIFACTS = resolve(ROOT, 'test-artifacts');

/** One picture a guide shows: the screenshot a browser test leaves in test-artifacts/. */
export interface GuidePicture {
  /** The file in docs/guides/img/. */
  image: string;
  /** The browser test that takes it. */
  test: string;
  /** Its screenshot in test-artifacts/. */
  artifact: string;
}

const PANE = 'test/e2e/pane.e2e.test.ts';
const REVIEW = 'test/e2e/review.e2e.test.ts';
const REVIEW50 = 'test/e2e/review50.e2e.test.ts';
const PAGE = 'test/e2e/sendPage.e2e.test.ts';

/** Every picture the guides show, in Thai: the pane at 350 px, the clerks' web page at 1280 px. */
export const GUIDE_PICTURES: GuidePicture[] = [
  { image: 'clerk-1-start.png', test: PANE, artifact: 'e2e-th-1-start.png' },
  { image: 'clerk-2-check-findings.png', test: PANE, artifact: 'e2e-th-2-check-findings.png' },
  { image: 'clerk-3-send-changed.png', test: PANE, artifact: 'e2e-th-3-send-changed.png' },
  { image: 'clerk-4-send-receipt.png', test: PANE, artifact: 'e2e-th-4-send-receipt.png' },
  { image: 'clerk-5-comments.png', test: REVIEW, artifact: 'e2e-review-th-4-district-sees-comment.png' },
  { image: 'clerk-6-blank-form.png', test: PANE, artifact: 'e2e-th-14-blank-form.png' },
  { image: 'clerk-7-protected.png', test: PANE, artifact: 'e2e-th-8-protected-check.png' },
  { image: 'clerk-8-old-excel.png', test: PANE, artifact: 'e2e-th-19-internet-explorer.png' },
  { image: 'clerk-page-1-start.png', test: PAGE, artifact: 'send-th-1280-start.png' },
  { image: 'clerk-page-2-findings.png', test: PAGE, artifact: 'send-th-1280-1017-findings.png' },
  { image: 'clerk-page-3-sent.png', test: PAGE, artifact: 'send-th-1280-1045-ods-sent.png' },
  { image: 'clerk-page-4-sent-back.png', test: PAGE, artifact: 'send-th-1280-1033-sent-back.png' },
  { image: 'reviewer-1-list.png', test: REVIEW50, artifact: 'e2e-review50-th-1-list.png' },
  { image: 'reviewer-2-opened.png', test: REVIEW50, artifact: 'e2e-review50-th-2-opened.png' },
  { image: 'reviewer-3-sent-back.png', test: REVIEW, artifact: 'e2e-review-th-2-sent-back.png' },
  { image: 'reviewer-4-accept-all.png', test: REVIEW50, artifact: 'e2e-review50-th-4-bulk-confirm.png' },
  { image: 'analyst-1-totals.png', test: PANE, artifact: 'e2e-th-12-pull-form.png' },
  { image: 'analyst-2-totals-written.png', test: PANE, artifact: 'e2e-th-18-layout-written.png' },
  { image: 'it-1-settings-key.png', test: PANE, artifact: 'e2e-th-15-settings-dev.png' },
  { image: 'it-2-settings-sign-in.png', test: PANE, artifact: 'e2e-th-16-settings-sign-in.png' },
];

/** The guides' pictures are Thai: only the tests that take them run here (every test runs in `npm test`). */
const THAI_TESTS = String.raw`\(th\)|web page in Chromium \(th, 1280 px\)|Internet Explorer webview|Entra settings`;

/** What img/pictures.json records. */
export interface PicturesStamp {
  generated: string;
  /** The fingerprint of the pane build the pictures show (buildFingerprint). */
  build: string;
  pictures: Record<string, { test: string; artifact: string; sha256: string }>;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * The fingerprint of what the pictures show: SHA-256 over the sources the pane and the page are built
 * from (tests excluded). Sources, not the build's output: esbuild's output differs between checkouts of
 * one commit (installed packages, paths), so a fresh clone must reach the same fingerprint.
 */
const PICTURED_SOURCES = ['addin/src', 'shared', 'readers/src', 'forms', 'scripts/buildAddin.ts'];

export async function buildFingerprint(): Promise<string> {
  return sourcesFingerprint(PICTURED_SOURCES);
}

export function readStamp(): PicturesStamp | null {
  return existsSync(PICTURES_STAMP) ? (JSON.parse(readFileSync(PICTURES_STAMP, 'utf8')) as PicturesStamp) : null;
}

export const sha256OfImage = (image: string) => sha256(readFileSync(join(GUIDE_IMAGES, image)));

async function main(): Promise<number> {
  const tests = [...new Set(GUIDE_PICTURES.map((p) => p.test))];
  for (const p of GUIDE_PICTURES) rmSync(join(ARTIFACTS, p.artifact), { force: true });
  console.log(`guides:pictures: running ${tests.join(', ')}`);
  const run = spawnSync('npx', ['jest', ...tests, '-w', '1', '-t', THAI_TESTS], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('guides:pictures: the browser tests failed; the pictures are left as they were.');
    return 1;
  }
  const missing = GUIDE_PICTURES.filter((p) => !existsSync(join(ARTIFACTS, p.artifact)));
  if (missing.length) {
    console.error(`guides:pictures: the tests no longer take ${missing.map((p) => `${p.artifact} (${p.test})`).join(', ')}: change GUIDE_PICTURES in scripts/guidePictures.ts.`);
    return 1;
  }
  mkdirSync(GUIDE_IMAGES, { recursive: true });
  for (const f of readdirSync(GUIDE_IMAGES)) if (f.endsWith('.png')) rmSync(join(GUIDE_IMAGES, f));
  const stamp: PicturesStamp = { generated: 'npm run guides:pictures (scripts/guidePictures.ts); do not edit', build: await buildFingerprint(), pictures: {} };
  for (const p of GUIDE_PICTURES) {
    copyFileSync(join(ARTIFACTS, p.artifact), join(GUIDE_IMAGES, p.image));
    stamp.pictures[p.image] = { test: p.test, artifact: p.artifact, sha256: sha256OfImage(p.image) };
  }
  writeFileSync(PICTURES_STAMP, `${JSON.stringify(stamp, null, 2)}\n`);
  console.log(`guides:pictures: ${GUIDE_PICTURES.length} pictures in ${relative(ROOT, GUIDE_IMAGES)}/ (build ${stamp.build.slice(0, 12)})`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(`guides:pictures: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
