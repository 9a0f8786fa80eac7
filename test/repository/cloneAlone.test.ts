import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';

/**
 * Someone who clones the repository from its host has no `../shared` beside it: the tests must
 * read only what the repository holds (its copy in test/fixtures/shared).
 */
const ROOT = resolve(__dirname, '../..');
/** What git ignores (.gitignore): a clone has none of it. */
const NOT_IN_A_CLONE = new Set(['.git', 'node_modules', 'dist', 'coverage', 'test-artifacts', '.azurite', 'local.settings.json']);
const notInAClone = (name: string) => NOT_IN_A_CLONE.has(name) || name.endsWith('.tsbuildinfo') || name.endsWith('.log');
/** The tests that read the samples, FORMS.md and the manifest schemas, run again in the clone. */
const TESTS_THAT_READ_SHARED = ['test/samples/samplesCheck.test.ts', 'test/report/formsTables.test.ts', 'test/addin/manifest.test.ts', 'test/repository/sharedCopy.test.ts'];
/** The one place allowed to name the shared folder beside the repository. */
const COPY_SCRIPT = 'scripts/sharedCopy.ts';

function codeFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (notInAClone(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) codeFiles(path, out);
    else if (/\.(ts|tsx|js|mjs|cjs|sh|py|json|ya?ml)$/.test(name)) out.push(relative(ROOT, path).split(sep).join('/'));
  }
  return out;
}

describe('a clone alone, with no ../shared beside it', () => {
  test('no code, script or workflow reads ../shared, except the script that copies it', () => {
    // A path to the folder beside the repository, in code (comments may say where the copy comes from).
    const beside = /(\.\.\/)+shared\/(samples|manifest-schemas|FORMS\.md)|\/work\/shared\b|['"]\.\.['"], *['"]shared['"], *['"](samples|manifest-schemas|FORMS\.md)/;
    const code = (f: string) =>
      readFileSync(join(ROOT, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*(\/\/|#).*$/gm, '');
    const allowed = [COPY_SCRIPT, relative(ROOT, __filename).split(sep).join('/')];
    const naming = codeFiles(ROOT).filter((f) => !allowed.includes(f) && !f.startsWith('test/fixtures/') && beside.test(code(f)));
    expect(naming).toEqual([]);
    // The pattern finds what it looks for.
    expect(beside.test("resolve(__dirname, '../../../shared/samples')")).toBe(true);
    expect(beside.test("join(ROOT, '..', 'shared', 'manifest-schemas')")).toBe(true);
    expect(beside.test('/work/shared/FORMS.md')).toBe(true);
  });

  test('passes the tests that read the samples, FORMS.md and the manifest schemas', () => {
    const parent = mkdtempSync(join(tmpdir(), 'clone-alone-'));
    try {
      const clone = join(parent, basename(ROOT));
      cpSync(ROOT, clone, { recursive: true, filter: (src) => !notInAClone(basename(src)) });
      expect(existsSync(join(parent, 'shared'))).toBe(false);
      // Installed packages are not what is tested: the clone borrows this checkout's.
      for (const dir of ['.', 'shared', 'functions', 'cli', 'addin']) {
        if (existsSync(join(ROOT, dir, 'node_modules'))) symlinkSync(join(ROOT, dir, 'node_modules'), join(clone, dir, 'node_modules'), 'dir');
      }
      const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
      for (const name of ['SAMPLES_DIR', 'FORMS_MD', 'MANIFEST_SCHEMAS', 'SHARED_DIR']) delete env[name];
      const results = join(parent, 'results.json');
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--runInBand', '--json', `--outputFile=${results}`, ...TESTS_THAT_READ_SHARED], {
        cwd: clone,
        env,
        encoding: 'utf8',
        timeout: 240_000,
      });
      const summary = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : null;
      const failed = summary ? summary.testResults.filter((r: { status: string }) => r.status !== 'passed').map((r: { message: string }) => r.message) : [run.stderr];
      expect(failed).toEqual([]);
      expect(run.status).toBe(0);
      expect(summary.testResults.map((r: { name: string }) => relative(clone, r.name).split(sep).join('/')).sort()).toEqual([...TESTS_THAT_READ_SHARED].sort());
      expect(summary.numPassedTests).toBeGreaterThan(40);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 300_000);
});
