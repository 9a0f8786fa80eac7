import { execFile, execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SOFFICE } from '../../scripts/libreOfficeRender';
import { holdLock } from './processLock';
import { SAMPLES } from './samples';

const CONVERT = resolve(__dirname, '../../scripts/convertSamples.sh');
/** The Python scripts/convertSamples.sh re-saves with openpyxl (its PYTHON). */
const PYTHON = '/usr/bin/python3';

function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * What the conversion needs that this machine lacks, each named: `npm test`'s pretest installs both as root (waiting
 * for another install's dpkg lock); without them the tests that read the renditions fail saying so, never obscurely.
 */
export function missingConversionTools(): string[] {
  return [...(SOFFICE ? [] : ['LibreOffice Calc (soffice; Debian libreoffice-calc-nogui)']), ...(hasOpenpyxl() ? [] : [`openpyxl for ${PYTHON} (Debian python3-openpyxl)`])];
}

/** The one sentence a test that needs the renditions fails with on a machine that lacks `missing`. */
export const missingToolsSentence = (missing: string[]) =>
  `These tests convert the samples with tools this machine lacks: ${missing.join('; ')}. Run npm test as root so its pretest installs them, or install them with apt-get.`;

/** The renditions the tests read, by scripts/convertSamples.sh's endings: Calc's .xls, .ods, .xlsx and HTML export, and openpyxl's .xlsx. */
export const RENDITIONS = ['xls', 'ods', 'calc.xlsx', 'openpyxl.xlsx', 'html.xls'] as const;
export type Rendition = (typeof RENDITIONS)[number];

/**
 * Every sample as LibreOffice Calc and openpyxl write it, converted at test time by scripts/convertSamples.sh, once a
 * run of the suite: the test files that read them (readFormats, sendBatch) share one conversion (about 30 CPU-seconds;
 * sendBatch's own conversion of the 50 district files cost 8 more). The folder holds `<sample's path>.<ending>` for
 * each of RENDITIONS, and is read only: a test writes its own files elsewhere.
 */
export async function sampleRenditions(): Promise<string> {
  const run = process.env.RETURNS_HUB_TEST_RUN_DIR;
  if (!run) throw new Error('RETURNS_HUB_TEST_RUN_DIR is not set: run the tests with Jest and jest.config.js (its globalSetup makes the folder).');
  const dir = join(run, 'sample-renditions');
  const converted = join(dir, '.converted');
  if (!existsSync(converted)) {
    const missing = missingConversionTools();
    if (missing.length) throw new Error(missingToolsSentence(missing));
    // One conversion a run: a file that asks while another converts waits for it.
    const release = await holdLock(`${dir}.lock`, 'the conversion of the samples', 600_000);
    try {
      if (!existsSync(converted)) {
        await promisify(execFile)('bash', [CONVERT, SAMPLES, dir, RENDITIONS.join(',')], { env: { ...process.env, SOFFICE, PYTHON } });
        writeFileSync(converted, '');
      }
    } finally {
      release();
    }
  }
  return dir;
}

/** A sample file's rendition in the folder sampleRenditions gives: `<SAMPLES>/community-plan/districts/1045.xlsx` → `<dir>/community-plan/districts/1045.ods`. */
export const renditionOf = (dir: string, sampleFile: string, ending: Rendition) => join(dir, relative(SAMPLES, sampleFile).replace(/\.xlsx$/, `.${ending}`));
