import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createApiClient } from '@returns-hub/shared/api/client';
import { PaneController } from './pane/paneController';
import { languageFrom } from './pane/i18n';
import { officeExcelPort } from './excel/officeExcelPort';
import { App, type Settings } from './ui/App';
import { associateFunctions, useFigureSource } from './functions/customFunctions';
import { FigureSource } from './functions/figureSource';
import { createNestablePublicClientApplication } from '@azure/msal-browser';
import { apiKeyProvider, entraProvider, type TokenProvider } from './auth/tokenProvider';

const SETTINGS_KEY = 'returns-hub.settings';
const DEFAULTS: Settings = { apiUrl: 'http://127.0.0.1:7071', apiKey: 'dev-hq' };

/** Entra ID sign-in when the pane is configured for it (settings.entra), the API key otherwise. */
async function tokenProvider(s: Settings): Promise<TokenProvider> {
  if (s.entra?.clientId && s.entra.tenantId && s.entra.scope) return entraProvider(s.entra, createNestablePublicClientApplication);
  return apiKeyProvider(s.apiKey);
}

function loadSettings(): Settings {
  try {
    return { ...DEFAULTS, ...JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') };
  } catch {
    return DEFAULTS;
  }
}

/** Entry: once Office is ready, wire the controller (office.js port + API client) and render the pane. */
Office.onReady(() => {
  let settings = loadSettings();
  let token: Promise<TokenProvider> = tokenProvider(settings);
  const client = () => createApiClient({ baseUrl: settings.apiUrl, key: async () => (await token)(), fetch: (...a) => fetch(...a) });
  // Shared runtime: the custom functions use the pane's client and settings.
  const figures = new FigureSource(client);
  useFigureSource(figures);
  associateFunctions();
  const pane = new PaneController(officeExcelPort(), client, languageFrom(Office.context?.displayLanguage), () => figures.refresh());
  const root = createRoot(document.getElementById('root')!);
  const render = () =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App
          pane={pane}
          settings={settings}
          onSettings={(s) => {
            settings = s;
            token = tokenProvider(s);
            figures.refresh();
            localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
            render();
          }}
        />
      </FluentProvider>,
    );
  render();
});
