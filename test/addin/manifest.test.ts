import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateManifest } from '../../scripts/validateManifest';

const MANIFEST = resolve(__dirname, '../../manifest.xml');
const xml = readFileSync(MANIFEST, 'utf8');

describe('manifest.xml', () => {
  test('validates against the Office add-in XSD schemas', async () => {
    const r = await validateManifest(xml);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  test('the validation can fail: a manifest without <Version> is refused', async () => {
    const r = await validateManifest(xml.replace(/<Version>[^<]*<\/Version>/, ''));
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(/ProviderName.*not expected/);
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
