import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startAzurite, type Azurite } from '@returns-hub/functions/dev/startAzurite';
import { writeRegister } from './readerBench';
import { projectRegister } from '../support/projectRegister';
import { loadNow, machine, median, writeSection } from './report';
import { SAMPLES, sampleFiles } from '../support/samples';
import { countUploadRequests } from './countStorageRequests';

const ROOT = resolve(__dirname, '../..');
/** The installed bin, as a script calls it (`npx returns` adds npm's own start-up: see the CLI section). */
const BIN = resolve(ROOT, 'node_modules/.bin/returns');
const PEER = resolve(__dirname, 'peer/form2_peer.py');
const PYTHON = '/usr/bin/python3';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MEMORY_RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3);
/** Generated folders of district files beside the 50: each district's file copied (same figures per file). */
const SCALE_SIZES = [500, 5000];
/** Runs per generated folder: 500 files take seconds, so as many as at 50 (a shared machine's load moves a lot in 3); 5,000 take minutes. */
const SCALE_RUNS: Record<number, number> = { 500: Number(process.env.BENCH_SCALE_RUNS ?? RUNS), 5000: Number(process.env.BENCH_SCALE_RUNS ?? 3) };
const FORM2 = 'bma-community-plan-return';

interface Timed {
  wall: number;
  cpu: number;
  rssKb: number;
  stdout: string;
}

/** Wall seconds, user + system CPU seconds and peak RSS of one command (GNU time), and what it printed. */
function timed(cmd: string, args: string[]): Timed {
  const out = join(tmpdir(), `returns-bench-time-${process.pid}`);
  const r = spawnSync('/usr/bin/time', ['-o', out, '-f', '%e %U %S %M', cmd, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const [wall, user, sys, rss] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  if (!Number.isFinite(wall)) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return { wall, cpu: user + sys, rssKb: rss, stdout: r.stdout };
}

/** CPU seconds a process has used so far (Linux /proc). */
function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** The child of this process whose command line contains `marker` (Azurite, started by startAzurite). */
function childPid(marker: string): number {
  for (const d of spawnSync('ls', ['/proc'], { encoding: 'utf8' }).stdout.split('\n')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(marker)) return Number(d);
    } catch {
      // gone
    }
  }
  throw new Error(`no child process running ${marker}`);
}

/** FORMS.md's Form 2 table: indicator id → the figure the 50 districts must reproduce (percentages left out). */
function formsMdForm2(): Map<string, number> {
  const md = readFileSync(process.env.FORMS_MD ?? resolve(SAMPLES, '..', 'FORMS.md'), 'utf8');
  const start = md.indexOf('## Form 2');
  const section = md.slice(start, md.indexOf('\n## ', start + 10));
  const out = new Map<string, number>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const [ids, values] = line.slice(1, -1).split('|');
    const idList = [...ids.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]);
    const valueList = values.split(' · ').map((v) => Number(/[\d,]+/.exec(v)![0].replace(/,/g, '')));
    if (idList.length !== valueList.length) throw new Error(`FORMS.md Form 2: ${ids} vs ${values}`);
    idList.forEach((id, i) => out.set(id, valueList[i]));
  }
  if (out.size < 10) throw new Error('FORMS.md: Form 2 table not found');
  return out;
}

/** Where `got` differs from FORMS.md (empty when every figure is reproduced). */
function differences(want: Map<string, number>, got: (id: string) => number | null | undefined): string[] {
  return [...want].filter(([id, v]) => got(id) !== v).map(([id, v]) => `${id}: ${got(id)} (FORMS.md ${v})`);
}

/** Azurite (in memory) and the API in its own process, as `npm start` runs them: both measured by CPU. */
async function startStack(): Promise<{ url: string; apiPid: number; azuritePid: number; stop(): Promise<void> }> {
  const azurite: Azurite = await startAzurite();
  const api = spawn(process.execPath, [resolve(ROOT, 'functions/dist/dev/serveLocal.js')], {
    cwd: ROOT,
    env: { ...process.env, RETURNS_ENV: 'development', RETURNS_STORAGE: azurite.connectionString, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    let text = '';
    api.stdout!.on('data', (b: Buffer) => {
      const m = /listening (\S+)/.exec((text += b.toString()));
      if (m) done(m[1]);
    });
    api.once('exit', (code) => fail(new Error(`the API exited (${code})`)));
  });
  return {
    url,
    apiPid: api.pid!,
    azuritePid: childPid('azurite'),
    stop: async () => {
      api.kill('SIGKILL');
      await azurite.stop();
    },
  };
}

async function junkWorkbook(file: string, rows: number): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('junk');
  for (let i = 0; i < rows; i++) ws.addRow([`junk ${i}`, i, i * 1.5]).commit();
  await wb.commit();
}

/** A folder of `n` district files: each of the 50 copied n ÷ 50 times (`1045-007.xlsx`), so every figure is n ÷ 50 × FORMS.md's. */
function districtFolder(files: string[], n: number, root: string): { dir: string; paths: string[]; bytes: number } {
  const dir = join(root, `districts-${n}`);
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let k = 1; k <= n / files.length; k++)
    for (const f of files) {
      const p = join(
        dir,
        `${f
          .split('/')
          .pop()!
          .replace(/\.xlsx$/, '')}-${String(k).padStart(3, '0')}.xlsx`,
      );
      copyFileSync(f, p);
      paths.push(p);
    }
  return { dir, paths, bytes: paths.reduce((b, p) => b + statSync(p).size, 0) };
}

/** Returns `returns check` printed: one line per return read (` · FY 2563 · FY · `). */
const returnsChecked = (stdout: string) => stdout.split('\n').filter((l) => l.includes('bma-community-plan-return ·')).length;

const OPENPYXL_READ_ONLY = `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
print(sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None))`;

const s2 = (x: number) => `${x.toFixed(2)} s`;
const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/**
 * The CLI beside the analyst's script, in one run: the pandas + openpyxl peer on the 50
 * district files (checked to reproduce FORMS.md's Form 2 figures), `returns check` on the
 * same files, and `returns upload` + `returns pull` against Azurite and the API in their own
 * processes (their CPU counted); then peak memory and time checking a 200,000-row register
 * and a 60,000-row junk sheet beside openpyxl's read-only load of each.
 */
export async function peerBench(): Promise<string> {
  if (!existsSync(PYTHON) || spawnSync(PYTHON, ['-c', 'import pandas, openpyxl']).status !== 0)
    throw new Error('the peer needs Debian python3-pandas and python3-openpyxl (apt-get install -y python3-pandas python3-openpyxl)');
  const files = sampleFiles('community-plan/districts');
  const districtsDir = resolve(files[0], '..');
  const want = formsMdForm2();

  // The peer must reproduce FORMS.md, or there is nothing to compare with.
  const peerFigures = JSON.parse(timed(PYTHON, [PEER, districtsDir]).stdout) as Record<string, number>;
  const peerOff = differences(want, (id) => peerFigures[id]);
  if (peerOff.length) throw new Error(`the peer does not reproduce FORMS.md: ${peerOff.join('; ')}`);

  const loadAtStart = loadNow();
  const warmUp = sampleFiles('codi-kpi');
  const runs: { peer: Timed; check: Timed; upload: Timed; pull: Timed; api: number; azurite: number }[] = [];
  let pulledOff: string[] | null = null;
  for (let i = 0; i < RUNS; i++) {
    const peer = timed(PYTHON, [PEER, districtsDir]);
    const check = timed(BIN, ['check', ...files]);
    const stack = await startStack();
    try {
      const api = ['--api', stack.url, '--key', 'dev-hq'];
      // A server that has served before (another form's returns, a tally): the API's code is loaded and compiled.
      timed(BIN, ['upload', ...warmUp, ...api]);
      timed(BIN, ['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--period', 'Q2', '--json', ...api]);
      const apiCpu = cpuOf(stack.apiPid);
      const azCpu = cpuOf(stack.azuritePid);
      const upload = timed(BIN, ['upload', ...files, ...api]);
      const pull = timed(BIN, ['pull', '--form', FORM2, '--fy', '2563', '--json', ...api]);
      runs.push({ peer, check, upload, pull, api: cpuOf(stack.apiPid) - apiCpu, azurite: cpuOf(stack.azuritePid) - azCpu });
      if (!upload.stdout.includes('→ version 1') || upload.stdout.includes('not sent')) throw new Error(`upload failed:\n${upload.stdout}`);
      const tally = JSON.parse(pull.stdout).tally as { groups: { orgUnit: string; received: number; measures: { id: string; value: number | null }[] }[] };
      const hq = tally.groups.find((g) => g.orgUnit === 'BMA')!;
      pulledOff ??= differences(want, (id) => (id === 'districts' ? hq.received : hq.measures.find((m) => m.id === id)?.value));
    } finally {
      await stack.stop();
    }
    process.stderr.write(`peer bench: run ${i + 1}/${RUNS}\n`);
  }
  // At scale: 500 and 5,000 generated district files, the peer and `returns check` in turn, each folder checked first.
  const scaleRoot = mkdtempSync(join(tmpdir(), 'returns-scale-'));
  const loadBefore = loadNow();
  const scale = SCALE_SIZES.map((n) => {
    const folder = districtFolder(files, n, scaleRoot);
    const k = n / files.length;
    const figures = JSON.parse(timed(PYTHON, [PEER, folder.dir]).stdout) as Record<string, number>;
    const off = differences(new Map([...want].map(([id, v]) => [id, v * k])), (id) => figures[id]);
    if (off.length) throw new Error(`the peer on ${n} files: ${off.join('; ')}`);
    const timings: { peer: Timed; check: Timed }[] = [];
    for (let i = 0; i < SCALE_RUNS[n]; i++) {
      const peer = timed(PYTHON, [PEER, folder.dir]);
      const check = timed(BIN, ['check', ...folder.paths]);
      if (returnsChecked(check.stdout) !== n) throw new Error(`returns check read ${returnsChecked(check.stdout)} of ${n} returns`);
      timings.push({ peer, check });
      process.stderr.write(`peer bench: ${n} files, run ${i + 1}/${SCALE_RUNS[n]}\n`);
    }
    const med = (f: (t: (typeof timings)[number]) => number) => median(timings.map(f));
    return { n, bytes: folder.bytes, peerWall: med((t) => t.peer.wall), peerCpu: med((t) => t.peer.cpu), checkWall: med((t) => t.check.wall), checkCpu: med((t) => t.check.cpu) };
  });
  const loadAfter = loadNow();

  // Untimed: the storage requests of the same upload, through a counting proxy.
  const requests = await countUploadRequests(files);
  const m = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
  const peerWall = m((r) => r.peer.wall);
  const peerCpu = m((r) => r.peer.cpu);
  const checkWall = m((r) => r.check.wall);
  const checkCpu = m((r) => r.check.cpu);
  const upWall = m((r) => r.upload.wall + r.pull.wall);
  const upCpu = m((r) => r.upload.cpu + r.pull.cpu + r.api + r.azurite);

  // Memory: a 200,000-row register and a 60,000-row junk sheet, checked by the bin and loaded by openpyxl (read-only).
  const dir = mkdtempSync(join(tmpdir(), 'returns-peer-'));
  const register = join(dir, 'register-200k.xlsx');
  await writeRegister(projectRegister(200_000), register);
  const junk = join(dir, 'junk-60k.xlsx');
  await junkWorkbook(junk, 60_000);
  const openpyxl = join(dir, 'openpyxl_read_only.py');
  writeFileSync(openpyxl, OPENPYXL_READ_ONLY);
  const memory = (file: string) => {
    const ours: Timed[] = [];
    const theirs: Timed[] = [];
    for (let i = 0; i < MEMORY_RUNS; i++) {
      ours.push(timed(BIN, ['check', file]));
      theirs.push(timed(PYTHON, [openpyxl, file]));
    }
    const med = (xs: Timed[]) => ({ rssKb: median(xs.map((x) => x.rssKb)), wall: median(xs.map((x) => x.wall)) });
    return { ours: med(ours), theirs: med(theirs) };
  };
  const reg = memory(register);
  const jnk = memory(junk);

  const pulled = pulledOff === null ? 'not pulled' : pulledOff.length ? `**differs**: ${pulledOff.join('; ')}` : 'every figure equal';
  const body = `## The CLI beside the analyst's pandas script (issue 14)

Command: \`npm run bench -- peer\` (test/bench/peerBench.ts) · ${machine()} · other processes share the cores (at the start, ${loadAtStart}): medians of ${RUNS} runs, each run timing every row in turn (\`/usr/bin/time\`: wall, user + system CPU)

The peer is \`test/bench/peer/form2_peer.py\` (pandas + openpyxl read-only, Debian's \`/usr/bin/python3\`): it reproduces every figure of FORMS.md's Form 2 table (checked by this bench before timing). \`returns\` is the installed bin (\`node_modules/.bin/returns\`). The 50 files are \`community-plan/districts/*.xlsx\`.

| command | wall | CPU | peer ÷ this (wall) | peer ÷ this (CPU) |
|---|---|---|---|---|
| \`/usr/bin/python3 test/bench/peer/form2_peer.py districts/\` (the peer) | ${s2(peerWall)} | ${s2(peerCpu)} | 1.00× | 1.00× |
| \`returns check districts/*.xlsx\` (target ≥ 2× faster) | ${s2(checkWall)} | ${s2(checkCpu)} | **${ratio(peerWall, checkWall)}** | ${ratio(peerCpu, checkCpu)} |
| \`returns upload districts/*.xlsx\` + \`returns pull --form ${FORM2} --fy 2563 --json\` (target no slower); CPU = both commands + the API + Azurite | ${s2(upWall)} | ${s2(upCpu)} | **${ratio(peerWall, upWall)}** | ${ratio(peerCpu, upCpu)} |

**At scale** (issue 23): the same 50 files and generated folders of 500 and 5,000 (each district's file copied, so every figure is 10× and 100× FORMS.md's; the peer's sums are checked to be exactly that, and \`returns check\` to read every return), side by side in this run: the peer and \`returns check FOLDER/*.xlsx\` in turn, medians of ${RUNS} runs at 50, ${SCALE_RUNS[500]} at 500 and ${SCALE_RUNS[5000]} at 5,000. Load (\`uptime\`) before the scale runs: ${loadBefore}; after: ${loadAfter}.

| files | bytes | peer wall | peer CPU | \`returns check\` wall | \`returns check\` CPU | check ÷ peer, wall (target ≤ 0.50) | check ÷ peer, CPU |
|---|---|---|---|---|---|---|---|
${[{ n: files.length, bytes: files.reduce((b, f) => b + statSync(f).size, 0), peerWall, peerCpu, checkWall, checkCpu }, ...scale]
  .map(
    (r) =>
      `| ${r.n.toLocaleString('en-US')} | ${(r.bytes / 1e6).toFixed(1)} MB | ${s2(r.peerWall)} | ${s2(r.peerCpu)} | ${s2(r.checkWall)} | ${s2(r.checkCpu)} | **${(r.checkWall / r.peerWall).toFixed(2)}** | ${(r.checkCpu / r.peerCpu).toFixed(2)} |`,
  )
  .join('\n')}

Before (issue 23's report, same machine): 500 files 2.6× the peer's wall, 5,000 files 11× (254 s against 23 s): above 1 MB of input the CLI forced two full garbage collections per file (78 % of its CPU). Now collections are forced only where a large grid (≥ 10,000 rows) is let go, and the heap is kept tight only when a file of 1 MB or more is read (\`cli/src/runTuning.ts\`).

Upload + pull in detail (medians): upload ${s2(m((r) => r.upload.wall))} wall, ${s2(m((r) => r.upload.cpu))} CPU; pull ${s2(m((r) => r.pull.wall))} wall, ${s2(m((r) => r.pull.cpu))} CPU; the API process ${s2(m((r) => r.api))} CPU; Azurite ${s2(m((r) => r.azurite))} CPU. The server's share alone (API + Azurite: each submission is checked again, stored and applied to the maintained tally aggregates) is ${s2(m((r) => r.api + r.azurite))} of CPU, ${ratio(
    m((r) => r.api + r.azurite),
    peerCpu,
  )} the peer's whole run. Each run starts Azurite (in memory) and the API (\`node functions/dist/dev/serveLocal.js\`) afresh and warms them with the ten CODI returns and a tally, untimed. The pulled Form 2 tally beside FORMS.md: ${pulled}.

Storage requests of the upload (\`test/bench/countStorageRequests.ts\`: Azurite behind a counting proxy, the API warmed first): **${requests.total}** (${requests.byKind.map(([k, n]) => `${n} \`${k}\``).join(', ')}); before the upload was bundled and stored in bulk: 740–795 (one request per file, each return read, logged, versioned, audited and tallied alone).

Peak memory (\`/usr/bin/time\` %M, median of ${MEMORY_RUNS}):

| file | \`returns check FILE\` | openpyxl \`load_workbook(read_only=True)\`, every row iterated (\`python3 openpyxl_read_only.py FILE\`) | memory ratio (target ≤ 2×) |
|---|---|---|---|
| project register, 200,000 rows × 7 columns (1.4 million cells, written by \`writeRegister\`) | **${mib(reg.ours.rssKb)}**, ${s2(reg.ours.wall)} | ${mib(reg.theirs.rssKb)}, ${s2(reg.theirs.wall)} | **${ratio(reg.ours.rssKb, reg.theirs.rssKb)}** |
| junk sheet, 60,000 rows × 3 columns (no form: one finding) | **${mib(jnk.ours.rssKb)}**, ${s2(jnk.ours.wall)} | ${mib(jnk.theirs.rssKb)}, ${s2(jnk.theirs.wall)} | **${ratio(jnk.ours.rssKb, jnk.theirs.rssKb)}** |
`;
  writeSection('peer', body);
  return body;
}
