import * as React from 'react';
import type { ReviewController, ReviewPaneState } from '../pane/reviewController';

/** The review controller's state, re-rendered on each change. */
export function useReviewState(review: ReviewController): ReviewPaneState {
  const [state, setState] = React.useState(review.state);
  React.useEffect(() => review.subscribe(setState), [review]);
  return state;
}
