import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIG_FILE_BYTES, SHORT_RUN_BYTES, runShape, tuningFor } from './runTuning';

const dir = mkdtempSync(join(tmpdir(), 'returns-short-'));
const file = (name: string, bytes: number) => {
  const p = join(dir, name);
  writeFileSync(p, Buffer.alloc(bytes));
  return p;
};
const tuning = (argv: string[]) => tuningFor(runShape(argv));

describe('how V8 is set for a run', () => {
  test('check and upload of little input go without the optimising compiler; the files named are what counts', () => {
    const small = file('small.xlsx', 10_000);
    expect(tuning(['check', small, '--json'])).toEqual({ optimise: false, tightHeap: false });
    expect(tuning(['upload', small, '--api', 'http://127.0.0.1:7071', '--key', 'k'])).toEqual({ optimise: false, tightHeap: false });
    expect(tuning(['check', join(dir, 'missing.xlsx')])).toEqual({ optimise: false, tightHeap: false });
  });

  test('a big file gets the optimiser and a tight heap; many small files the optimiser only (no forced collections)', () => {
    expect(tuning(['check', file('big.xlsx', BIG_FILE_BYTES)])).toEqual({ optimise: true, tightHeap: true });
    const district = file('district.xlsx', 8_000);
    const many = Array.from({ length: Math.ceil(SHORT_RUN_BYTES / 8_000) + 1 }, () => district);
    expect(runShape(['check', ...many])).toEqual({ totalBytes: many.length * 8_000, largestBytes: 8_000 });
    expect(tuning(['check', ...many])).toEqual({ optimise: true, tightHeap: false });
  });

  test('other commands are left alone', () => {
    expect(runShape(['pull', '--form', 'x', '--fy', '2563'])).toBeNull();
    expect(tuning(['--help'])).toEqual({ optimise: true, tightHeap: false });
  });
});
