import * as React from 'react';
import { Badge, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { bangkokDay } from '@returns-hub/shared/review/bangkokTime';
import { STATUS_LABELS } from '@returns-hub/shared/review/statusLabels';
import { REVIEW_WORKFLOW } from '@returns-hub/shared/review/reviewWorkflow';
import { fiscalYearChoices } from '../../pane/pullChoices';
import { formTitle, periodText } from '../../pane/returnText';
import { inLang, type Lang } from '../../text/bilingual';
import { ChoiceField } from '../../ui/ChoiceField';
import { OutcomeBar } from '../../ui/OutcomeBar';
import { FindingRow } from '../../ui/FindingRow';
import { usePaneStyles } from '../../ui/paneStyles';
import type { MyReturnsController, MyReturnsState, UnitPeriod } from '../myReturnsController';
import { st } from '../sendText';
import { MARK_FILL } from './SheetView';

const useStyles = makeStyles({ ret: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalXS } });

const BADGE = { not_received: 'informative', submitted: 'brand', returned: 'danger', zone_accepted: 'success', accepted: 'success', reopened: 'warning' } as const;

function Period({ p, lang, mine }: { p: UnitPeriod; lang: Lang; mine: MyReturnsController }) {
  const s = usePaneStyles();
  const x = useStyles();
  const when = { on_time: 'onTime', late: 'late', pending: 'pending', overdue: 'overdue' } as const;
  return (
    <section className={s.card} data-testid="my-return" aria-label={`${inLang(formTitle(p.formId), lang)} ${inLang(periodText(p.fiscalYear, p.period) ?? { th: p.period, en: p.period }, lang)}`}>
      <Text weight="semibold">{inLang(formTitle(p.formId), lang)}</Text>
      <Text>{inLang(periodText(p.fiscalYear, p.period) ?? { th: p.period, en: p.period }, lang)}</Text>
      <div className={s.row}>
        <Badge appearance="filled" color={BADGE[p.unit.status]}>
          {inLang(STATUS_LABELS[p.unit.status], lang)}
        </Badge>
        <Text size={200}>
          {st(lang, 'due')} {inLang(bangkokDay(p.dueDate), lang)} · {st(lang, when[p.unit.timeliness])}
        </Text>
      </div>
      {p.returns.map((r, k) => {
        const view = p.sentBack.find((v) => v.subject === r.subject);
        return (
          <div key={k} className={x.ret}>
            <Text size={200}>
              {r.subject ? `${r.subject} · ` : ''}
              {st(lang, 'version')} {r.version} · {inLang(STATUS_LABELS[r.status], lang)}
            </Text>
            {REVIEW_WORKFLOW[r.status].lock && <Text size={200}>{st(lang, REVIEW_WORKFLOW[r.status].lock === 'lock.accepted' ? 'lockAccepted' : 'lockZoneAccepted')}</Text>}
            {r.reason && (
              <Text>
                {st(lang, 'reasonFromHq')}: {r.reason}
              </Text>
            )}
            {view?.comments.map((c, i) => (
              <FindingRow key={i} cell={c.cell} text={c.text} colour={MARK_FILL.comment} onSelect={() => void mine.showStored(p, r)} />
            ))}
            <div className={s.row}>
              <Button size="small" onClick={() => void mine.showStored(p, r)}>
                {st(lang, 'showSent')}
              </Button>
            </div>
          </div>
        );
      })}
    </section>
  );
}

/**
 * "My returns": the signed-in unit's returns for a fiscal year, each period begun so far with
 * its status, due date and timeliness; what was sent back, why, and the comments at cells
 * (a press shows the stored version with the cells marked). Also with no file open.
 */
export function MyReturns({ mine, state, now }: { mine: MyReturnsController; state: MyReturnsState; now: () => Date }) {
  const s = usePaneStyles();
  const { lang } = state;
  return (
    <section className={s.column} aria-labelledby="mine-title">
      <Text as="h2" size={500} weight="semibold" id="mine-title">
        {st(lang, 'mineTitle')}
      </Text>
      {state.status === 'signedOut' && <Text className={s.intro}>{st(lang, 'mineSignIn')}</Text>}
      {state.status === 'notUnit' && <Text className={s.intro}>{st(lang, 'mineNotUnit')}</Text>}
      {(state.status === 'done' || state.status === 'loading' || state.status === 'failed') && (
        <>
          <Text className={s.intro}>{st(lang, 'mineIntro')}</Text>
          <ChoiceField label={st(lang, 'fiscalYear')} value={state.fiscalYear} choices={fiscalYearChoices(now(), lang)} onChange={(fy) => void mine.load(fy)} />
        </>
      )}
      {state.status === 'loading' && <Spinner size="tiny" label={st(lang, 'loading')} />}
      <OutcomeBar outcome={state.outcome} lang={lang} onRetry={() => void mine.load()} />
      {state.status === 'done' && state.periods.length === 0 && <Text>{st(lang, 'nothingThisYear')}</Text>}
      {state.status === 'done' && state.periods.map((p, k) => <Period key={k} p={p} lang={lang} mine={mine} />)}
    </section>
  );
}
