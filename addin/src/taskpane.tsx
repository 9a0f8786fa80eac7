import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createApiClient } from '../../shared/api/client';
import { PaneController } from './pane/paneController';
import { languageFrom } from './pane/i18n';
import { officeExcelPort } from './excel/officeExcelPort';
import { App, type Settings } from './ui/App';

const SETTINGS_KEY = 'returns-hub.settings';
const DEFAULTS: Settings = { apiUrl: 'http://127.0.0.1:7071', apiKey: 'dev-hq' };

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
  const pane = new PaneController(
    officeExcelPort(),
    () => createApiClient({ baseUrl: settings.apiUrl, key: settings.apiKey, fetch: (...a) => fetch(...a) }),
    languageFrom(Office.context?.displayLanguage),
  );
  const root = createRoot(document.getElementById('root')!);
  const render = () =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App pane={pane} settings={settings} onSettings={(s) => { settings = s; localStorage.setItem(SETTINGS_KEY, JSON.stringify(s)); render(); }} />
      </FluentProvider>,
    );
  render();
});
