import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { main } from '@returns-hub/cli/main';
import { startApi, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

let api: Api;
beforeAll(async () => (api = await startApi({ memory: new MemoryStorage() })), 60_000);
afterAll(async () => api?.close());

async function run(argv: string[], key = 'dev-hq') {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s), { RETURNS_API_URL: api.url, RETURNS_API_KEY: key });
  return { code, out: lines.join('\n') };
}

const RETURN = ['--form', 'bma-community-plan-return', '--fy', '2563', '--period', 'FY'];

describe('returns status / accept / send-back / reopen / history against the local API', () => {
  test('the help lists every review command', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const c of ['status', 'accept', 'send-back', 'reopen', 'history', 'exception']) expect(out).toContain(`returns ${c} --form F`);
    expect(out).toContain('--all-clean');
    expect(out).toContain('--comment CELL=TEXT');
  });

  test('the review loop from the command line', async () => {
    const files = ['1001', '1002', '1003'].map((u) => sample(`community-plan/districts/${u}.xlsx`));
    expect((await run(['upload', ...files])).code).toBe(0);

    const back = await run(['send-back', ...RETURN, '--unit', '1003', '--reason', 'ยอดเงินไม่ตรง', '--comment', 'C14=ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ', '--comment', "'แบบรายงาน 1'!C13: ตรวจยอดรับโอน"]);
    expect(back.code).toBe(0);
    expect(back.out).toContain('version 1 sent back with 2 comment(s)');
    expect(back.out).toContain("'แบบรายงาน 1'!C14: ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ");

    const byUnit = await run(['accept', ...RETURN, '--unit', '1001'], 'dev-unit-1001');
    expect(byUnit.code).toBe(1);
    expect(byUnit.out).toContain('refused — 403 Only headquarters and zone reviewers');

    expect((await run(['accept', ...RETURN, '--unit', '1001', '--version', '1'])).out).toContain('1001 FY 2563 FY: version 1 accepted');
    const clean = await run(['accept', ...RETURN, '--all-clean']);
    expect(clean.out).toContain('1002 v1: accepted');
    expect(clean.out).toContain('1 accepted, 0 not accepted');

    const status = await run(['status', '--form', 'bma-community-plan-return', '--fy', '2563']);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/1001\s+พระนคร\s+accepted\s+late\s+v1/);
    expect(status.out).toMatch(/1003\s+หนองจอก\s+sent back/);
    expect(status.out).toContain('↳ ยอดเงินไม่ตรง (2 comment(s))');
    expect(status.out).toContain('50 expected: 47 not received, 0 submitted, 1 sent back, 0 accepted by zone, 2 accepted, 0 reopened');
    const json = JSON.parse((await run(['status', '--form', 'bma-community-plan-return', '--fy', '2563', '--json'])).out);
    expect(json.completeness.byStatus.accepted).toBe(2);

    const locked = await run(['upload', files[0]]);
    expect(locked.code).toBe(1);
    expect(locked.out).toContain('refused — 409');
    expect(locked.out).toContain('Headquarters can reopen it');

    expect((await run(['reopen', ...RETURN, '--unit', '1001', '--reason', 'แก้ไขตัวเลข'])).out).toContain('version 1 reopened');
    const h = await run(['history', ...RETURN, '--unit', '1001']);
    expect(
      h.out
        .split('\n')
        .filter((l) => /v1\s/.test(l))
        .map((l) => l.replace(/^.*v1\s+(\S+(?: \S+)?)\s+.*$/, '$1')),
    ).toEqual(['submitted', 'accepted', 'reopened']);
    expect(h.out).toContain('hq-key via returns-cli');
    expect(h.out).toContain('แก้ไขตัวเลข');
  }, 60_000);

  test('a comment that is not CELL=TEXT is refused before anything is sent; missing flags print the usage', async () => {
    const bad = await run(['send-back', ...RETURN, '--unit', '1002', '--reason', 'x', '--comment', 'ยอดไม่ตรง']);
    expect([bad.code, bad.out]).toEqual([2, expect.stringContaining('is not CELL=TEXT')]);
    expect((await run(['accept', '--form', 'bma-community-plan-return'])).code).toBe(2);
    expect((await run(['history', ...RETURN])).out).toContain('usage: returns history');
  });
});
