import { builtInDocuments } from '@returns-hub/forms';
import type { ApiClient } from '@returns-hub/shared/api/client';
import type { DefinitionSource, Definitions } from '@returns-hub/shared/definitions/definitions';
import { definitionsOfYear, VersionedDefinitions, type YearDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import { currentFiscalYear } from '@returns-hub/shared/period/fiscalCalendar';

/** How long a year's definitions fetched from the API are used before they are asked for again. */
export const DEFINITIONS_TTL_MS = 10 * 60_000;
/**
 * How long a check waits for a year's definitions before it goes on with what it has (the built-in
 * set, and says so): an API out of reach must not hold the clerk's findings back through the
 * client's retries. The request goes on; the next check uses what it brings.
 */
export const DEFINITIONS_WAIT_MS = 3_000;
/** After the API could not send a year, checks go on at once with what they have for this long (no wait each time). */
export const DEFINITIONS_RETRY_MS = 60_000;

/** Where a year's definitions came from: the API (what headquarters published), or the built-in set (the API out of reach). */
export type DefinitionsOrigin = 'api' | 'builtIn';

interface Loaded {
  at: number;
  definitions: Definitions;
  /** As the API sent them (what the check worker is given). */
  year: YearDefinitions;
}

/**
 * The forms and org units the pane and the custom functions work with, per fiscal year:
 * loaded from the API (`GET /api/definitions?fy=`) and cached, the built-in set (bundled)
 * while a year is not loaded or when the API is out of reach. Sync reads (`forYear`) serve
 * what is loaded; `load` fetches a year ahead of a check or a formula.
 */
export class PaneDefinitions implements DefinitionSource {
  private readonly loaded = new Map<number, Loaded>();
  private readonly inFlight = new Map<number, Promise<DefinitionsOrigin>>();
  /** When the API last failed to send a year. */
  private readonly failedAt = new Map<number, number>();
  private api: (() => ApiClient) | null = null;
  private year: number;

  constructor(
    private readonly builtIn: VersionedDefinitions = new VersionedDefinitions(builtInDocuments(), []),
    private readonly now: () => number = () => Date.now(),
  ) {
    this.year = currentFiscalYear(new Date(now()));
  }

  /** The API to load from (the pane's client; none in a test of the pane alone). */
  use(api: () => ApiClient): void {
    this.api = api;
  }

  /** The definitions of a year: as loaded from the API, else the built-in ones. A year not known yet: the year worked on. */
  forYear(fiscalYear: number | null): Definitions {
    const fy = fiscalYear ?? this.year;
    return this.loaded.get(fy)?.definitions ?? this.builtIn.forYear(fy);
  }

  /** The definitions of the year the pane works on (its form lists). */
  current(): Definitions {
    return this.forYear(this.year);
  }

  /** Loads a year's definitions from the API (once per TTL; one request however many ask at once); the built-in set when the API cannot answer, or not within `waitMs`. */
  load(fiscalYear: number, waitMs = DEFINITIONS_WAIT_MS): Promise<DefinitionsOrigin> {
    const hit = this.loaded.get(fiscalYear);
    if (hit && this.now() - hit.at < DEFINITIONS_TTL_MS) return Promise.resolve('api');
    const api = this.api;
    if (!api) return Promise.resolve('builtIn');
    /** What a check goes on with when no new copy comes: a stale copy beats the built-in one. */
    const meanwhile: DefinitionsOrigin = hit ? 'api' : 'builtIn';
    const failed = this.failedAt.get(fiscalYear);
    if (failed !== undefined && this.now() - failed < DEFINITIONS_RETRY_MS) return Promise.resolve(meanwhile);
    let pending = this.inFlight.get(fiscalYear);
    if (!pending) {
      pending = api()
        .definitions({ fy: fiscalYear })
        .then(
          (y): DefinitionsOrigin => {
            this.loaded.set(fiscalYear, { at: this.now(), definitions: definitionsOfYear(y), year: y });
            this.failedAt.delete(fiscalYear);
            return 'api';
          },
          (): DefinitionsOrigin => {
            this.failedAt.set(fiscalYear, this.now());
            return meanwhile;
          },
        )
        .finally(() => this.inFlight.delete(fiscalYear));
      this.inFlight.set(fiscalYear, pending);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<DefinitionsOrigin>((done) => (timer = setTimeout(() => done(meanwhile), waitMs)));
    return Promise.race([pending, waited]).finally(() => clearTimeout(timer));
  }

  /** A year's definitions as loaded from the API, when headquarters published any of them for it (else the built-in set serves: nothing to give another thread). */
  publishedYear(fiscalYear: number): YearDefinitions | undefined {
    const year = this.loaded.get(fiscalYear)?.year;
    return year?.documents.some((d) => d.version > 0) ? year : undefined;
  }

  /** A year's definitions given (by the page, to the check worker's copy). */
  put(fiscalYear: number, year: YearDefinitions): void {
    this.loaded.set(fiscalYear, { at: this.now(), definitions: definitionsOfYear(year), year });
  }

  /** Works on another year from now on (the year of the sheet last checked, or chosen for totals). */
  workOn(fiscalYear: number): void {
    this.year = fiscalYear;
  }

  /** The pane's Refresh: every year is asked for again. */
  refresh(): void {
    this.loaded.clear();
    this.failedAt.clear();
  }
}

/** The pane's definitions: one per task pane (the custom functions share the runtime). */
export const paneDefinitions = new PaneDefinitions();
