import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import os from 'node:os';

const FILE = resolve(__dirname, '../../docs/benchmarks.md');
const HEAD = '# Benchmarks\n\nNumbers written by `npm run bench` (each section says the command that made it). Machine: see each section.\n';

/** Replaces (or appends) one named section of docs/benchmarks.md, leaving the others as they are. */
export function writeSection(name: string, body: string): void {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEAD;
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(FILE, re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`);
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
