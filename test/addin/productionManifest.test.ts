import { readFileSync } from 'node:fs';
import { DEV_API_ORIGIN, MANIFEST_SOURCE, PACKAGE_VERSION, PRODUCTION_ID, manifestVersion, productionManifest } from '../../scripts/manifest';
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

  test('its own id (a developer’s sideloaded copy is another add-in) and the version package.json gives; the development manifest’s requirement sets', () => {
    expect(tag(prod, 'Id')).toEqual([PRODUCTION_ID]);
    expect(tag(source, 'Id')).not.toEqual([PRODUCTION_ID]);
    expect(tag(prod, 'Version')).toEqual([manifestVersion(PACKAGE_VERSION)]);
    expect(manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(manifestVersion('2.13.4-beta.1')).toBe('2.13.4.0');
    expect(tag(productionManifest(source, 'https://returns.example.go.th', undefined, { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }), 'Id')).toEqual(['0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d']);
    expect(() => productionManifest(source, 'https://returns.example.go.th', undefined, { id: 'not-a-guid' })).toThrow(/GUID/);
    expect(tag(prod, 'ProviderName')).toEqual(tag(source, 'ProviderName'));
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
