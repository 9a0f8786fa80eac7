import { main } from '@returns-hub/cli/main';
import { COMMAND_SPECS } from '@returns-hub/cli/main';
import { startApi, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

let api: Api;
beforeAll(async () => (api = await startApi()), 60_000);
afterAll(async () => api?.close());

async function run(argv: string[]) {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s), { RETURNS_API_URL: `${api.url}/api`, RETURNS_API_KEY: 'dev-hq' });
  return { code, out: lines.join('\n') };
}

const FORM2 = ['--form', 'bma-community-plan-return', '--fy', '2563', '--period', 'FY'];
const district = (code: string) => sample(`community-plan/districts/${code}.xlsx`);

describe('the HQ analyst from the command line (the API address given with /api, as npm start prints it)', () => {
  test('--unit วังทองหลาง works for every command taking a unit', async () => {
    const taking = COMMAND_SPECS.filter((c) => 'unit' in c.options).map((c) => c.name);
    expect(taking.sort()).toEqual(['accept', 'exception', 'history', 'reopen', 'send-back']);
    expect((await run(['upload', district('1045')])).code).toBe(0);

    const thai = ['--unit', 'วังทองหลาง'];
    const steps: [string, string[], RegExp][] = [
      ['history', ['history', ...FORM2, ...thai], /bma-community-plan-return 1045 FY 2563 FY[\s\S]*v1\s+submitted/],
      ['accept', ['accept', ...FORM2, '--unit', 'Wang Thonglang'], /1045 FY 2563 FY: version 1 accepted/],
      ['reopen', ['reopen', ...FORM2, ...thai, '--reason', 'แก้ตัวเลข'], /1045 FY 2563 FY: version 1 reopened/],
      ['send-back', ['send-back', ...FORM2, ...thai, '--reason', 'ตรวจยอดเงิน', '--comment', 'C14=ยอดไม่ตรง'], /1045 FY 2563 FY: version 1 sent back with 1 comment/],
      ['exception', ['exception', ...FORM2, ...thai, '--reason', 'ส่งช้าเพราะน้ำท่วม'], /1045 may submit after the period closed/],
    ];
    for (const [name, argv, want] of steps) {
      const r = await run(argv);
      expect([name, r.code, r.out]).toEqual([name, 0, expect.stringMatching(want)]);
    }
    // A list of names, Thai and English, as one selection.
    expect((await run(['upload', district('1001'), district('1002')])).code).toBe(0);
    const many = await run(['accept', ...FORM2, '--unit', 'พระนคร,Dusit']);
    expect(many.out).toContain('1001 v1: accepted');
    expect(many.out).toContain('1002 v1: accepted');
  }, 60_000);

  test('re-uploading the folder after review: the sent-back return is stored, only the accepted one is refused, each with its own message', async () => {
    const files = ['1011', '1012', '1013'].map(district);
    const first = await run(['upload', ...files]);
    expect(first.code).toBe(0);
    expect(first.out.match(/→ version 1/g)).toHaveLength(3);
    expect((await run(['accept', ...FORM2, '--unit', '1012'])).code).toBe(0);
    expect((await run(['send-back', ...FORM2, '--unit', '1013', '--reason', 'ยอดเงินไม่ตรง'])).code).toBe(0);

    const again = await run(['upload', ...files]);
    expect(again.code).toBe(1);
    const lines = again.out.split('\n').filter((l) => /^\d{4}\.xlsx: /.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^1011\.xlsx: bma-community-plan-return 1011 FY 2563 FY → version 2/),
      expect.stringMatching(/^1012\.xlsx: refused — 409 .*1012.*version 1 was accepted by/),
      expect.stringMatching(/^1013\.xlsx: bma-community-plan-return 1013 FY 2563 FY → version 2/),
    ]);
    // Each refusal quotes its own return, never another district's lock.
    expect(again.out).not.toMatch(/1011\.xlsx: refused|1013\.xlsx: refused/);
    expect(again.out).toContain('ได้รับการตรวจรับแล้ว');
  }, 60_000);
});
