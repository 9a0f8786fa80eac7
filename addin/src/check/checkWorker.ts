import { CheckHost } from './checkHost';
import type { ToChecker } from './checkProtocol';

/**
 * The check worker's entry (bundled on its own as checkWorker.js): the reader and checker
 * run here, off the page's thread, so the pane answers the clerk while a 60,000-row sheet is
 * checked.
 */
const host = new CheckHost();

self.onmessage = (e: MessageEvent<ToChecker>) => {
  // A worker's postMessage takes the message alone (the DOM typings' one-argument form).
  for (const answer of host.receive(e.data)) self.postMessage(answer);
};
