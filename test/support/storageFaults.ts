import type { TableStoreOptions } from '@returns-hub/functions/store/tableReturnStore';

type Policies = NonNullable<TableStoreOptions['additionalPolicies']>;

/** A write to `table`: one entity, or a transaction whose operations address it. */
function isWriteTo(table: string, method: string, url: string, body: unknown): boolean {
  if (method === 'GET') return false;
  const path = new URL(url).pathname;
  if (new RegExp(`/${table}(\\(|$)`).test(path)) return true;
  return path.endsWith('/$batch') && typeof body === 'string' && new RegExp(`/${table}(\\(| HTTP)`).test(body);
}

/** `tableWriteFault` on the pointer table (`returns`). */
export const pointerWriteFault = () => tableWriteFault('returns');

/**
 * Storage faults for tests, injected into the Table client's HTTP pipeline: the `at`-th
 * write to `table` fails as a dropped connection, either before it reaches
 * storage (`before`: nothing written) or after storage answered (`after`: written, the
 * answer lost). Every later call passes; `arm` sets it up again.
 */
export function tableWriteFault(table: string) {
  let at = 0;
  let when: 'before' | 'after' = 'before';
  let seen = 0;
  let fired = 0;
  const dropped = () => Object.assign(new Error('connection reset by the fault injector'), { code: 'ECONNRESET' });
  const policies: Policies = [
    {
      position: 'perCall',
      policy: {
        name: `${table}WriteFault`,
        sendRequest: async (req, next) => {
          if (!at || !isWriteTo(table, req.method, req.url, req.body)) return next(req);
          seen++;
          if (seen !== at) return next(req);
          fired++;
          if (when === 'before') throw dropped();
          await next(req);
          throw dropped();
        },
      },
    },
  ];
  return {
    policies,
    arm(n: number, w: 'before' | 'after' = 'before') {
      at = n;
      when = w;
      seen = 0;
    },
    disarm() {
      at = 0;
    },
    /** How many faults were injected since the start. */
    get fired() {
      return fired;
    },
  };
}

/**
 * Every request to the `rows` table that names one of `writeIds` (a rows partition starts with
 * its write id) fails as a dropped connection, as long as they are set: writes whose removal
 * keeps failing.
 */
export function rowsOfWritesFault() {
  let ids: string[] = [];
  const dropped = () => Object.assign(new Error('connection reset by the fault injector'), { code: 'ECONNRESET' });
  const policies: Policies = [
    {
      position: 'perCall',
      policy: {
        name: 'rowsOfWritesFault',
        sendRequest: async (req, next) => {
          if (ids.length === 0) return next(req);
          const url = decodeURIComponent(req.url);
          const toRows = /\/rows(\(|\?|$)/.test(new URL(req.url).pathname) || (typeof req.body === 'string' && /\/rows(\(| HTTP)/.test(req.body));
          if (toRows && ids.some((id) => url.includes(id) || (typeof req.body === 'string' && req.body.includes(id)))) throw dropped();
          return next(req);
        },
      },
    },
  ];
  return {
    policies,
    set(writeIds: string[]) {
      ids = writeIds;
    },
  };
}
