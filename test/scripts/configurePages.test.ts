import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configurePages } from '../../scripts/buildAddin';
import { BUILD_CONFIG_META, buildConfigFrom, buildConfigOf } from '@returns-hub/addin/settings/buildConfig';

const SRC = resolve(__dirname, '../../addin/src');

/** The content of a page's configuration meta element, as a browser reads it (entities decoded). */
function metaContent(html: string): string | undefined {
  const m = new RegExp(`<meta name="${BUILD_CONFIG_META}" content="([^"]*)" />`).exec(html);
  return m?.[1]
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe("a build's configuration is written into its pages", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'configure-pages-'));
    mkdirSync(join(dir, 'send'));
    cpSync(join(SRC, 'taskpane.html'), join(dir, 'taskpane.html'));
    cpSync(join(SRC, 'send/index.html'), join(dir, 'send/index.html'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the pages as written have an empty one: a development build', () => {
    for (const page of ['taskpane.html', 'send/index.html']) expect(metaContent(readFileSync(join(dir, page), 'utf8'))).toBe('');
  });

  test('each page reads back the configuration written, and a second writing replaces the first', () => {
    const deployed = buildConfigFrom({ API_URL: 'https://api.example.go.th/?a=1&b="2"<x>', ENTRA_CLIENT_ID: 'c', ENTRA_TENANT_ID: 't', ENTRA_API_SCOPE: 'api://x/access_as_user' });
    configurePages(dir, buildConfigFrom({ DEV_API_URL: 'http://127.0.0.1:7122' }));
    configurePages(dir, deployed);
    for (const page of ['taskpane.html', 'send/index.html']) {
      const html = readFileSync(join(dir, page), 'utf8');
      expect(html.split(`name="${BUILD_CONFIG_META}"`)).toHaveLength(2); // one element
      expect(buildConfigOf(metaContent(html))).toEqual(deployed);
    }
  });

  test('a page without the element is refused, not left unconfigured', () => {
    cpSync(join(SRC, 'help.html'), join(dir, 'taskpane.html'));
    expect(() => configurePages(dir, buildConfigFrom({}))).toThrow(/taskpane\.html has no <meta name="returns-hub-build">/);
  });
});
