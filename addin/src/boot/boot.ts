import type { Root } from 'react-dom/client';
import type { Lang } from '../text/bilingual';
import type { FlowTab } from '../ui/FlowTabs';

/** What the clerk did on the first screen before the rest of the pane arrived: the pane takes over from there. */
export interface FirstMoves {
  tab: FlowTab;
  inSettings: boolean;
  /** Check was pressed: the pane checks as soon as it is ready. */
  checkPressed: boolean;
}

/** The page's start, handed from taskpane.js (the first screen) to pane.js (the rest): the React root, the language, the first moves. */
export interface Boot {
  root: Root;
  lang: Lang;
  moves: FirstMoves;
}

let current: Boot | null = null;

/** Both scripts import this module (one instance in the page): the first screen leaves its start here. */
export function handOver(b: Boot): void {
  current = b;
}

export function takeOver(): Boot | null {
  return current;
}
