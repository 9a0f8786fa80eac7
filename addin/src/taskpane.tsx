import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-provider';
import { webLightTheme } from '@fluentui/react-theme';
import { languageFrom } from './text/bilingual';
import { handOver, type Boot } from './boot/boot';
import { FirstScreen } from './ui/FirstScreen';

/**
 * The first script of the pane (taskpane.js): React, Fluent UI and the first screen only, so
 * that the clerk sees and can press Check as soon as a React + Fluent page can be; the rest
 * of the pane (pane.js: the flows, Excel, the API) is loaded right after and takes over the
 * same root. Both are ES modules sharing one copy of React and Fluent; pane.js is added as a
 * module script, not through import(), which Excel 2019's EdgeHTML webview cannot parse.
 */
Office.onReady(() => {
  const boot: Boot = {
    root: createRoot(document.getElementById('root')!),
    lang: languageFrom(Office.context?.displayLanguage),
    moves: { tab: 'check', inSettings: false, checkPressed: false },
  };
  handOver(boot);
  const draw = (failed: boolean) =>
    boot.root.render(
      <FluentProvider theme={webLightTheme}>
        <FirstScreen lang={boot.lang} moves={boot.moves} failed={failed} onRetry={load} />
      </FluentProvider>,
    );
  let attempts = 0;
  function load() {
    draw(false);
    const script = document.createElement('script');
    script.type = 'module';
    // A retry asks under a new address: the page keeps a module that failed to load as failed.
    script.src = new URL(attempts++ ? `pane.js?retry=${attempts}` : 'pane.js', document.baseURI).href;
    script.onerror = () => {
      script.remove();
      draw(true);
    };
    // After the first screen is drawn: the rest of the pane does not hold it up.
    requestAnimationFrame(() => setTimeout(() => document.head.appendChild(script), 0));
  }
  load();
});
