import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import os from 'node:os';

export const BENCHMARKS_FILE = resolve(__dirname, '../../docs/benchmarks.md');
const FILE = BENCHMARKS_FILE;
const HEAD = '# Benchmarks\n\nNumbers written by `npm run bench` (each section says the command that made it). Machine: see each section.\n';

/** The stamp of what one run wrote: the first 12 hex digits of the SHA-256 of its text. */
export const runStamp = (body: string) => createHash('sha256').update(body.trim()).digest('hex').slice(0, 12);

/** A section as docs/benchmarks.md holds it: its name, the run stamp it carries (if any), its text. */
export interface BenchSection {
  name: string;
  stamp: string | null;
  body: string;
}

const SECTION = /<!-- bench:([\w-]+)(?: run:([0-9a-f]{12}))? -->\n([\s\S]*?)\n<!-- \/bench:\1 -->/g;

/** The sections of a benchmarks document. */
export function benchSections(text: string): BenchSection[] {
  return [...text.matchAll(SECTION)].map((m) => ({ name: m[1], stamp: m[2] ?? null, body: m[3] }));
}

/**
 * Replaces (or appends) one named section of docs/benchmarks.md, leaving the others as they are.
 * The start marker carries the run's stamp, so a test can tell figures this run wrote from
 * figures edited afterwards (test/docs/benchmarks.test.ts).
 */
export function writeSection(name: string, body: string): void {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEAD;
  const block = `<!-- bench:${name} run:${runStamp(body)} -->\n${body.trim()}\n<!-- /bench:${name} -->`;
  const re = new RegExp(`<!-- bench:${name}(?: run:[0-9a-f]{12})? -->[\\s\\S]*?<!-- /bench:${name} -->`);
  writeFileSync(FILE, re.test(text) ? text.replace(re, () => block) : `${text.trimEnd()}\n\n${block}\n`);
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/** The load averages now, as \`uptime\` prints them: the machine is shared, and load changes what a wall time means. */
export function loadNow(): string {
  return `load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')} at ${new Date().toISOString().slice(11, 19)} UTC`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
