import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const PACKAGES = { shared: 'shared', readers: 'readers/src', functions: 'functions/src', cli: 'cli/src', addin: 'addin/src' } as const;

function sourcesOf(dir: string): string[] {
  return readdirSync(resolve(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes('node_modules') && !e.parentPath.includes('/dist'))
    .map((e) => join(e.parentPath, e.name));
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import\(?|require\()\s*'([^']+)'/g)].map((m) => m[1]);

describe('package boundaries', () => {
  test('the Functions ship no add-in or CLI libraries (npm ls --omit=dev -w functions)', () => {
    const tree = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable', '-w', 'functions'], { cwd: ROOT, encoding: 'utf8' });
    const names = tree.split('\n').map((p) => p.replace(/.*node_modules\//, ''));
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => /^(react|react-dom|@fluentui\/|@microsoft\/office-js|exceljs|azurite)/.test(n))).toEqual([]);
    // MSAL may come only with @azure/identity (DefaultAzureCredential: the managed identity to storage), never on its own.
    type Node = { dependencies?: Record<string, Node> };
    const msalParents: string[] = [];
    const walk = (name: string, n: Node) => Object.entries(n.dependencies ?? {}).forEach(([d, child]) => (d.startsWith('@azure/msal') && msalParents.push(name), walk(d, child)));
    walk('root', JSON.parse(execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '-w', 'functions'], { cwd: ROOT, encoding: 'utf8' })) as Node);
    expect(msalParents.filter((p) => p !== '@azure/identity' && !p.startsWith('@azure/msal'))).toEqual([]);
  });

  test.each(Object.entries(PACKAGES))('%s reaches other packages only by their package name', (_name, dir) => {
    const root = resolve(ROOT, dir.split('/')[0]);
    const escapes = sourcesOf(dir).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .filter((spec) => relative(root, resolve(dirname(file), spec)).startsWith('..'))
        .map((spec) => `${relative(ROOT, file)}: ${spec}`),
    );
    expect(escapes).toEqual([]);
  });

  test.each(['shared', 'readers/src'])('%s runs anywhere: no Node built-ins, no office.js, no browser globals', (dir) => {
    const impure = sourcesOf(dir)
      .filter((f) => !f.endsWith('.test.ts'))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.startsWith('node:') || /^(fs|path|os|http|crypto)$/.test(spec) || spec.startsWith('@microsoft/'))
          .map((spec) => `${relative(ROOT, file)}: ${spec}`),
      );
    expect(impure).toEqual([]);
  });
});
