import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MANIFEST = resolve(__dirname, '../../manifest.xml');
const SCHEMAS = process.env.MANIFEST_SCHEMAS ?? resolve(__dirname, '../../../shared/manifest-schemas');
const xml = readFileSync(MANIFEST, 'utf8');

/** Validates with libxml2 against the published XSDs (offline), OfficeAppManifestV1_1.xsd as the main schema. */
function validate(file: string): { ok: boolean; out: string } {
  try {
    const out = execFileSync('xmllint', ['--noout', '--schema', 'OfficeAppManifestV1_1.xsd', file], { cwd: SCHEMAS, stdio: 'pipe' }).toString();
    return { ok: true, out };
  } catch (e) {
    return { ok: false, out: String((e as { stderr?: Buffer }).stderr ?? e) };
  }
}

describe('manifest.xml', () => {
  test('validates against the Office add-in XSD schemas', () => {
    const r = validate(MANIFEST);
    expect(r.out).toBe('');
    expect(r.ok).toBe(true);
  });

  test('the validation can fail: a manifest without <Version> is refused', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'broken.xml');
    writeFileSync(broken, xml.replace(/<Version>[^<]*<\/Version>/, ''));
    const r = validate(broken);
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/ProviderName.*not expected/);
  });

  test('every resid points at a resource', () => {
    const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
    const refs = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
  });

  test('every URL is https', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g), ...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
  });

  test('names and labels have Thai (th-TH) overrides', () => {
    for (const tag of ['DisplayName', 'Description']) expect(xml).toMatch(new RegExp(`<${tag}[^>]*>\\s*<Override Locale="th-TH" Value="[^"]+"`));
    const strings = [...xml.matchAll(/<bt:String id="([^"]+)"[^>]*>([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThan(3);
    for (const [, id, body] of strings) expect([id, /<bt:Override Locale="th-TH" Value="[^"]+"/.test(body)]).toEqual([id, true]);
  });

  test('the ribbon button opens the task pane, and the icons it names exist', () => {
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    for (const [, file] of xml.matchAll(/localhost:3000\/assets\/([\w-]+\.png)/g)) expect(existsSync(resolve(__dirname, '../../addin/assets', file))).toBe(true);
  });
});
