import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_SETTINGS, PLATFORM_SETTINGS, REQUIRED_IN_AZURE, STORAGE_SETTINGS, loadConfig } from '@returns-hub/functions/config';

/** The Function App's app settings as infra/app/api.bicep gives them: name → Bicep expression. */
function bicepAppSettings(): Map<string, string> {
  const bicep = readFileSync(resolve(__dirname, '../../infra/app/api.bicep'), 'utf8');
  const block = /resource appSettings 'Microsoft\.Web\/sites\/config@[^']+' = \{[\s\S]*?properties: \{([\s\S]*?)\n {2}\}/.exec(bicep);
  if (!block) throw new Error('infra/app/api.bicep has no appsettings resource');
  return new Map([...block[1].matchAll(/^\s+(\w+):\s*(.+)$/gm)].map((m) => [m[1], m[2].trim()]));
}

describe('the Bicep and the configuration schema agree', () => {
  const settings = bicepAppSettings();

  test('every app setting the Bicep gives the Function App is one the configuration reads (or a platform one it knows)', () => {
    expect(settings.size).toBeGreaterThanOrEqual(8);
    const known = new Set<string>([...CONFIG_SETTINGS, ...PLATFORM_SETTINGS]);
    expect([...settings.keys()].filter((k) => !known.has(k))).toEqual([]);
  });

  test('every setting the configuration requires in the cloud is given by the Bicep', () => {
    expect(REQUIRED_IN_AZURE.filter((k) => !settings.has(k))).toEqual([]);
    expect(STORAGE_SETTINGS.filter((k) => settings.has(k))).toHaveLength(1);
    expect(settings.get('RETURNS_ENV')).toBe("'production'");
  });

  test('the Bicep settings alone make a configuration that starts in Azure', () => {
    // Each Bicep expression stands for a value Azure fills in at deployment; give each a plausible one.
    const sample: Record<string, string> = { RETURNS_ENV: 'production', RETURNS_STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net', RETURNS_CORS_ORIGINS: 'https://pane.example.go.th' };
    const env = Object.fromEntries([...settings.keys()].map((k) => [k, sample[k] ?? 'value']));
    const loaded = loadConfig({ ...env, WEBSITE_INSTANCE_ID: 'instance', WEBSITE_SITE_NAME: 'returns-hub' });
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });
});
