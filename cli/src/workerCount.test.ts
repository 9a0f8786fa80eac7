import { PARALLEL_MIN_BYTES, workerCount } from './workerCount';

const big = PARALLEL_MIN_BYTES;

describe('workerCount', () => {
  test('one file, or little to read: this thread', () => {
    expect(workerCount({ files: 1, bytes: 100 * big, cores: 8, loadAverage: 0 })).toBe(1);
    expect(workerCount({ files: 50, bytes: big - 1, cores: 8, loadAverage: 0 })).toBe(1);
  });

  test('much to read on an idle machine: up to the core count, no more than the files', () => {
    expect(workerCount({ files: 10, bytes: big, cores: 2, loadAverage: 0.1 })).toBe(2);
    expect(workerCount({ files: 3, bytes: big, cores: 8, loadAverage: 0 })).toBe(3);
  });

  test('a busy machine: only the cores to spare', () => {
    expect(workerCount({ files: 10, bytes: big, cores: 2, loadAverage: 2 })).toBe(1);
    expect(workerCount({ files: 10, bytes: big, cores: 2, loadAverage: 9 })).toBe(1);
    expect(workerCount({ files: 10, bytes: big, cores: 8, loadAverage: 5.5 })).toBe(3);
  });
});
