import { readFileSync } from 'node:fs';
import { cachedPaneBuild } from '../support/cachedPaneBuild';
import { BENCHMARKS_FILE, benchSections, runStamp } from '../bench/report';

/** docs/benchmarks.md against the runs that wrote it and the product it measured. */
const sections = benchSections(readFileSync(BENCHMARKS_FILE, 'utf8'));

describe('docs/benchmarks.md', () => {
  test('every section stamped by its run holds what that run wrote: no figure edited afterwards', () => {
    expect(sections.length).toBeGreaterThanOrEqual(5);
    const edited = sections.filter((s) => s.stamp && runStamp(s.body) !== s.stamp).map((s) => s.name);
    expect(edited).toEqual([]); // a comment on a run goes below its end marker; a figure changes by running the bench again
  });

  test('the stamp can fail: one figure changed in a section is seen', () => {
    const body = '## A\n\n| x | **316 KB** |';
    expect(runStamp(body)).not.toBe(runStamp(body.replace('316', '387')));
  });

  test("the task pane's size it quotes is the current build's (within 5 %): `npm run bench -- addin` after the pane grows", async () => {
    const addin = sections.find((s) => s.name === 'addin');
    expect(addin).toBeDefined();
    const { size } = await cachedPaneBuild({});
    const kb = size.gzipBytes / 1024;
    const quoted = [...addin!.body.matchAll(/\*\*([\d,]+) KB/g)].map((m) => Number(m[1].replace(/,/g, '')));
    expect(quoted.length).toBeGreaterThan(0);
    const near = quoted.filter((q) => Math.abs(q - kb) <= kb * 0.05);
    if (!near.length) throw new Error(`docs/benchmarks.md quotes ${quoted.join(', ')} KB for the pane; the build is ${kb.toFixed(0)} KB gzipped: run \`npm run bench -- addin\``);
  }, 120_000);
});
