import type { ApiClient } from '@returns-hub/shared/api/client';
import { ApiError } from '@returns-hub/shared/api/client';
import type { Completeness } from '@returns-hub/shared/api/client';
import type { GroupBy, Tally } from '@returns-hub/shared/consolidate/tally';
import { FunctionError, networkError } from './functionError';
import { apiProblemText } from '../pane/apiProblemText';
import { paneDefinitions, type PaneDefinitions } from '../definitions/paneDefinitions';

/** How long fetched figures are used before they are fetched again (the pane's Refresh clears them at once). */
export const FIGURE_TTL_MS = 5 * 60_000;

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/**
 * Where the functions get their figures: one request per form, year, period and level,
 * shared by every cell that asks during a recalculation (the in-flight promise is reused),
 * then cached until the TTL or a refresh.
 */
export class FigureSource {
  private tallies = new Map<string, Entry<Tally>>();
  private completeness = new Map<string, Entry<Completeness>>();
  requests = 0;

  constructor(
    private readonly api: () => ApiClient,
    private readonly ttlMs = FIGURE_TTL_MS,
    private readonly now = () => Date.now(),
    /** The forms and units of each year the formulas ask for (the pane's, loaded from the same API). */
    readonly definitions: PaneDefinitions = paneDefinitions,
  ) {}

  private cached<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    this.requests++;
    const value = load().catch((e) => {
      map.delete(key); // a failure is not cached: the next recalculation asks again
      // The server's own words, in Thai and English (never its English inside Thai); no answer at all: unreachable.
      if (e instanceof ApiError) throw e.status < 500 ? new FunctionError('#VALUE!', 'bad_argument', apiProblemText(e)) : new FunctionError('#N/A', 'network', apiProblemText(e));
      throw networkError();
    });
    map.set(key, { at: this.now(), value });
    return value;
  }

  tally(form: string, fy: number, period: string, by: GroupBy): Promise<Tally> {
    return this.cached(this.tallies, `${form}|${fy}|${period}|${by}`, () => this.api().tallies({ form, fy, period, by }));
  }

  received(form: string, fy: number, period: string): Promise<Completeness> {
    return this.cached(this.completeness, `${form}|${fy}|${period}`, () => this.api().completeness({ form, fy, period }));
  }

  /** The pane's Refresh: drop everything, so the next recalculation fetches anew. */
  refresh(): void {
    this.tallies.clear();
    this.completeness.clear();
  }
}
