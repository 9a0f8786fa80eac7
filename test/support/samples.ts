import { join, resolve } from 'node:path';
import { readdirSync } from 'node:fs';

/** The forms' samples, copied into the repository from `../shared/samples` (scripts/sharedCopy.ts); SAMPLES_DIR overrides. */
export const SAMPLES = process.env.SAMPLES_DIR ?? resolve(__dirname, '../fixtures/shared/samples');

export function sample(...parts: string[]): string {
  return join(SAMPLES, ...parts);
}

export function sampleFiles(dir: string): string[] {
  return readdirSync(sample(dir))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => sample(dir, f));
}
