import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, ProgressBar, Select, Tab, TabList, Text, Title3, Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneController, PaneState, PullQuery } from '../pane/paneController';
import { t, type StringKey } from '../pane/i18n';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { FORMS } from '@returns-hub/shared/forms/index';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  issue: { display: 'block', textAlign: 'left', width: '100%', marginBottom: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type TabId = 'check' | 'send' | 'pull' | 'settings';

export interface Settings {
  apiUrl: string;
  apiKey: string;
  /** Microsoft Entra ID sign-in (nested app authentication); when set, used instead of the API key. */
  entra?: { clientId: string; tenantId: string; scope: string };
}

function usePane(pane: PaneController): PaneState {
  const [state, setState] = React.useState(pane.state);
  React.useEffect(() => pane.subscribe(setState), [pane]);
  return state;
}

function IssueList({ title, issues, pane, lang }: { title: string; issues: Issue[]; pane: PaneController; lang: 'th' | 'en' }) {
  const s = useStyles();
  if (issues.length === 0) return null;
  return (
    <section aria-label={title}>
      <Text weight="semibold">
        {title} ({issues.length})
      </Text>
      {issues.map((i, k) => (
        <Button key={k} appearance="subtle" className={s.issue} onClick={() => pane.selectIssue(i)} data-cell={i.cell}>
          <Text font="monospace">{i.cell.split('!').pop()}</Text> {lang === 'th' ? i.message_th : i.message_en}
        </Button>
      ))}
    </section>
  );
}

/** The task pane: Check, Send, Pull totals, Settings. It renders the controller's state; it never calls office.js. */
export function App({ pane, settings, onSettings }: { pane: PaneController; settings: Settings; onSettings: (s: Settings) => void }) {
  const s = useStyles();
  const state = usePane(pane);
  const lang = state.lang;
  const L = (k: StringKey) => t(lang, k);
  const [tab, setTab] = React.useState<TabId>('check');
  const [query, setQuery] = React.useState<PullQuery>({ form: FORMS[1].id, fy: 2563, period: 'FY', by: 'hq' });
  const [blankForm, setBlankForm] = React.useState(FORMS[0].id);
  const c = state.check;

  return (
    <div className={s.root}>
      <Title3>{lang === 'th' ? 'ศูนย์รับรายงาน' : 'Returns Hub'}</Title3>
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TabId)}>
        <Tab value="check">{L('check')}</Tab>
        <Tab value="send">{L('send')}</Tab>
        <Tab value="pull">{L('pull')}</Tab>
        <Tab value="settings">{L('settings')}</Tab>
      </TabList>

      {tab === 'check' && (
        <>
          <div className={s.row}>
            <Button appearance="primary" onClick={() => pane.check()} disabled={c.status === 'reading'}>
              {L('check')}
            </Button>
            <Button onClick={() => pane.clearHighlights()} disabled={c.highlighted.length === 0}>
              {L('clearHighlights')}
            </Button>
          </div>
          <div className={s.row}>
            <Select aria-label={L('form')} value={blankForm} onChange={(_e, d) => setBlankForm(d.value)}>
              {FORMS.map((f) => (
                <option key={f.id} value={f.id}>
                  {lang === 'th' ? f.title_th : f.title_en}
                </option>
              ))}
            </Select>
            <Button onClick={() => pane.insertBlankForm(blankForm)}>{L('insertBlank')}</Button>
          </div>
          {c.status === 'reading' && <ProgressBar />}
          {c.message && (
            <MessageBar intent={c.issues.error.length ? 'error' : c.returns.length ? 'success' : 'warning'}>
              <MessageBarBody>{c.message}</MessageBarBody>
            </MessageBar>
          )}
          {c.returns.map((r, k) => (
            <Text key={k} data-testid="return-summary">
              {r.formId} · {r.orgUnit ?? '?'} · {r.fiscalYear ?? '?'} · {r.period ?? '?'}
            </Text>
          ))}
          <IssueList title={L('errors')} issues={c.issues.error} pane={pane} lang={lang} />
          <IssueList title={L('warnings')} issues={c.issues.warning} pane={pane} lang={lang} />
          <IssueList title={L('notes')} issues={c.issues.info} pane={pane} lang={lang} />
        </>
      )}

      {tab === 'send' && (
        <>
          <Button appearance="primary" onClick={() => pane.send()} disabled={state.send.status === 'sending'}>
            {state.send.status === 'offline' ? L('retry') : L('send')}
          </Button>
          {state.send.status === 'sending' && <ProgressBar value={state.send.progress} />}
          {state.send.message && (
            <MessageBar intent={state.send.status === 'sent' ? 'success' : state.send.status === 'offline' ? 'warning' : 'error'}>
              <MessageBarBody>{state.send.message}</MessageBarBody>
            </MessageBar>
          )}
          {state.send.receipts.map((r, k) => (
            <section key={k} data-testid="receipt">
              <Badge appearance="filled" color="success">
                {L('version')} {r.version}
              </Badge>{' '}
              <Text>
                {r.orgUnit} · {new Date(r.submittedAt).toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB')}
              </Text>
              {r.changes.length > 0 && (
                <Text block>
                  {L('changed')}: {r.changes.map((x) => x.field).join(', ')}
                </Text>
              )}
            </section>
          ))}
        </>
      )}

      {tab === 'pull' && (
        <>
          <Field label={L('form')}>
            <Select value={query.form} onChange={(_e, d) => setQuery({ ...query, form: d.value })}>
              {FORMS.map((f) => (
                <option key={f.id} value={f.id}>
                  {lang === 'th' ? f.title_th : f.title_en}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={L('fiscalYear')}>
            <Input type="number" value={String(query.fy)} onChange={(_e, d) => setQuery({ ...query, fy: Number(d.value) })} />
          </Field>
          <Field label={L('period')}>
            <Input value={query.period} onChange={(_e, d) => setQuery({ ...query, period: d.value.toUpperCase() })} />
          </Field>
          <Field label={L('groupBy')}>
            <Select value={query.by} onChange={(_e, d) => setQuery({ ...query, by: d.value as PullQuery['by'] })}>
              {['district', 'zone', 'region', 'hq'].map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.row}>
            <Button appearance="primary" onClick={() => pane.pull(query)} disabled={state.pull.status === 'pulling'}>
              {L('pull')}
            </Button>
            <Button onClick={() => pane.pull()} disabled={!state.pull.last}>
              {L('refresh')}
            </Button>
          </div>
          {state.pull.status === 'pulling' && <ProgressBar />}
          {state.pull.message && (
            <MessageBar intent={state.pull.status === 'done' ? 'success' : 'error'}>
              <MessageBarBody>{state.pull.message}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}

      {tab === 'settings' && (
        <>
          <Field label={L('apiUrl')}>
            <Input value={settings.apiUrl} onChange={(_e, d) => onSettings({ ...settings, apiUrl: d.value })} />
          </Field>
          <Field label={L('apiKey')}>
            <Input type="password" value={settings.apiKey} onChange={(_e, d) => onSettings({ ...settings, apiKey: d.value })} />
          </Field>
        </>
      )}
    </div>
  );
}
