import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHORT_RUN_BYTES, isShortRun } from './shortRun';

const dir = mkdtempSync(join(tmpdir(), 'returns-short-'));
const file = (name: string, bytes: number) => {
  const p = join(dir, name);
  writeFileSync(p, Buffer.alloc(bytes));
  return p;
};

describe('isShortRun', () => {
  test('check and upload of little input are short; the files named are what counts', () => {
    const small = file('small.xlsx', 10_000);
    expect(isShortRun(['check', small, '--json'])).toBe(true);
    expect(isShortRun(['upload', small, '--api', 'http://127.0.0.1:7071', '--key', 'k'])).toBe(true);
    expect(isShortRun(['check', join(dir, 'missing.xlsx')])).toBe(true);
  });

  test('input past the bound, in one file or many, is not', () => {
    expect(isShortRun(['check', file('big.xlsx', SHORT_RUN_BYTES)])).toBe(false);
    const half = file('half.xlsx', SHORT_RUN_BYTES / 2);
    expect(isShortRun(['check', half, half])).toBe(false);
  });

  test('other commands are left alone', () => {
    expect(isShortRun(['pull', '--form', 'x', '--fy', '2563'])).toBe(false);
    expect(isShortRun(['--help'])).toBe(false);
  });
});
