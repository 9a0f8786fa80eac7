import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIG_FILE_BYTES, lateTierUpFlag, runShape, SHORT_RUN_BYTES, SMALL_FILE_BYTES, tuningFor } from './runTuning';

const dir = mkdtempSync(join(tmpdir(), 'returns-short-'));
const file = (name: string, bytes: number) => {
  const p = join(dir, name);
  writeFileSync(p, Buffer.alloc(bytes));
  return p;
};
const tuning = (argv: string[]) => tuningFor(runShape(argv));

describe('how V8 is set for a run', () => {
  test('the files named are what counts (flags and their values name none)', () => {
    const small = file('small.xlsx', 10_000);
    expect(runShape(['check', small, '--json'])).toEqual({ totalBytes: 10_000, largestBytes: 10_000 });
    expect(runShape(['upload', small, '--api', 'http://127.0.0.1:7071', '--key', 'k'])).toEqual({ totalBytes: 10_000, largestBytes: 10_000 });
    expect(runShape(['check', join(dir, 'missing.xlsx')])).toEqual({ totalBytes: 0, largestBytes: 0 });
    expect(tuning(['check', small])).toEqual({ tightHeap: false, lateTierUp: true });
  });

  test('a big file keeps the heap tight; 5,000 small files (40 MB) do not: no forced collections for them', () => {
    expect(tuning(['check', file('big.xlsx', BIG_FILE_BYTES)])).toEqual({ tightHeap: true, lateTierUp: false });
    const district = file('district.xlsx', 8_000);
    const many = Array.from({ length: 5_000 }, () => district);
    expect(runShape(['check', ...many])).toEqual({ totalBytes: 40_000_000, largestBytes: 8_000 });
    expect(tuning(['check', ...many])).toEqual({ tightHeap: false, lateTierUp: false });
  });

  test('a run of small files only (the 50 district returns) tiers up later; a register or a big batch does not', () => {
    const district = file('district-7k.xlsx', 7_563);
    expect(tuning(['check', ...Array.from({ length: 50 }, () => district)])).toEqual({ tightHeap: false, lateTierUp: true });
    expect(tuning(['upload', district, '--api', 'http://127.0.0.1:7071'])).toEqual({ tightHeap: false, lateTierUp: true });
    // One sheet of a few thousand rows is hot at once: V8's own tier-up is best for it.
    expect(tuning(['check', district, file('register-5k.xlsx', SMALL_FILE_BYTES + 1)])).toEqual({ tightHeap: false, lateTierUp: false });
    const count = Math.floor(SHORT_RUN_BYTES / 7_563);
    expect(tuning(['check', ...Array.from({ length: count }, () => district)]).lateTierUp).toBe(true);
    expect(tuning(['check', ...Array.from({ length: count + 1 }, () => district)]).lateTierUp).toBe(false);
    // Nothing to read (missing files): nothing to tune.
    expect(tuning(['check', join(dir, 'missing.xlsx')])).toEqual({ tightHeap: false, lateTierUp: false });
  });

  test('the later tier-up is a flag of the V8 it was measured with (Node 20 and 21), and of no other', () => {
    expect(lateTierUpFlag('11.3.244.8-node.38')).toBe('--interrupt-budget=1081344');
    expect(lateTierUpFlag('11.8.172.17-node.19')).toBe('--interrupt-budget=1081344');
    expect(lateTierUpFlag('12.4.254.21-node.33')).toBeNull();
    expect(lateTierUpFlag('13.6.233.10-node.18')).toBeNull();
  });

  test('other commands are left alone', () => {
    expect(runShape(['pull', '--form', 'x', '--fy', '2563'])).toBeNull();
    expect(tuning(['--help'])).toEqual({ tightHeap: false, lateTierUp: false });
  });
});
