import * as React from 'react';
import { Button } from '@fluentui/react-button';
import { Title3 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { ArrowLeft20Regular, Settings20Regular } from '@fluentui/react-icons';
import { t, type Lang } from '../pane/i18n';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

/** The pane's name, and the way into (and back out of) Settings. */
export function Header({ lang, inSettings, onToggleSettings }: { lang: Lang; inSettings: boolean; onToggleSettings: () => void }) {
  const s = useStyles();
  return (
    <header className={s.header}>
      <Title3 as="h1">{t(lang, inSettings ? 'settings' : 'appName')}</Title3>
      <Button appearance="subtle" icon={inSettings ? <ArrowLeft20Regular /> : <Settings20Regular />} onClick={onToggleSettings}>
        {t(lang, inSettings ? 'back' : 'settings')}
      </Button>
    </header>
  );
}
