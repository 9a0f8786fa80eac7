import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../support/browser';
import { bundleOfficeFake } from '../e2e/paneHarness';
import { startApi } from '../support/apiHarness';
import { serveAddin } from '../../scripts/serveAddin';
import { loadNow, machine, median, writeSection } from './report';
import { paneLoad, type Load } from './sendPageBench';
import { sample } from '../support/samples';

const ROOT = resolve(__dirname, '../..');
/** Main just before issue 20 landed (its merge 238b4f2 joined this): forms and org units compiled in as TypeScript. */
export const BEFORE_COMMIT = 'e27119e';
const PAIRS = Number(process.env.BENCH_PAIRS ?? 7);

interface Run {
  wall: number;
  cpu: number;
  rssMiB: number;
}

/** One command's whole-process figures as /usr/bin/time reports them: wall seconds, user + system CPU seconds, peak RSS. */
function timed(cwd: string, cmd: string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...cmd], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const [wall, user, sys, rss] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  if (![wall, user, sys, rss].every(Number.isFinite)) throw new Error(`${cmd.join(' ')} in ${cwd}: ${r.stderr.slice(-500)}`);
  return { wall, cpu: user + sys, rssMiB: rss / 1024 };
}

/** The checkout built before issue 20: BENCH_BEFORE, else a git worktree of BEFORE_COMMIT in /tmp (made and installed once). */
function beforeCheckout(): string {
  const dir = process.env.BENCH_BEFORE ?? `/tmp/returns-hub-before-${BEFORE_COMMIT}`;
  if (!existsSync(join(dir, 'cli/dist/main.js'))) {
    if (!existsSync(dir)) spawnSync('git', ['worktree', 'add', '--detach', dir, BEFORE_COMMIT], { cwd: ROOT, stdio: 'inherit' });
    const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    if (ci.status !== 0) throw new Error(`npm ci in ${dir} failed`);
  }
  return dir;
}

/** A checkout's pane built by its own build script into a folder of its own. */
function buildPane(checkout: string, outDir: string): void {
  const script = `import('./scripts/buildAddin.ts').then((m) => (m.buildAddin ?? m.default.buildAddin)({ env: {}, outDir: ${JSON.stringify(outDir)} }))`;
  const r = spawnSync('npx', ['tsx', '--conditions=source', '-e', script], { cwd: checkout, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(join(outDir, 'taskpane.js'))) throw new Error(`pane build in ${checkout} failed: ${r.stderr.slice(-800)}`);
}

/** The pane before and after: its first screen's weight (gzipped), time to interactive and first check of the 1017 sample, in turn. */
async function paneStartUp(before: string, after: string): Promise<{ rows: string[]; ratios: number[] }> {
  const dirs = [mkdtempSync(join(tmpdir(), 'pane-before-')), mkdtempSync(join(tmpdir(), 'pane-after-'))];
  const served: Awaited<ReturnType<typeof serveAddin>>[] = [];
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  const browser = await launchChromium({ wholeBrowser: true });
  try {
    buildPane(before, dirs[0]);
    buildPane(after, dirs[1]);
    for (const d of dirs) served.push(await serveAddin(0, d));
    // The API on Azurite both panes talk to (the after one asks it for the year's forms at the first check).
    api = await startApi({ config: { corsOrigins: served.map((s) => s.url) } });
    const settings = { apiUrl: api.url, apiKey: 'dev-hq' };
    const standIn = await bundleOfficeFake();
    for (const s of served) await paneLoad(browser, s.url, standIn, settings); // warm-up
    const pairs: [Load, Load][] = [];
    for (let i = 0; i < PAIRS; i++) pairs.push([await paneLoad(browser, served[0].url, standIn, settings), await paneLoad(browser, served[1].url, standIn, settings)]);
    const scripts = ['taskpane.js', 'pane.js', 'checkWorker.js'];
    const gz = (d: string) => scripts.filter((f) => existsSync(join(d, f))).reduce((n, f) => n + gzipSync(readFileSync(join(d, f))).length, 0) / 1024;
    const row = (label: string, f: (l: Load) => number) => {
      const ratio = median(pairs.map(([b, a]) => f(a) / f(b)));
      const line = `| ${label} | ${median(pairs.map(([b]) => f(b)))} ms | ${median(pairs.map(([, a]) => f(a)))} ms | **${ratio.toFixed(2)}×** (wall, in the browser) | | |`;
      return { line, ratio };
    };
    const tti = row('pane: time to interactive (navigation → Check shown)', (l) => l.interactive);
    const first = row('pane: first check of the 1017 error sample', (l) => l.firstCheck);
    const weight = `| pane: its scripts gzipped (\`taskpane.js\`, \`pane.js\`, \`checkWorker.js\`) | ${gz(dirs[0]).toFixed(0)} KB | ${gz(dirs[1]).toFixed(0)} KB | ${(gz(dirs[1]) / gz(dirs[0])).toFixed(2)}× | | |`;
    return { rows: [tti.line, first.line, weight], ratios: [tti.ratio, first.ratio] };
  } finally {
    await browser.close();
    for (const s of served) await s.close();
    await api?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

const ms = (s: number) => `${Math.round(s * 1000).toLocaleString('en-US')} ms`;
const sec = (s: number) => `${s.toFixed(2)} s`;

/**
 * Loading forms and org units at run time (issue 20) must not cost the clerk: the CLI's start-up
 * (`returns --help`), checking one district file (start-up with the forms loaded) and checking the
 * 50 districts' files in one command, then the pane's start-up (time to interactive, first check),
 * each in the checkout before issue 20 and in this one, in turn (before, after, before, …) in one
 * run, after one untimed warm-up of each.
 */
export async function definitionsBench(): Promise<string> {
  const before = beforeCheckout();
  const after = ROOT;
  const districts = readdirSync(sample('community-plan/districts'))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => sample(`community-plan/districts/${f}`));
  if (districts.length !== 50) throw new Error(`50 district files expected, found ${districts.length}`);
  const cases: [string, string[]][] = [
    ['start-up: `returns --help`', ['--help']],
    ['`returns check 1045.xlsx` (one district)', ['check', sample('community-plan/districts/1045.xlsx')]],
    ['`returns check` of the 50 districts (one command)', ['check', ...districts]],
  ];
  const loadAtStart = loadNow();
  const rows: string[] = [];
  const ratios: number[] = [];
  for (const [label, args] of cases) {
    const run = (dir: string) => timed(dir, ['node', join(dir, 'cli/bin/returns.js'), ...args]);
    run(before);
    run(after); // warm-up: the file cache, not the figures
    const pairs = Array.from({ length: PAIRS }, () => [run(before), run(after)] as const);
    const b = pairs.map(([x]) => x);
    const a = pairs.map(([, y]) => y);
    const cpuRatio = median(pairs.map(([x, y]) => y.cpu / x.cpu));
    const wallRatio = median(pairs.map(([x, y]) => y.wall / x.wall));
    ratios.push(cpuRatio);
    const fmt = args[0] === 'check' && args.length > 2 ? sec : ms;
    rows.push(
      `| ${label} | ${fmt(median(b.map((r) => r.cpu)))} | ${fmt(median(a.map((r) => r.cpu)))} | **${cpuRatio.toFixed(2)}×** | ${fmt(median(b.map((r) => r.wall)))} → ${fmt(median(a.map((r) => r.wall)))} (${wallRatio.toFixed(2)}×) | ${median(b.map((r) => r.rssMiB)).toFixed(0)} → ${median(a.map((r) => r.rssMiB)).toFixed(0)} MiB |`,
    );
  }
  // The pane: each checkout's development build, served from loopback the same way, opened in turn in one browser.
  const panes = await paneStartUp(before, after);
  rows.push(...panes.rows);
  ratios.push(...panes.ratios);
  const worst = Math.max(...ratios);
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const body = `## Forms and org units loaded at run time (issue 20): the CLI and the pane before and after

Command: \`npm run bench -- definitions\` (test/bench/definitionsBench.ts) · ${machine()} · ${PAIRS} pairs in turn (before, after, …) after one warm-up each, medians; "before" is main at ${BEFORE_COMMIT} (just before issue 20 landed: forms and org units compiled in as TypeScript), built in a worktree of its own (\`BENCH_BEFORE\`, default /tmp/returns-hub-before-${BEFORE_COMMIT}); "after" is this checkout (${head}: the built-in definition workbooks' JSON twins loaded and checked at start). Figures from the kernel's accounting of each finished process (\`/usr/bin/time\`); for the CLI the ratio is the median of the pairs' after ÷ before CPU (user + system), which the other engineers' load moves far less than the wall time; for the pane (each checkout's development build by its own build script, served from loopback, Debian chromium, the office.js stand-in, 350 px, its Settings pointing at an API on Azurite on loopback) the wall time in the page · ${loadAtStart} → ${loadNow()}

| | CPU before | CPU after | after ÷ before (CPU) | wall before → after | peak memory |
|---|---|---|---|---|---|
${rows.join('\n')}

Target: no slower than 10 % (≤ 1.10×). Worst ratio in this run: **${worst.toFixed(2)}×**: ${worst <= 1.1 ? 'met' : 'NOT met'}.`;
  writeSection('definitions', body);
  return body;
}
