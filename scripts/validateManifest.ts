import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The Office add-in XML manifest schemas (patched so they compile), copied from `../shared/manifest-schemas`; MANIFEST_SCHEMAS overrides. */
export const MANIFEST_SCHEMAS = process.env.MANIFEST_SCHEMAS ?? resolve(__dirname, '../test/fixtures/shared/manifest-schemas');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/**
 * Validates an add-in XML manifest against the XSDs with libxml2 compiled to WebAssembly
 * (npm xmllint-wasm): offline, and nothing to install on the machine.
 */
export async function validateManifest(xml: string, fileName = 'manifest.xml'): Promise<{ valid: boolean; errors: string[] }> {
  const xsd = readdirSync(MANIFEST_SCHEMAS).filter((f) => f.endsWith('.xsd'));
  const load = (f: string) => ({ fileName: f, contents: readFileSync(resolve(MANIFEST_SCHEMAS, f), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [load(MAIN_SCHEMA)],
    preload: xsd.filter((f) => f !== MAIN_SCHEMA).map(load),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
