import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateManifest } from './validateManifest';

const ROOT = resolve(__dirname, '..');
/** The product's version, as package.json gives it. */
export const PACKAGE_VERSION: string = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version;
/** The one manifest source: the development manifest, served by `npm start` on these origins. */
export const MANIFEST_SOURCE = resolve(ROOT, 'manifest.xml');
export const DEV_PANE_ORIGIN = 'https://localhost:3000';
export const DEV_API_ORIGIN = 'https://localhost:7071';
/**
 * The production add-in's own id: Office tells add-ins apart by `<Id>`, so a production copy
 * with the development id would clash with a developer's sideloaded one (and be taken for
 * it when updating). An agency publishing its own build may give another (`--id`).
 */
export const PRODUCTION_ID = '5ffc3ff1-d3e7-495d-ad48-e850a775d35b';

/** An https origin (scheme, host, port; no path), or a bilingual reason it is not one. */
function httpsOrigin(url: string, what: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`${what} "${url}" is not a URL. / ${what} "${url}" ไม่ใช่ที่อยู่เว็บ`);
  }
  if (u.protocol !== 'https:') throw new Error(`${what} must use https (Office loads add-ins only over HTTPS): ${url} / ${what} ต้องขึ้นต้นด้วย https`);
  if (/^(localhost|127\.|\[::1\])/.test(u.hostname)) throw new Error(`${what} must not be a local address in a production manifest: ${url} / ${what} ต้องไม่ใช่ที่อยู่ในเครื่อง`);
  return u.origin + u.pathname.replace(/\/+$/, '');
}

/** package.json's `0.1.0` as the four numbers a manifest's `<Version>` takes: `0.1.0.0`. */
export function manifestVersion(semver: string): string {
  const parts = /^(\d+)\.(\d+)\.(\d+)/.exec(semver);
  if (!parts) throw new Error(`package.json version "${semver}" is not n.n.n / เลขรุ่นใน package.json ไม่อยู่ในรูป n.n.n`);
  return `${parts[1]}.${parts[2]}.${parts[3]}.0`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The production manifest from the same source as the development one: requirement sets,
 * names and resources are the source's; its own `<Id>` (PRODUCTION_ID, or `id`), its
 * `<Version>` from package.json, and where the pane and the API are served.
 */
export function productionManifest(source: string, paneBaseUrl: string, apiBaseUrl?: string, o: { id?: string; version?: string } = {}): string {
  const id = o.id ?? PRODUCTION_ID;
  if (!GUID.test(id)) throw new Error(`--id "${id}" is not a GUID. / --id ต้องเป็น GUID`);
  const pane = httpsOrigin(paneBaseUrl, '--base-url');
  let xml = source.replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`).replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(o.version ?? PACKAGE_VERSION)}</Version>`);
  xml = xml.split(`<AppDomain>${DEV_PANE_ORIGIN}</AppDomain>`).join(`<AppDomain>${new URL(pane).origin}</AppDomain>`);
  xml = xml.split(DEV_PANE_ORIGIN).join(pane);
  const apiDomain = `<AppDomain>${DEV_API_ORIGIN}</AppDomain>`;
  xml = apiBaseUrl
    ? xml.split(apiDomain).join(`<AppDomain>${new URL(httpsOrigin(apiBaseUrl, '--api-url')).origin}</AppDomain>`)
    : xml.replace(new RegExp(`\\s*${apiDomain.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`), '');
  if (/localhost|127\.0\.0\.1/.test(xml)) throw new Error('The manifest source names a local address the generator does not know how to replace. / ต้นฉบับ manifest มีที่อยู่ในเครื่องที่แทนค่าไม่ได้');
  return xml;
}

/**
 * The development manifest for the ports `npm start` serves on (ADDIN_PORT for the pane, PORT
 * for the API): manifest.xml names 3000 and 7071; another port gets a copy naming it.
 */
export function devManifest(source: string, panePort: number, apiPort: number): string {
  return source.split(DEV_PANE_ORIGIN).join(`https://localhost:${panePort}`).split(DEV_API_ORIGIN).join(`https://localhost:${apiPort}`);
}

/** `npm run manifest -- --base-url https://… [--api-url https://…] [--out addin/dist/manifest.xml]` */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'base-url': { type: 'string' }, 'api-url': { type: 'string' }, id: { type: 'string' }, out: { type: 'string' } } });
  const base = values['base-url'];
  if (!base) {
    console.error(
      'usage: npm run manifest -- --base-url https://pane.example.org [--api-url https://api.example.org] [--id GUID] [--out addin/dist/manifest.xml]\n  ต้องระบุ --base-url (ที่อยู่ https ของหน้าต่างงาน)',
    );
    return 2;
  }
  const out = resolve(values.out ?? resolve(ROOT, 'addin/dist/manifest.xml'));
  const xml = productionManifest(readFileSync(MANIFEST_SOURCE, 'utf8'), base, values['api-url'] ?? process.env.API_URL, { id: values.id });
  const check = await validateManifest(xml, out);
  if (!check.valid) {
    console.error(`The production manifest does not validate against the XSDs: / manifest ไม่ผ่านการตรวจกับ XSD:\n${check.errors.join('\n')}`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, xml);
  console.log(`${out}: production manifest for ${base} (valid against the XSDs)`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 2;
    },
  );
}
