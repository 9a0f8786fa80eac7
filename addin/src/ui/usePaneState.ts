import * as React from 'react';
import type { PaneController, PaneState } from '../pane/paneController';

/** The controller's state, re-rendered on each change. */
export function usePaneState(pane: PaneController): PaneState {
  const [state, setState] = React.useState(pane.state);
  React.useEffect(() => pane.subscribe(setState), [pane]);
  return state;
}
