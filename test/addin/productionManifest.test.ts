import { readFileSync } from 'node:fs';
import { DEV_API_ORIGIN, DEV_PANE_ORIGIN, MANIFEST_SOURCE, devManifest, productionManifest } from '../../scripts/manifest';
import { validateManifest } from '../../scripts/validateManifest';

const source = readFileSync(MANIFEST_SOURCE, 'utf8');
const tag = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('production manifest (npm run manifest -- --base-url …)', () => {
  const prod = productionManifest(source, 'https://returns.example.go.th/pane/', 'https://returns-api.example.go.th/api');

  test('validates against the XSDs, as the development manifest does', async () => {
    expect((await validateManifest(source)).errors).toEqual([]);
    expect((await validateManifest(prod)).errors).toEqual([]);
  });

  test('names no local address; every URL is the pane base or the API origin', () => {
    expect(prod).not.toMatch(/localhost|127\.0\.0\.1/);
    const urls = [...prod.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith('https://returns.example.go.th/pane/'))).toEqual([]);
    expect(tag(prod, 'AppDomain')).toEqual(['https://returns.example.go.th', 'https://returns-api.example.go.th']);
  });

  test('shares the id, version and requirement sets with the development manifest', () => {
    for (const name of ['Id', 'Version', 'ProviderName']) expect(tag(prod, name)).toEqual(tag(source, name));
    const sets = (xml: string) => [...xml.matchAll(/<(?:bt:)?Set [^>]*\/>/g)].map((m) => m[0]);
    expect(sets(prod)).toEqual(sets(source));
  });

  test('without an API address the development API domain is dropped', () => {
    expect(productionManifest(source, 'https://returns.example.go.th')).not.toContain(DEV_API_ORIGIN);
  });

  test('refuses a base URL that is not https or is local, in Thai and English', () => {
    expect(() => productionManifest(source, 'http://returns.example.go.th')).toThrow(/must use https.*ต้องขึ้นต้นด้วย https/);
    expect(() => productionManifest(source, 'https://localhost:3000')).toThrow(/local address.*ที่อยู่ในเครื่อง/);
    expect(() => productionManifest(source, 'not a url')).toThrow(/not a URL/);
  });
});

describe('development manifest for other ports (npm start with ADDIN_PORT, PORT)', () => {
  test('every localhost URL follows the ports; valid against the XSDs; the defaults give manifest.xml itself', async () => {
    const moved = devManifest(source, 3026, 7126);
    expect(moved).not.toContain(DEV_PANE_ORIGIN);
    expect(moved).not.toContain(DEV_API_ORIGIN);
    const local = [...moved.matchAll(/https:\/\/localhost:(\d+)/g)].map((m) => m[1]);
    expect(local.length).toBeGreaterThan(5);
    expect(new Set(local)).toEqual(new Set(['3026', '7126']));
    expect(moved).toContain('<SourceLocation DefaultValue="https://localhost:3026/taskpane.html"/>');
    expect((await validateManifest(moved)).errors).toEqual([]);
    expect(devManifest(source, 3000, 7071)).toBe(source);
  });
});
