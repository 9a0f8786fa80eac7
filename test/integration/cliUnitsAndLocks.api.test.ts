import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main } from '@returns-hub/cli/main';
import { COMMAND_SPECS } from '@returns-hub/cli/main';
import { startApi, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

let api: Api;
beforeAll(async () => (api = await startApi()), 60_000);
afterAll(async () => api?.close());

async function run(argv: string[], url = api.url) {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s), { RETURNS_API_URL: `${url}/api`, RETURNS_API_KEY: 'dev-hq' });
  return { code, out: lines.join('\n') };
}

/** POSTs seen in front of the API (path and Idempotency-Key); `lose` says whose answer is lost (the API took it; the socket closes). */
async function inFront(lose: (path: string) => boolean = () => false) {
  const posts: { path: string; key: string | undefined }[] = [];
  const proxy: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const post = req.method === 'POST';
    if (post) posts.push({ path, key: req.headers['idempotency-key'] as string | undefined });
    const upstream = request(`${api.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        if (post && lose(path)) return void req.socket.destroy();
        res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
      });
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, posts, close: () => void proxy.close() };
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

    const proxy = await inFront();
    const again = await run(['upload', ...files], proxy.url).finally(proxy.close);
    expect(again.code).toBe(1);
    // One request refused naming 1012's lock (as data), then the other two together: not one request per file.
    expect(proxy.posts.map((p) => p.path)).toEqual(['/api/returns', '/api/returns']);
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

  test('a decision whose answer was lost is retried under its idempotency key and answered as taken, not "already accepted"', async () => {
    expect((await run(['upload', district('1021'), district('1022')])).code).toBe(0);
    // In front of the API: the answer to the first decision on each route is lost.
    const lost = new Set<string>();
    const proxy = await inFront((path) => !lost.has(path) && !!lost.add(path));
    const via = proxy.url;
    const keys = () => proxy.posts.map((p) => p.key);
    try {
      const accepted = await run(['accept', ...FORM2, '--unit', 'บางขุนเทียน'], via);
      expect([accepted.code, accepted.out]).toEqual([0, expect.stringMatching(/1021 FY 2563 FY: version 1 accepted$/)]);
      const bulk = await run(['accept', ...FORM2, '--unit', 'ภาษีเจริญ,Bang Khun Thian'], via);
      expect(bulk.out).toMatch(/1022 v1: accepted/);
      expect(bulk.out).toMatch(/1021 v1: not accepted/); // accepted before this selection: the retry did not turn it round
      const [k1, k2, k3, k4] = keys();
      expect([keys().length, k1 === k2, k3 === k4, k1 === k3]).toEqual([4, true, true, false]);
      expect(k1).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      proxy.close();
    }
    const history = await run(['history', ...FORM2, '--unit', '1021']);
    expect(history.out.match(/accepted/g)).toHaveLength(1);
  }, 60_000);
});
