import { main } from './main';

async function run(argv: string[]) {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s), { RETURNS_API_URL: 'http://127.0.0.1:9', RETURNS_API_KEY: 'k' });
  return { code, out: lines.join('\n') };
}

describe.each([
  ['pull', ['pull', '--form', 'codi-quarterly-kpi']],
  ['admin rebuild-tallies', ['admin', 'rebuild-tallies', '--form', 'codi-quarterly-kpi']],
])('returns %s reads years and periods as the API and the pane do (shared/period)', (_name, command) => {
  test.each([
    [['--fy', '9999'], /Fiscal year "9999" is not valid[\s\S]*ปีงบประมาณ "9999" ไม่ถูกต้อง/],
    [['--fy', '2563', '--period', 'Q5'], /Period "Q5" is not valid[\s\S]*งวด "Q5" ไม่ถูกต้อง/],
  ])('%j is refused before any request, in English and Thai, exit 2', async (flags, message) => {
    const { code, out } = await run([...command, ...flags]);
    expect(code).toBe(2);
    expect(out).toMatch(message);
  });
});
