import type { ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import type { SavedFill } from '../excel/highlights';
import type { Outcome } from './paneController';

/** The unit's view of its returns at headquarters: status, reason and comments of each return on the checked sheet. */
export interface DistrictReview {
  status: 'idle' | 'loading' | 'done' | 'failed';
  returns: ReviewView[];
  sheetId?: string;
  /** Cells coloured for the reviewer's comments, to put back on the next check. */
  highlighted: SavedFill[];
  outcome?: Outcome;
}

export function districtViewOf(sheetId: string, returns: ReviewView[], highlighted: SavedFill[]): DistrictReview {
  return { status: 'done', returns, sheetId, highlighted };
}
