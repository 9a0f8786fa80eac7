import * as React from 'react';
import { Button, Spinner, Text } from '@fluentui/react-components';
import { paneDefinitions } from '../definitions/paneDefinitions';
import type { PaneController, PaneState } from '../pane/paneController';
import { t } from '../pane/i18n';
import { OutcomeBar } from './OutcomeBar';
import { NoteList } from './NoteList';
import { TitleField } from './TitleField';
import { usePaneStyles } from './paneStyles';

/** Blank form: a new, empty sheet of the chosen form, opened for the clerk to fill in. */
export function BlankFormFlow({ pane, state }: { pane: PaneController; state: PaneState }) {
  // The forms of the year the pane works on (loaded from the API; the built-in ones until then).
  const defs = paneDefinitions.current();
  const s = usePaneStyles();
  const { lang, insert } = state;
  const busy = state.busy !== null;
  const [formId, setFormId] = React.useState(defs.forms[0].id);
  const forms = defs.forms.map((f) => ({ value: f.id, label: lang === 'th' ? f.title_th : f.title_en }));
  return (
    <section className={s.column} aria-label={t(lang, 'blankTab')}>
      <Text className={s.intro}>{t(lang, 'blankIntro')}</Text>
      <TitleField label={t(lang, 'form')} value={formId} choices={forms} onChange={setFormId} />
      <div className={s.row}>
        <Button appearance="primary" onClick={() => pane.insertBlankForm(formId)} disabled={busy}>
          {t(lang, 'insertBlank')}
        </Button>
        {state.busy === 'insert' && <Spinner size="tiny" label={t(lang, 'working')} />}
      </div>
      <OutcomeBar outcome={insert.outcome} lang={lang} onRetry={() => pane.insertBlankForm(formId)} busy={busy} />
      <NoteList notes={insert.notes} lang={lang} />
    </section>
  );
}
