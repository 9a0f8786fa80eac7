import { buildConfigFrom, buildConfigOf, DEV_BUILD } from './buildConfig';
import { loadDevSettings } from './devSettings';

const store = (v: string | null) => ({ getItem: () => v });

describe('build configuration and settings', () => {
  test('a build with an API address and Entra settings is a deployment build with sign-in', () => {
    const b = buildConfigFrom({ API_URL: 'https://api.example.go.th', ENTRA_CLIENT_ID: 'c', ENTRA_TENANT_ID: 't', ENTRA_API_SCOPE: 'api://x/access_as_user' });
    expect(b).toEqual({ dev: false, apiUrl: 'https://api.example.go.th', entra: { clientId: 'c', tenantId: 't', scope: 'api://x/access_as_user' } });
    expect(loadDevSettings(b, store(JSON.stringify({ apiUrl: 'http://evil', apiKey: 'dev-hq' })))).toEqual({ apiUrl: 'https://api.example.go.th', apiKey: '' });
  });

  test('a development build: the local API, and no key until one is entered', () => {
    const b = buildConfigFrom({});
    expect(b).toMatchObject({ dev: true, entra: null });
    expect(loadDevSettings(b, store(null))).toEqual({ apiUrl: 'http://127.0.0.1:7071', apiKey: '' });
    expect(loadDevSettings(b, store('{"apiKey":"dev-1045"}'))).toEqual({ apiUrl: 'http://127.0.0.1:7071', apiKey: 'dev-1045' });
    expect(loadDevSettings(b, store('not json'))).toEqual({ apiUrl: 'http://127.0.0.1:7071', apiKey: '' });
    // npm start on another PORT: the pane starts from that API.
    expect(buildConfigFrom({ DEV_API_URL: 'http://127.0.0.1:7122' })).toMatchObject({ dev: true, apiUrl: 'http://127.0.0.1:7122' });
  });

  test('a page’s configuration is its meta element’s JSON; a page without one, or with anything else, is a development build', () => {
    const deployed = { dev: false, apiUrl: 'https://api.example.go.th', entra: { clientId: 'c', tenantId: 't', scope: 'api://x/access_as_user' } };
    expect(buildConfigOf(JSON.stringify(deployed))).toEqual(deployed);
    for (const content of [undefined, '', 'not json', '{"dev":false}', JSON.stringify({ ...deployed, entra: { clientId: 'c' } })]) expect(buildConfigOf(content)).toEqual(DEV_BUILD);
  });
});
