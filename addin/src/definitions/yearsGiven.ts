import type { YearDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import type { PaneDefinitions } from './paneDefinitions';

/** A checker in another thread that is given years' definitions (the pane's checker, the page's file checker). */
export interface TakesDefinitions {
  useDefinitions(fiscalYear: number, year: YearDefinitions): void;
}

/**
 * Which years' published definitions a checker was given: `give` hands it a year as loaded now,
 * once per loaded copy (a year loaded again is given again), and says whether it did, that is,
 * whether a check made before is out of date. A year of the built-in set only is never given
 * (the checker has it). Loading stays the caller's (`PaneDefinitions.load`, with its wait).
 */
export class YearsGiven {
  private readonly given = new Map<number, YearDefinitions>();

  constructor(
    private readonly definitions: PaneDefinitions,
    private readonly checker: TakesDefinitions,
  ) {}

  give(fiscalYear: number): boolean {
    const year = this.definitions.publishedYear(fiscalYear);
    if (!year || this.given.get(fiscalYear) === year) return false;
    this.checker.useDefinitions(fiscalYear, year);
    this.given.set(fiscalYear, year);
    return true;
  }
}
