import { readFileSync } from 'node:fs';
import { loadConfig } from '@returns-hub/functions/config';
import { DEV_API_ORIGIN, DEV_PANE_ORIGIN, devManifest, MANIFEST_SOURCE } from '../../scripts/manifest';
import { validateManifest } from '../../scripts/validateManifest';

describe('npm start on other ports (ADDIN_PORT, PORT)', () => {
  test('the pane’s origin at ADDIN_PORT may call the API in development; RETURNS_CORS_ORIGINS and production are left alone', () => {
    const cors = (env: Record<string, string>) => {
      const c = loadConfig(env);
      return c.ok ? c.config.corsOrigins : c.errors;
    };
    expect(cors({ RETURNS_ENV: 'development', ADDIN_PORT: '3022' })).toEqual(['https://localhost:3022', 'http://localhost:3022']);
    expect(cors({ RETURNS_ENV: 'development' })).toEqual(['https://localhost:3000', 'http://localhost:3000']);
    expect(cors({ RETURNS_ENV: 'development', ADDIN_PORT: '3022', RETURNS_CORS_ORIGINS: 'https://x.example' })).toEqual(['https://x.example']);
    expect(cors({ RETURNS_ENV: 'production', RETURNS_STORAGE: 'UseDevelopmentStorage=true', ADDIN_PORT: '3022' })).toEqual([]);
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
