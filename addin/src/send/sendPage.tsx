import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { createApiClient, type ApiClient } from '@returns-hub/shared/api/client';
import { entraSession, type EntraSession } from '../auth/tokenProvider';
import { buildConfig } from '../settings/buildConfig';
import { loadDevSettings, SETTINGS_KEY, type DevSettings } from '../settings/devSettings';
import type { Lang } from '../text/bilingual';
import type { SignIn } from '../ui/SettingsPanel';
import { workerFileChecker } from './files/fileChecker';
import { MyReturnsController } from './myReturnsController';
import { SendController } from './sendController';
import { TotalsController } from './totalsController';
import { st } from './sendText';
import { SendApp } from './ui/SendApp';
import { paneDefinitions } from '../definitions/paneDefinitions';

/** The page's language: Thai unless the clerk chose English (kept in the browser). */
const LANG_KEY = 'returns-hub.send.lang';

/**
 * Entry of the clerk's web page (`/send/`): no office.js. The same build settings and sign-in
 * as the pane (a development key in a development build; Microsoft Entra ID with MSAL in a
 * deployment build, here as a standard browser app with a popup, since the page runs outside
 * Office), the same API client, and a Web Worker that reads and checks the files.
 */
const build = buildConfig();
let settings = loadDevSettings(build, window.localStorage);
let lang: Lang = window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'th';

let session: EntraSession | null = null;
const redirectUri = `${window.location.origin}${window.location.pathname}`;
const sessionReady = build.entra ? entraSession(build.entra, (cfg) => createStandardPublicClientApplication({ auth: { ...cfg.auth, redirectUri } })).then((s) => (session = s)) : null;
const signedIn = () => (build.entra ? session?.account() != null : settings.apiKey.trim() !== '');
const token = async () => (sessionReady ? (await sessionReady).token() : settings.apiKey.trim());
const client = (): ApiClient => createApiClient({ baseUrl: build.dev ? settings.apiUrl : build.apiUrl, key: token, fetch: (url, init) => fetch(url, init), client: 'returns-send-page' });
const api = () => (signedIn() ? client() : null);
// The forms and units of each year as headquarters published them (the built-in set until loaded, or offline).
paneDefinitions.use(client);

/** The worker's script beside this one (send/fileWorker.js), wherever the page is served from. */
const here = document.querySelector<HTMLScriptElement>('script[src$="send.js"]')?.src ?? window.location.href;
const checker = workerFileChecker(() => new Worker(new URL('fileWorker.js', here), { type: 'module' }));
const files = new SendController(checker, api, lang);
const mine = new MyReturnsController(api, lang, () => new Date());
const totals = new TotalsController(api, lang, () => new Date());

const signIn: SignIn | null = sessionReady && {
  account: () => session?.account() ?? null,
  signIn: async () => {
    const name = await (await sessionReady).signIn();
    void mine.load();
    void files.refreshHq();
    render();
    return name;
  },
};

function setLang(next: Lang) {
  lang = next;
  window.localStorage.setItem(LANG_KEY, next);
  document.documentElement.lang = next;
  document.title = `${st(next, 'pageTitle')} · ${st(next, 'appName')}`;
  files.setLang(next);
  mine.setLang(next);
  totals.setLang(next);
}

const root = createRoot(document.getElementById('root')!);
function render() {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <SendApp
        files={files}
        mine={mine}
        totals={totals}
        checker={checker}
        build={build}
        settings={settings}
        signIn={signIn}
        signedIn={signedIn()}
        now={() => new Date()}
        onLang={setLang}
        onSettings={(s: DevSettings) => {
          settings = s;
          window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
          void mine.load();
          void files.refreshHq();
          render();
        }}
      />
    </FluentProvider>,
  );
}

setLang(lang);
render();
// Once the page is shown and idle, the worker starts: the clerk's first file is read without waiting for it.
setTimeout(() => checker.warm(), 500);
void sessionReady?.then(() => (session?.account() ? (void mine.load(), render()) : undefined));
if (!sessionReady) void mine.load();
