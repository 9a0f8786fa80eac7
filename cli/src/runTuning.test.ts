import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIG_FILE_BYTES, runShape, tuningFor } from './runTuning';

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
    expect(tuning(['check', small])).toEqual({ tightHeap: false });
  });

  test('a big file keeps the heap tight; 5,000 small files (40 MB) do not: no forced collections for them', () => {
    expect(tuning(['check', file('big.xlsx', BIG_FILE_BYTES)])).toEqual({ tightHeap: true });
    const district = file('district.xlsx', 8_000);
    const many = Array.from({ length: 5_000 }, () => district);
    expect(runShape(['check', ...many])).toEqual({ totalBytes: 40_000_000, largestBytes: 8_000 });
    expect(tuning(['check', ...many])).toEqual({ tightHeap: false });
  });

  test('other commands are left alone', () => {
    expect(runShape(['pull', '--form', 'x', '--fy', '2563'])).toBeNull();
    expect(tuning(['--help'])).toEqual({ tightHeap: false });
  });
});
