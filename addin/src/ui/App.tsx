import * as React from 'react';
import type { PaneController } from '../pane/paneController';
import type { BuildConfig } from '../settings/buildConfig';
import type { DevSettings } from '../settings/devSettings';
import { usePaneState } from './usePaneState';
import { usePaneStyles } from './paneStyles';
import { Header } from './Header';
import { FlowTabs, type FlowTab } from './FlowTabs';
import { CheckFlow } from './CheckFlow';
import { SendFlow } from './SendFlow';
import { PullFlow } from './PullFlow';
import { BlankFormFlow } from './BlankFormFlow';
import { SettingsPanel, type SignIn } from './SettingsPanel';
import type { ReviewController } from '../pane/reviewController';
import { useReviewState } from './useReviewState';
import { ReviewTab } from './review/ReviewTab';

export interface AppProps {
  pane: PaneController;
  /** The review: the Review tab for HQ and zone reviewers, HQ's status on the Send tab for units. */
  review: ReviewController;
  build: BuildConfig;
  settings: DevSettings;
  onSettings: (s: DevSettings) => void;
  signIn: SignIn | null;
  /** The clock the period choices default from (Bangkok time is worked out from it). */
  now: () => Date;
  /** Where the clerk was on the first screen, drawn before the pane's code arrived. */
  initialTab?: FlowTab;
  initialSettings?: boolean;
}

/** The task pane: the four flows as tabs, Settings behind the header button. It renders the controller's state; it never calls office.js. */
export function App({ pane, review, build, settings, onSettings, signIn, now, initialTab = 'check', initialSettings = false }: AppProps) {
  const s = usePaneStyles();
  const state = usePaneState(pane);
  const reviewer = ['hq', 'zone'].includes(useReviewState(review).caller?.role ?? '');
  const [tab, setTab] = React.useState<FlowTab>(initialTab);
  const [inSettings, setInSettings] = React.useState(initialSettings);
  // The sheet's returns at headquarters: asked for the sheet the pane opened on (without colouring it), then after
  // each check and send (their comments coloured in the sheet).
  const checked = state.check.status === 'done' && state.check.sheetId ? { sheetId: state.check.sheetId, found: state.check.found, colour: true } : null;
  const seen = checked ?? (state.glance ? { ...state.glance, colour: false } : null);
  const sent = state.send.receipts.length;
  // Once the pane is on screen (effects run after the first paint): which returns the open sheet holds.
  React.useEffect(() => void pane.glance(), [pane]);
  React.useEffect(() => {
    if (seen) void review.loadDistrict(seen.sheetId, seen.found, { colour: seen.colour });
  }, [review, seen?.sheetId, seen?.found, seen?.colour, sent]);
  return (
    <main className={s.root} lang={state.lang} data-pane={state.glanced ? 'ready' : 'opening'}>
      <Header lang={state.lang} inSettings={inSettings} onToggleSettings={() => setInSettings(!inSettings)} />
      {inSettings ? (
        <SettingsPanel lang={state.lang} build={build} settings={settings} onSettings={onSettings} signIn={signIn} />
      ) : (
        <>
          <FlowTabs lang={state.lang} value={tab} onChange={setTab} review={reviewer} />
          {tab === 'check' && <CheckFlow pane={pane} state={state} review={review} />}
          {tab === 'send' && <SendFlow pane={pane} state={state} review={review} />}
          {tab === 'pull' && <PullFlow pane={pane} state={state} now={now} />}
          {tab === 'blank' && <BlankFormFlow pane={pane} state={state} />}
          {tab === 'review' && <ReviewTab review={review} periods={pane.periods} lang={state.lang} now={now} />}
        </>
      )}
    </main>
  );
}
