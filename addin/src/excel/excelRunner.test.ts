import type { ExcelContext } from './excelApi';
import { excelRunner, type ExcelHost } from './excelRunner';

/** A host that fails its first runs with the given codes, then runs the batch; it records the run options. */
function host(failures: string[], sets: Record<string, string> = { ExcelApi: '1.1' }) {
  const calls: boolean[] = [];
  const h: ExcelHost = {
    async run<T>(batch: (c: ExcelContext) => Promise<T>, o: { delayForCellEdit: boolean }): Promise<T> {
      calls.push(o.delayForCellEdit);
      const code = failures.shift();
      if (code) throw Object.assign(new Error(code), { code, debugInfo: { code } });
      return batch({} as ExcelContext);
    },
    isSetSupported: (set, version) => sets[set] !== undefined && Number(sets[set].split('.')[1]) >= Number(version.split('.')[1]),
  };
  return { h, calls };
}

const waits: number[] = [];
const wait = async (ms: number) => void waits.push(ms);
beforeEach(() => (waits.length = 0));

describe('the one place Excel is called', () => {
  test('a value comes back as ok', async () => {
    const { h } = host([]);
    expect(await excelRunner(h, { wait }).run(async () => 42)).toEqual({ ok: true, value: 42 });
  });

  test('cell-edit mode: waits and runs the batch again, and succeeds once the clerk leaves the cell', async () => {
    const { h, calls } = host(['InvalidOperationInCellEditMode', 'InvalidOperationInCellEditMode']);
    expect(await excelRunner(h, { wait, retryMs: [10, 20, 40] }).run(async () => 'done')).toEqual({ ok: true, value: 'done' });
    expect(waits).toEqual([10, 20]);
    expect(calls).toEqual([false, false, false]); // ExcelApi 1.1: no delayForCellEdit
  });

  test('cell-edit mode that lasts: after the retries, a bilingual message and a way on', async () => {
    const { h } = host(Array(5).fill('InvalidOperationInCellEditMode'));
    const out = await excelRunner(h, { wait, retryMs: [10, 20] }).run(async () => 'never');
    expect(out).toMatchObject({ ok: false, problem: { code: 'InvalidOperationInCellEditMode', wayOn: 'retry' } });
    if (!out.ok) expect([out.problem.th, out.problem.en]).toEqual([expect.stringContaining('กำลังแก้ไขเซลล์'), expect.stringContaining('a cell is being edited')]);
  });

  test('where the host has ExcelApi 1.11, Excel is asked to hold the batch until the cell edit ends', async () => {
    const { h, calls } = host([], { ExcelApi: '1.11' });
    await excelRunner(h, { wait }).run(async () => 1);
    expect(calls).toEqual([true]);
  });

  test.each([
    ['AccessDenied', 'retry', 'ยกเลิกการป้องกัน'],
    ['ItemNotFound', 'checkAgain', 'ไม่พบชีต'],
    ['ItemAlreadyExists', 'retry', 'มีชีต'],
    ['RequestPayloadSizeLimitExceeded', 'none', '5 MB'],
    ['GeneralException', 'retry', 'Excel ทำรายการไม่สำเร็จ'],
    ['SomethingElse', 'retry', 'ไม่คาดคิด'],
  ])('%s is not retried: it becomes a problem (%s)', async (code, wayOn, th) => {
    const { h, calls } = host([code]);
    const out = await excelRunner(h, { wait }).run(async () => 1);
    expect(out).toMatchObject({ ok: false, problem: { wayOn } });
    if (!out.ok) expect(out.problem.th).toContain(th);
    expect(calls).toHaveLength(1);
  });

  test('an error that is no office.js error (a bug, a TypeError) is a problem too, never thrown', async () => {
    const { h } = host([]);
    const out = await excelRunner(h, { wait }).run(async () => {
      throw new TypeError('x is undefined');
    });
    expect(out).toMatchObject({ ok: false, problem: { code: 'Unexpected' } });
  });

  test('a write to a protected sheet that a host reports as InvalidOperation is told as protection', async () => {
    const h: ExcelHost = { run: async () => Promise.reject(Object.assign(new Error('The cell you are trying to change is protected'), { code: 'InvalidOperation' })), isSetSupported: () => false };
    expect(await excelRunner(h, { wait }).run(async () => 1)).toMatchObject({ ok: false, problem: { code: 'AccessDenied' } });
  });
});
