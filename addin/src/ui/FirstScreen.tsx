import * as React from 'react';
import { Button } from '@fluentui/react-button';
import { Spinner } from '@fluentui/react-spinner';
import { Text } from '@fluentui/react-text';
import type { FirstMoves } from '../boot/boot';
import { t, type Lang } from '../pane/i18n';
import { Header } from './Header';
import { FlowTabs } from './FlowTabs';
import { usePaneStyles } from './paneStyles';

/**
 * The pane's first screen, drawn before the rest of its code has arrived (taskpane.js is
 * small; pane.js follows): the same header, tabs and first step as the whole pane shows, a
 * Check button that answers at once (the check starts as soon as the pane is ready), and the
 * clerk's tab or Settings remembered for the pane to open on.
 */
export function FirstScreen({ lang, moves, failed, onRetry }: { lang: Lang; moves: FirstMoves; failed: boolean; onRetry: () => void }) {
  const s = usePaneStyles();
  const [, redraw] = React.useReducer((n: number) => n + 1, 0);
  const move = (m: Partial<FirstMoves>) => {
    Object.assign(moves, m);
    redraw();
  };
  const waiting = <Spinner size="tiny" label={t(lang, 'preparing')} />;
  return (
    <main className={s.root} lang={lang} data-pane="opening">
      <Header lang={lang} inSettings={moves.inSettings} onToggleSettings={() => move({ inSettings: !moves.inSettings })} />
      {failed ? (
        <section className={s.column}>
          <Text>{t(lang, 'paneNotLoaded')}</Text>
          <div className={s.row}>
            <Button appearance="primary" onClick={onRetry}>
              {t(lang, 'retry')}
            </Button>
          </div>
        </section>
      ) : moves.inSettings ? (
        waiting
      ) : (
        <>
          <FlowTabs lang={lang} value={moves.tab} onChange={(tab) => move({ tab })} />
          {moves.tab === 'check' ? (
            <section className={s.column} aria-label={t(lang, 'check')}>
              <Text size={400} weight="semibold">
                {t(lang, 'firstStep')}
              </Text>
              <div className={s.row}>
                <Button appearance="primary" onClick={() => move({ checkPressed: true })} disabled={moves.checkPressed}>
                  {t(lang, 'check')}
                </Button>
                {moves.checkPressed && waiting}
              </div>
            </section>
          ) : (
            waiting
          )}
        </>
      )}
    </main>
  );
}
