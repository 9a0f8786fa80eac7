import * as React from 'react';
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { actionsFor, type ReviewCommandAction } from '@returns-hub/shared/review/reviewWorkflow';
import type { ReviewedReturn, ReviewStatus } from '@returns-hub/shared/review/reviewSchemas';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';
import type { ReviewController, ReviewPaneState } from '../../pane/reviewController';
import { rt } from '../../pane/reviewText';
import { decidedText } from '../../pane/reviewWho';
import { t } from '../../pane/i18n';
import { inLang, type Lang } from '../../text/bilingual';
import { usePaneStyles } from '../paneStyles';
import { StatusBadge } from './StatusBadge';
import { unitLabel } from './ReviewRows';
import { ReasonForm } from './ReasonForm';

const useStyles = makeStyles({
  // Stays in view while the list below it scrolls: the actions are where the reviewer looks after "open".
  panel: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    boxShadow: tokens.shadow8,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
});

/**
 * The opened return and what this reviewer may do with it, as the review workflow's table
 * says for its status and the reviewer's level: accept; send back with a reason and comments
 * on selected cells; reopen with a reason. Shown above the list (beside it in a wide pane),
 * kept in view, and focused when a return is opened.
 */
export function OpenedReturnPanel({ review, state, listed, lang }: { review: ReviewController; state: ReviewPaneState; listed: ReviewedReturn | undefined; lang: Lang }) {
  const s = usePaneStyles();
  const own = useStyles();
  const o = state.opened!;
  const [mode, setMode] = React.useState<ReviewCommandAction | null>(null);
  const [comment, setComment] = React.useState('');
  /** The action went through (the return has the status it leads to): the form closes. */
  const done = (status: ReviewStatus) => {
    const ok = review.state.opened?.status === status;
    if (ok) setMode(null);
    return ok;
  };
  const panel = React.useRef<HTMLDivElement>(null);
  const actions = state.level ? actionsFor(o.status, state.level) : [];
  const decided = listed?.decision ? decidedText(listed.decision) : null;

  // A newly opened return: its actions in view and focused.
  React.useEffect(() => {
    setMode(null);
    panel.current?.scrollIntoView({ block: 'nearest' });
    panel.current?.querySelector<HTMLElement>('button[data-action]')?.focus();
  }, [o.sheetId]);

  return (
    <div ref={panel} className={`${s.card} ${own.panel}`} data-testid="opened-return" role="region" aria-label={o.sheet}>
      <div className={own.head}>
        <div className={s.column} style={{ flexGrow: 1, minWidth: 0 }}>
          <Text weight="semibold">{listed ? unitLabel(listed, lang) : o.sheet}</Text>
          <div className={s.row}>
            <StatusBadge status={o.status} lang={lang} />
            <Text size={200}>
              {t(lang, 'version')} {o.version}
            </Text>
          </div>
          {decided && <Text size={200}>{inLang(decided, lang)}</Text>}
        </div>
        <Button appearance="subtle" icon={<Dismiss20Regular />} aria-label={rt(lang, 'close')} onClick={() => review.close()} />
      </div>
      {actions.length === 0 && <Text>{rt(lang, 'noActions')}</Text>}
      <div className={s.row}>
        {actions.includes('accept') && (
          <Button appearance="primary" data-action="accept" onClick={() => review.accept()} disabled={state.busy}>
            {rt(lang, 'accept')}
          </Button>
        )}
        {actions.includes('send_back') && (
          <Button data-action="send_back" aria-expanded={mode === 'send_back'} onClick={() => setMode(mode === 'send_back' ? null : 'send_back')} disabled={state.busy}>
            {rt(lang, 'sendBack')}…
          </Button>
        )}
        {actions.includes('reopen') && (
          <Button data-action="reopen" aria-expanded={mode === 'reopen'} onClick={() => setMode(mode === 'reopen' ? null : 'reopen')} disabled={state.busy}>
            {rt(lang, 'reopen')}…
          </Button>
        )}
      </div>
      {mode === 'send_back' && (
        <div className={s.column}>
          <Field label={rt(lang, 'commentText')} className={s.full}>
            <Textarea className={s.full} value={comment} onChange={(_e, d) => setComment(d.value)} rows={2} />
          </Field>
          <div className={s.row}>
            <Button
              onClick={async () => {
                await review.addComment(comment);
                if (review.state.draft.some((c) => c.text === comment.trim())) setComment('');
              }}
              disabled={state.busy}
            >
              {rt(lang, 'addComment')}
            </Button>
          </div>
          {state.draft.length > 0 && (
            <section aria-label={rt(lang, 'comments')}>
              <Text weight="semibold" block>
                {rt(lang, 'comments')} ({state.draft.length})
              </Text>
              {state.draft.map((c, k) => (
                <div key={k} className={s.row} data-cell={c.cell}>
                  <Text font="monospace">{splitSheetAddress(c.cell).cell}</Text>
                  <Text className={s.grow}>{c.text}</Text>
                  <Button size="small" appearance="subtle" onClick={() => review.removeComment(k)} aria-label={`${rt(lang, 'remove')} ${c.cell}`}>
                    {rt(lang, 'remove')}
                  </Button>
                </div>
              ))}
            </section>
          )}
          <ReasonForm
            label={rt(lang, 'reason')}
            action={rt(lang, 'sendBack')}
            busy={state.busy}
            onAct={async (reason) => {
              await review.sendBack(reason);
              return done('returned');
            }}
          />
        </div>
      )}
      {mode === 'reopen' && (
        <div className={s.column}>
          <ReasonForm
            label={rt(lang, 'reopenReason')}
            action={rt(lang, 'reopen')}
            busy={state.busy}
            onAct={async (reason) => {
              await review.reopen(reason);
              return done('reopened');
            }}
          />
        </div>
      )}
    </div>
  );
}
