import type { TableStoreOptions } from '@returns-hub/functions/store/tableReturnStore';

type Policies = NonNullable<TableStoreOptions['additionalPolicies']>;

/** A write to the pointer table (`returns`): one entity, or a transaction whose operations address it. */
function isPointerWrite(method: string, url: string, body: unknown): boolean {
  if (method === 'GET') return false;
  const path = new URL(url).pathname;
  if (/\/returns(\(|$)/.test(path)) return true;
  return path.endsWith('/$batch') && typeof body === 'string' && /\/returns(\(| HTTP)/.test(body);
}

/**
 * Storage faults for tests, injected into the Table client's HTTP pipeline: the `at`-th
 * write to the pointer table fails as a dropped connection, either before it reaches
 * storage (`before`: nothing written) or after storage answered (`after`: written, the
 * answer lost). Every later call passes; `arm` sets it up again.
 */
export function pointerWriteFault() {
  let at = 0;
  let when: 'before' | 'after' = 'before';
  let seen = 0;
  let fired = 0;
  const dropped = () => Object.assign(new Error('connection reset by the fault injector'), { code: 'ECONNRESET' });
  const policies: Policies = [
    {
      position: 'perCall',
      policy: {
        name: 'pointerWriteFault',
        sendRequest: async (req, next) => {
          if (!at || !isPointerWrite(req.method, req.url, req.body)) return next(req);
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
