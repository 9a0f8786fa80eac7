import { readFileSync } from 'node:fs';
import { devCorsOrigins } from '../../scripts/devCorsOrigins';
import { DEV_API_ORIGIN, DEV_PANE_ORIGIN, devManifest, MANIFEST_SOURCE } from '../../scripts/manifest';
import { validateManifest } from '../../scripts/validateManifest';

describe('npm start on other ports (ADDIN_PORT, PORT)', () => {
  test('the pane’s origin at ADDIN_PORT may call the API in development; RETURNS_CORS_ORIGINS and production are left alone', () => {
    expect(devCorsOrigins({ RETURNS_ENV: 'development', ADDIN_PORT: '3022' })).toBe('https://localhost:3022,http://localhost:3022');
    expect(devCorsOrigins({ RETURNS_ENV: 'development' })).toBe('https://localhost:3000,http://localhost:3000');
    expect(devCorsOrigins({ RETURNS_ENV: 'development', ADDIN_PORT: '3022', RETURNS_CORS_ORIGINS: 'https://x.example' })).toBe('https://x.example');
    expect(devCorsOrigins({ RETURNS_ENV: 'production', ADDIN_PORT: '3022' })).toBeUndefined();
  });

  test('the development manifest for those ports names them, and still validates', async () => {
    const xml = devManifest(readFileSync(MANIFEST_SOURCE, 'utf8'), 3022, 7122);
    expect(xml).not.toContain(DEV_PANE_ORIGIN);
    expect(xml).not.toContain(DEV_API_ORIGIN);
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3022/taskpane.html"/>');
    expect(xml).toContain('<AppDomain>https://localhost:7122</AppDomain>');
    expect((await validateManifest(xml)).errors).toEqual([]);
  });
});
