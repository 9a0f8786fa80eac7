import type { BuildConfig } from './buildConfig';

/** What a development build lets the developer set: where the API is, and a development key. */
export interface DevSettings {
  apiUrl: string;
  apiKey: string;
}

export const SETTINGS_KEY = 'returns-hub.settings';

/**
 * The development settings kept in the browser; never prefilled with a key (an HQ key
 * would let anyone send for any unit). A deployment build keeps none: its address is built in.
 */
export function loadDevSettings(build: BuildConfig, storage: Pick<Storage, 'getItem'> | null): DevSettings {
  const defaults: DevSettings = { apiUrl: build.apiUrl, apiKey: '' };
  if (!build.dev || !storage) return defaults;
  try {
    const saved: unknown = JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}');
    if (typeof saved !== 'object' || saved === null) return defaults;
    const apiUrl = 'apiUrl' in saved && typeof saved.apiUrl === 'string' && saved.apiUrl ? saved.apiUrl : defaults.apiUrl;
    const apiKey = 'apiKey' in saved && typeof saved.apiKey === 'string' ? saved.apiKey : '';
    return { apiUrl, apiKey };
  } catch {
    return defaults;
  }
}
