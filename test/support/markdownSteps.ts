/**
 * The README's quickstart as data: its command blocks (```sh) and, after each, the output the
 * README shows (```text). A test runs every block and compares; this module only reads and compares.
 */

export interface QuickstartStep {
  /** The commands, as a reader would paste them. */
  commands: string;
  /** The output the README shows after them (null: none shown). */
  shown: string | null;
}

/** The section of a markdown text under a `## ` heading that starts with `heading`, up to the next `## `. */
export function sectionOf(md: string, heading: string): string {
  const start = md.search(new RegExp(`^## ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
  if (start < 0) throw new Error(`no section "## ${heading}"`);
  const rest = md.slice(start + 3);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

/** The fenced blocks of a markdown text, in order, with their info string. */
export function fencedBlocks(md: string): { lang: string; body: string }[] {
  return [...md.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2].replace(/\n$/, '') }));
}

/** The quickstart's steps: each `sh` block with the `text` block right after it, if any. */
export function quickstartSteps(md: string, heading: string): QuickstartStep[] {
  const blocks = fencedBlocks(sectionOf(md, heading));
  const steps: QuickstartStep[] = [];
  for (const b of blocks) {
    if (b.lang === 'sh') steps.push({ commands: b.body, shown: null });
    else if (b.lang === 'text' && steps.length && steps[steps.length - 1].shown === null) steps[steps.length - 1].shown = b.body;
    else throw new Error(`a \`\`\`${b.lang} block the quickstart test does not know what to do with:\n${b.body}`);
  }
  return steps;
}

/** Wildcard in shown output: `…` alone on a line stands for any lines (none included); within a line, for any text. */
export const ELLIPSIS = '…';

function lineMatches(shown: string, actual: string): boolean {
  if (!shown.includes(ELLIPSIS)) return shown === actual;
  const parts = shown.split(ELLIPSIS).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's').test(actual);
}

/** Whether the actual output's lines are what the README shows (after `normalise` on both). */
export function outputMatches(shown: string, actual: string): boolean {
  const want = shown.split('\n');
  const got = actual.replace(/\n+$/, '').split('\n');
  const memo = new Map<string, boolean>();
  const from = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let ok: boolean;
    if (i === want.length) ok = j === got.length;
    else if (want[i] === ELLIPSIS) ok = from(i + 1, j) || (j < got.length && from(i, j + 1));
    else ok = j < got.length && lineMatches(want[i], got[j]) && from(i + 1, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return from(0, 0);
}
