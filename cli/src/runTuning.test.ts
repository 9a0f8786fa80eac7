import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHORT_RUN_BYTES, runLength } from './runTuning';

const dir = mkdtempSync(join(tmpdir(), 'returns-short-'));
const file = (name: string, bytes: number) => {
  const p = join(dir, name);
  writeFileSync(p, Buffer.alloc(bytes));
  return p;
};

describe('runLength', () => {
  test('check and upload of little input are short; the files named are what counts', () => {
    const small = file('small.xlsx', 10_000);
    expect(runLength(['check', small, '--json'])).toBe('short');
    expect(runLength(['upload', small, '--api', 'http://127.0.0.1:7071', '--key', 'k'])).toBe('short');
    expect(runLength(['check', join(dir, 'missing.xlsx')])).toBe('short');
  });

  test('input past the bound, in one file or many, is not', () => {
    expect(runLength(['check', file('big.xlsx', SHORT_RUN_BYTES)])).toBe('long');
    const half = file('half.xlsx', SHORT_RUN_BYTES / 2);
    expect(runLength(['check', half, half])).toBe('long');
  });

  test('other commands are left alone', () => {
    expect(runLength(['pull', '--form', 'x', '--fy', '2563'])).toBe('other');
    expect(runLength(['--help'])).toBe('other');
  });
});
