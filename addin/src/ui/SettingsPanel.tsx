import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { Person20Regular } from '@fluentui/react-icons';
import type { BuildConfig } from '../settings/buildConfig';
import type { DevSettings } from '../settings/devSettings';
import { t } from '../pane/i18n';
import type { Lang } from '../text/bilingual';
import { usePaneStyles } from './paneStyles';

export interface SignIn {
  /** Who is signed in, or null. */
  account(): string | null;
  /** Signs in (silently where Office can, else a Microsoft popup); answers the account. */
  signIn(): Promise<string>;
}

/**
 * Settings for a clerk: sign in with Microsoft where the build has Entra settings. The API
 * address and a development key exist only in a development build, and start empty of keys.
 */
export function SettingsPanel({ lang, build, settings, onSettings, signIn }: { lang: Lang; build: BuildConfig; settings: DevSettings; onSettings: (s: DevSettings) => void; signIn: SignIn | null }) {
  const s = usePaneStyles();
  const [account, setAccount] = React.useState(() => signIn?.account() ?? null);
  const [state, setState] = React.useState<'idle' | 'busy' | 'failed'>('idle');
  const doSignIn = async () => {
    if (!signIn) return;
    setState('busy');
    try {
      setAccount(await signIn.signIn());
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <section className={s.column} aria-label={t(lang, 'settings')}>
      {signIn ? (
        <div className={s.column}>
          {account ? (
            <Text>
              <Person20Regular /> {t(lang, 'signedInAs')} {account}
            </Text>
          ) : (
            <Button appearance="primary" icon={<Person20Regular />} onClick={doSignIn} disabled={state === 'busy'}>
              {t(lang, 'signIn')}
            </Button>
          )}
          {state === 'busy' && <Spinner size="tiny" label={t(lang, 'working')} />}
          <Text className={s.intro}>{t(lang, 'signInHelp')}</Text>
          {state === 'failed' && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{lang === 'th' ? 'ลงชื่อเข้าใช้ไม่สำเร็จ ตรวจการเชื่อมต่อแล้วลองอีกครั้ง' : 'Sign-in did not complete. Check the connection and try again.'}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      ) : (
        !build.dev && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t(lang, 'noSignIn')}</MessageBarBody>
          </MessageBar>
        )
      )}
      {build.dev && (
        <div className={s.column}>
          <Text className={s.intro}>{t(lang, 'devOnly')}</Text>
          <Field label={t(lang, 'apiUrl')} className={s.full}>
            <Input className={s.full} value={settings.apiUrl} onChange={(_e, d) => onSettings({ ...settings, apiUrl: d.value })} />
          </Field>
          <Field label={t(lang, 'apiKey')} className={s.full}>
            <Input className={s.full} type="password" value={settings.apiKey} onChange={(_e, d) => onSettings({ ...settings, apiKey: d.value })} />
          </Field>
        </div>
      )}
    </section>
  );
}
