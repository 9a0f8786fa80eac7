import * as React from 'react';
import { Button, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { Settings20Regular } from '@fluentui/react-icons';
import type { BuildConfig } from '../../settings/buildConfig';
import type { DevSettings } from '../../settings/devSettings';
import type { Lang } from '../../text/bilingual';
import { SettingsPanel, type SignIn } from '../../ui/SettingsPanel';
import type { FileChecker } from '../files/fileChecker';
import type { MyReturnsController } from '../myReturnsController';
import type { TotalsController } from '../totalsController';
import { Totals } from './Totals';
import type { SendController } from '../sendController';
import { st } from '../sendText';
import { FileList } from './FileList';
import { FilePicker } from './FilePicker';
import { FileView } from './FileView';
import { MyReturns } from './MyReturns';
import { SendPanel } from './SendPanel';
import { StoredReturnView } from './StoredReturnView';
import { usePageStyles, WIDE } from './pageStyles';
import { useSubscribed } from './useSubscribed';
import type { Mark } from './SheetView';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'minmax(0, 1fr)',
    gridTemplateAreas: '"files" "main" "send" "mine" "totals"',
    [WIDE]: {
      gridTemplateColumns: 'minmax(340px, 420px) minmax(0, 1fr)',
      gridTemplateAreas: '"files main" "send main" "mine main" "totals totals"',
      gridTemplateRows: 'auto auto 1fr auto',
      alignItems: 'start',
    },
  },
  files: { gridArea: 'files', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  main: { gridArea: 'main', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  send: { gridArea: 'send', minWidth: 0 },
  mine: { gridArea: 'mine', minWidth: 0 },
  totals: { gridArea: 'totals', minWidth: 0, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalL },
});

export interface SendAppProps {
  files: SendController;
  mine: MyReturnsController;
  totals: TotalsController;
  checker: FileChecker;
  build: BuildConfig;
  settings: DevSettings;
  onSettings: (s: DevSettings) => void;
  signIn: SignIn | null;
  signedIn: boolean;
  onLang: (lang: Lang) => void;
  now: () => Date;
}

/**
 * The clerk's page: choose or drop files → each read and checked in the browser (returns in
 * words, findings listed and shown on the sheet) → Send → receipts and headquarters' status;
 * "My returns" for the unit, with or without a file. It renders the controllers' state only.
 */
export function SendApp({ files, mine, totals, checker, build, settings, onSettings, signIn, signedIn, onLang, now }: SendAppProps) {
  const page = usePageStyles();
  const s = useStyles();
  const state = useSubscribed(files);
  const mineState = useSubscribed(mine);
  const totalsState = useSubscribed(totals);
  const [inSettings, setInSettings] = React.useState(false);
  const lang = state.lang;
  const markWords: Record<Mark, string> = { error: st(lang, 'errors'), warning: st(lang, 'warnings'), comment: st(lang, 'comments') };
  const shown = state.view ? files.file(state.view.file) : undefined;
  return (
    <div className={page.page} lang={lang}>
      <header className={page.header}>
        <div className={page.headerTitles}>
          <Text size={200} className={page.muted}>
            {st(lang, 'appName')}
          </Text>
          <Title2 as="h1">{st(lang, 'pageTitle')}</Title2>
        </div>
        <div className={page.headerActions}>
          <Button appearance="subtle" lang={lang === 'th' ? 'en' : 'th'} onClick={() => onLang(lang === 'th' ? 'en' : 'th')}>
            {st(lang, 'otherLanguage')}
          </Button>
          <Button appearance={inSettings ? 'primary' : 'secondary'} icon={<Settings20Regular />} aria-expanded={inSettings} onClick={() => setInSettings(!inSettings)}>
            {st(lang, 'settings')}
          </Button>
        </div>
      </header>
      {inSettings && <SettingsPanel lang={lang} build={build} settings={settings} onSettings={onSettings} signIn={signIn} />}
      <main className={s.grid}>
        <section className={s.files} aria-labelledby="files-title">
          <Text as="h2" size={500} weight="semibold" id="files-title">
            {st(lang, 'filesTitle')}
          </Text>
          <Text>{st(lang, 'intro')}</Text>
          <FilePicker lang={lang} onFiles={(chosen) => void files.addFiles(chosen)} />
          <FileList
            files={files}
            state={state}
            storedShown={!!mineState.stored}
            onShowFile={(id) => {
              mine.closeStored();
              files.show(id, state.view?.file === id ? state.view.sheet : 0);
            }}
          />
        </section>
        <div className={s.main}>
          {mineState.stored ? (
            <StoredReturnView stored={mineState.stored} lang={lang} markWords={markWords} onClose={() => mine.closeStored()} />
          ) : (
            shown &&
            state.view && (
              <FileView
                file={shown}
                view={state.view}
                state={state}
                checker={checker}
                markWords={markWords}
                onShow={(i) => files.show(shown.id, i)}
                onGo={(sheet, cell) => files.goTo(shown.id, sheet, cell)}
              />
            )
          )}
        </div>
        <div className={s.send}>
          <SendPanel state={state} signedIn={signedIn} onSend={() => void files.send()} />
        </div>
        <div className={s.mine}>
          <MyReturns mine={mine} state={mineState} now={now} />
        </div>
        <div className={s.totals}>
          <Totals totals={totals} state={totalsState} markWords={markWords} now={now} />
        </div>
      </main>
    </div>
  );
}
