import { CheckHost } from './checkHost';
import { checkOver, runOver, settle, type Checker, type Waiting } from './checker';
import type { ToChecker } from './checkProtocol';

/** Checks in the page itself, as the worker would (tests; a page that needs no worker). Each check still answers asynchronously. */
export function inlineChecker(): Checker {
  const host = new CheckHost();
  const waiting: Waiting = new Map();
  const send = (m: ToChecker) => {
    if (m.type !== 'finish') host.receive(m);
    else
      setTimeout(() => {
        for (const answer of host.receive(m)) settle(waiting, answer);
      }, 0);
  };
  return {
    begin: () => runOver(send, waiting),
    again: (id, o = {}) => checkOver(send, waiting, { type: 'finish', id, compareWith: o.compareWith, again: true }),
    useDefinitions: (fiscalYear, year) => send({ type: 'definitions', fiscalYear, year }),
  };
}
