import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createApiClient } from '@returns-hub/shared/api/client';
import { PaneController } from './pane/paneController';
import { languageFrom } from './text/bilingual';
import { officeHost } from './excel/officeHost';
import { excelRunner } from './excel/excelRunner';
import { excelPort } from './excel/excelPort';
import { App } from './ui/App';
import { ReviewController } from './pane/reviewController';
import { reviewExcelPort } from './excel/reviewExcelPort';
import type { SignIn } from './ui/SettingsPanel';
import { associateFunctions, useFigureSource, useFunctionErrors, useFunctionLanguage } from './functions/customFunctions';
import { FigureSource } from './functions/figureSource';
import { entraSession, type EntraSession } from './auth/tokenProvider';
import { loadMsal } from './auth/loadMsal';
import { buildConfig } from './settings/buildConfig';
import { loadDevSettings, SETTINGS_KEY, type DevSettings } from './settings/devSettings';
import { workerChecker } from './check/checker';
import { takeOver } from './boot/boot';

/**
 * The rest of the pane (pane.js, loaded by taskpane.js once the first screen is drawn): wire
 * the controllers (office.js through the one runner, the API client) and render the whole
 * pane into the first screen's root, where the clerk left it (a tab, Settings, Check pressed).
 */
Office.onReady(() => {
  const build = buildConfig();
  let settings = loadDevSettings(build, window.localStorage);
  const runner = excelRunner(officeHost());

  // Entra ID sign-in where the build has its settings; a development key otherwise.
  let session: EntraSession | null = null;
  const sessionReady = build.entra ? entraSession(build.entra, async (cfg) => (await loadMsal()).createNestablePublicClientApplication(cfg)).then((s) => (session = s)) : null;
  const signIn: SignIn | null = sessionReady && {
    account: () => session?.account() ?? null,
    signIn: async () => (await sessionReady).signIn(),
  };
  const token = async () => (sessionReady ? (await sessionReady).token() : settings.apiKey);
  const client = () => createApiClient({ baseUrl: build.dev ? settings.apiUrl : build.apiUrl, key: token, fetch: (url, init) => fetch(url, init), client: 'returns-addin' });

  // The first screen's start: its root, language, and what the clerk did there.
  const boot = takeOver();
  // One language for the pane and the functions' cells: Office's display language.
  const lang = boot?.lang ?? languageFrom(Office.context?.displayLanguage);

  // Shared runtime: the custom functions use the pane's client, where the host runs them.
  const figures = new FigureSource(client);
  if (runner.supports('customFunctions')) {
    useFigureSource(figures);
    useFunctionErrors(runner.supports('functionErrors'));
    useFunctionLanguage(lang);
    associateFunctions();
  }

  // The checker runs in a Web Worker (checkWorker.js beside this page): the pane answers while a long sheet is checked.
  const checker = workerChecker(() => new Worker(new URL('checkWorker.js', document.baseURI)));
  const pane = new PaneController(excelPort(runner), client, lang, checker, { onRefresh: () => figures.refresh() });
  const review = new ReviewController(reviewExcelPort(runner), client, pane.state.lang);
  void review.identify(); // reviewers get the Review tab
  const root = boot?.root ?? createRoot(document.getElementById('root')!);
  const moves = boot?.moves;
  const render = () =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App
          pane={pane}
          review={review}
          build={build}
          settings={settings}
          signIn={signIn}
          now={() => new Date()}
          initialTab={moves?.tab}
          initialSettings={moves?.inSettings}
          onSettings={(s: DevSettings) => {
            settings = s;
            figures.refresh();
            void review.identify();
            window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
            render();
          }}
        />
      </FluentProvider>,
    );
  render();
  if (moves?.checkPressed) void pane.check();
});
