import { builtInDocuments } from '@returns-hub/forms';
import { documentId } from '@returns-hub/shared/definitions/documentId';
import type { YearDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import { PaneDefinitions } from './paneDefinitions';
import { YearsGiven } from './yearsGiven';

/** A year as the API sends it: the built-in documents (version 0), `published` of them with version 1. */
const yearOf = (fiscalYear: number, published: string[] = []): YearDefinitions => ({
  fiscalYear,
  documents: builtInDocuments().map((doc) => ({ id: documentId(doc), version: published.includes(documentId(doc)) ? 1 : 0, doc })),
});

test('a published year is given to the checker once per loaded copy; a year of the built-in set only, never', () => {
  const definitions = new PaneDefinitions();
  const given: number[] = [];
  const years = new YearsGiven(definitions, { useDefinitions: (fy) => given.push(fy) });
  definitions.put(2563, yearOf(2563));
  expect(years.give(2563)).toBe(false);
  definitions.put(2564, yearOf(2564, ['units:CODI']));
  expect([years.give(2564), years.give(2564)]).toEqual([true, false]);
  definitions.put(2564, yearOf(2564, ['units:CODI'])); // loaded again (after its time or a Refresh)
  expect(years.give(2564)).toBe(true);
  expect(given).toEqual([2564, 2564]);
});
