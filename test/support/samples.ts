import { join, resolve } from 'node:path';
import { readdirSync } from 'node:fs';

/** The shared samples sit beside the repository (`../shared/samples`); SAMPLES_DIR overrides. */
export const SAMPLES = process.env.SAMPLES_DIR ?? resolve(__dirname, '../../../shared/samples');

export function sample(...parts: string[]): string {
  return join(SAMPLES, ...parts);
}

export function sampleFiles(dir: string): string[] {
  return readdirSync(sample(dir))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => sample(dir, f));
}
