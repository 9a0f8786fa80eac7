import type { createNestablePublicClientApplication } from '@azure/msal-browser';

/** What msal.js (msalScript.ts) puts on the page. */
export interface MsalModule {
  createNestablePublicClientApplication: typeof createNestablePublicClientApplication;
}

export const MSAL_GLOBAL = 'returnsHubMsal';

let loading: Promise<MsalModule> | null = null;

/**
 * MSAL, loaded on first use from msal.js beside the page: a plain script, not a dynamic
 * import, which Excel 2019's EdgeHTML webview cannot parse. A failed load can be tried again.
 */
export function loadMsal(doc: Document = document): Promise<MsalModule> {
  loading ??= new Promise<MsalModule>((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = new URL('msal.js', doc.baseURI).href;
    script.onload = () => {
      const msal: unknown = Reflect.get(window, MSAL_GLOBAL);
      if (typeof msal === 'object' && msal !== null && 'createNestablePublicClientApplication' in msal) resolve(msal as MsalModule);
      else reject(new Error('msal.js did not load MSAL'));
    };
    script.onerror = () => reject(new Error('msal.js could not be loaded'));
    doc.head.appendChild(script);
  }).catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
