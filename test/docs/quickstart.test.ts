import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@returns-hub/functions/dev/startAzurite';
import { holdAddinDist } from '../support/addinDistLock';
import { outputMatches, quickstartSteps } from '../support/markdownSteps';

/**
 * The README's quickstart, run as a newcomer would: `npm start` (own ports, own data folder, a
 * home with no development certificate, as on a new machine), then every command block in
 * another "terminal", each compared with the output the README shows.
 */
const ROOT = resolve(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const STEPS = quickstartSteps(README, 'Quickstart');
/** The ports and folders the README shows; the test's own stand in their place when comparing. */
const SHOWN = { api: 7071, pane: 3000, azurite: 10002, home: '/home/you', data: '/home/you/returns-hub/.azurite' };
/** What differs from run to run whatever the product does: the time of day. */
const TIMES: [RegExp, string][] = [
  [/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>'],
  [/\d{4}-\d\d-\d\d \d\d:\d\d Bangkok time/g, '<time> Bangkok time'],
];
const untimed = (text: string) => TIMES.reduce((t, [re, by]) => t.replace(re, by), text);

let npmStart: ChildProcess;
let releaseAddinDist: (() => void) | undefined;
let output = '';
let exited: Promise<number | null>;
const own = { api: 0, pane: 0, azurite: 0, home: '', data: '', terminal: '' };

/** The actual output as the README would show it: the README's ports and folders, times masked. */
function asShown(text: string): string {
  const shown = text
    .split(own.data)
    .join(SHOWN.data)
    .split(own.home)
    .join(SHOWN.home)
    .replace(new RegExp(`:(${own.api}|${own.pane}|${own.azurite})\\b`, 'g'), (_m, port: string) => `:${{ [own.api]: SHOWN.api, [own.pane]: SHOWN.pane, [own.azurite]: SHOWN.azurite }[port]}`);
  return untimed(shown);
}

function expectShown(shown: string | null, actual: string) {
  expect(shown).not.toBeNull();
  const got = asShown(actual);
  if (!outputMatches(untimed(shown!), got)) expect(got).toBe(shown); // shows the difference
}

beforeAll(async () => {
  own.api = await freePort();
  own.pane = await freePort();
  own.azurite = await freePort();
  own.home = mkdtempSync(join(tmpdir(), 'quickstart-home-'));
  own.data = mkdtempSync(join(tmpdir(), 'quickstart-data-'));
  // The second terminal: a folder that holds what the commands name (the samples, the installed CLI).
  own.terminal = mkdtempSync(join(tmpdir(), 'quickstart-terminal-'));
  symlinkSync(join(ROOT, 'node_modules'), join(own.terminal, 'node_modules'), 'dir');
  symlinkSync(join(ROOT, 'test'), join(own.terminal, 'test'), 'dir');
}, 60_000);

afterAll(async () => {
  if (npmStart?.pid && npmStart.exitCode === null) {
    process.kill(-npmStart.pid, 'SIGTERM'); // npm, its shell and the script: the group this test started
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  }
  npmStart?.stdout?.destroy();
  npmStart?.stderr?.destroy();
  releaseAddinDist?.();
  for (const dir of [own.home, own.data, own.terminal]) if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe("the README's quickstart, run against npm start on loopback", () => {
  test('the first block installs and starts: npm start prints what the README shows', async () => {
    expect(STEPS.length).toBeGreaterThan(3);
    expect(STEPS[0].commands).toBe('npm install && npm start');
    // The install is this checkout's own; the start is npm's, as the reader runs it.
    releaseAddinDist = await holdAddinDist(); // its pane build and manifest in addin/dist are this test's until it stops
    npmStart = spawn('npm', ['start'], {
      cwd: ROOT,
      detached: true,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: own.home,
        PORT: String(own.api),
        ADDIN_PORT: String(own.pane),
        AZURITE_TABLE_PORT: String(own.azurite),
        AZURITE_LOCATION: own.data,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npmStart.stdout!.on('data', (d) => (output += d));
    npmStart.stderr!.on('data', (d) => (output += d));
    exited = new Promise((r) => npmStart.once('exit', (code) => r(code)));
    const deadline = Date.now() + 240_000;
    while (!output.includes('returns-hub ready')) {
      if (npmStart.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expectShown(STEPS[0].shown, output.slice(output.indexOf('> returns-hub@')));
  }, 300_000);

  test('another ADDIN_PORT: the API lets the pane on that port call it, and the manifest to sideload names that port', async () => {
    expect(output).toContain('returns-hub ready');
    const preflight = (origin: string) => fetch(`http://127.0.0.1:${own.api}/api/returns`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    const moved = await preflight(`https://localhost:${own.pane}`);
    expect(moved.headers.get('access-control-allow-origin')).toBe(`https://localhost:${own.pane}`);
    expect((await preflight('https://localhost:3000')).headers.get('access-control-allow-origin')).toBeNull();
    const manifestPath = /^ {2}Excel manifest +(\S+)$/m.exec(output)?.[1];
    expect(manifestPath).toBe('addin/dist/manifest.development.xml');
    const manifest = readFileSync(join(ROOT, manifestPath!), 'utf8');
    expect(manifest).toContain(`<SourceLocation DefaultValue="https://localhost:${own.pane}/taskpane.html"/>`);
    expect(manifest).not.toContain('localhost:3000');
  });

  const exportsBefore = (i: number) =>
    STEPS.slice(1, i)
      .flatMap((s) => s.commands.split('\n'))
      .filter((l) => l.startsWith('export '));

  test.each(STEPS.slice(1).map((s, i) => [s.commands.split('\n').find((l) => !l.startsWith('export ')) ?? s.commands, i + 1] as const))(
    '%s',
    (_name, i) => {
      expect(output).toContain('returns-hub ready');
      const toOwnPorts = (s: string) => s.split(`127.0.0.1:${SHOWN.api}`).join(`127.0.0.1:${own.api}`);
      const script = [...exportsBefore(i), STEPS[i].commands].map(toOwnPorts).join('\n');
      const run = spawnSync('bash', ['-c', `${script} 2>&1`], {
        cwd: own.terminal,
        env: { PATH: process.env.PATH ?? '', HOME: own.home },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.error).toBeUndefined();
      expectShown(STEPS[i].shown, run.stdout);
    },
    150_000,
  );
});
