import { builtInDocuments } from '@returns-hub/forms';
import { createApiClient, type FetchLike } from '@returns-hub/shared/api/client';
import { documentId } from '@returns-hub/shared/definitions/documentId';
import type { YearDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import { DEFINITIONS_RETRY_MS, PaneDefinitions } from './paneDefinitions';

/** A year as the API sends it: the built-in documents (version 0), `published` of them with version 1. */
const yearOf = (fiscalYear: number, published: string[] = []): YearDefinitions => ({
  fiscalYear,
  documents: builtInDocuments().map((doc) => ({ id: documentId(doc), version: published.includes(documentId(doc)) ? 1 : 0, doc })),
});

/** An API whose answers the test releases: `answer` gives the definitions of a year (version 0: built in, else published). */
function heldApi() {
  const waiting: (() => void)[] = [];
  const fetch: FetchLike = () => new Promise((resolve) => waiting.push(() => resolve(new Response(JSON.stringify(yearOf(2563)), { status: 200, headers: { 'Content-Type': 'application/json' } }))));
  return { client: () => createApiClient({ baseUrl: 'http://api', key: 'k', fetch, attempts: 1 }), answer: () => waiting.splice(0).forEach((w) => w()) };
}

describe("the pane's definitions by year", () => {
  test('an API that does not answer holds a check back no longer than the wait: the built-in set, and the request goes on', async () => {
    const api = heldApi();
    const definitions = new PaneDefinitions();
    definitions.use(api.client);
    expect(await definitions.load(2563, 20)).toBe('builtIn'); // no answer yet: the check goes on with the built-in forms
    api.answer();
    expect(await definitions.load(2563, 60_000)).toBe('api'); // the same request answered: loaded
  });

  test('an API out of reach is waited for once: later checks go on at once with the built-in set, and ask again a minute on', async () => {
    let now = 1_000_000;
    let asked = 0;
    const down: FetchLike = () => (asked++, Promise.reject(new TypeError('fetch failed')));
    const definitions = new PaneDefinitions(undefined, () => now);
    definitions.use(() => createApiClient({ baseUrl: 'http://api', key: 'k', fetch: down, attempts: 1 }));
    expect(await definitions.load(2563, 60_000)).toBe('builtIn');
    expect(asked).toBe(1);
    // A wait that would not end: answered at once, without asking.
    expect(await definitions.load(2563, 2_147_483_647)).toBe('builtIn');
    expect(asked).toBe(1);
    now += DEFINITIONS_RETRY_MS;
    expect(await definitions.load(2563, 60_000)).toBe('builtIn');
    expect(asked).toBe(2);
  });

  test('a year with nothing published is no year to give the checker; one with a published version is', () => {
    const definitions = new PaneDefinitions();
    definitions.put(2563, yearOf(2563));
    expect(definitions.publishedYear(2563)).toBeUndefined();
    const published = yearOf(2564, ['units:CODI']);
    definitions.put(2564, published);
    expect(definitions.publishedYear(2564)).toBe(published);
  });
});
