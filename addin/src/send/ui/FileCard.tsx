import * as React from 'react';
import { Badge, Button, Field, ProgressBar, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { describeReturn } from '../../pane/returnText';
import { inLang, type Lang } from '../../text/bilingual';
import { OutcomeBar } from '../../ui/OutcomeBar';
import { NoticeBar } from '../../ui/NoticeBar';
import { ReceiptCard } from '../../ui/ReceiptCard';
import { usePaneStyles } from '../../ui/paneStyles';
import type { ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import type { Issue } from '@returns-hub/shared/issues/issue';
import type { Outcome } from '../../pane/paneController';
import { issuesOf, returnKey, returnsOf, type FileEntry } from '../sendController';
import { formatName, sizeText, st } from '../sendText';
import { HqStatus } from './HqStatus';

const useStyles = makeStyles({
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  compact: { gap: '2px', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  problem: { color: tokens.colorPaletteRedForeground1 },
  ret: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

function progressText(f: FileEntry, lang: Lang): { label: string; value: number | undefined } {
  const p = f.progress;
  if (f.status === 'waiting' || !p) return { label: st(lang, 'waiting'), value: 0 };
  if (p.stage === 'reading') return { label: `${st(lang, 'reading')} ${Math.round((p.done / Math.max(1, p.total)) * 100)} %`, value: p.done / Math.max(1, p.total) };
  const sheets = p.total > 1 ? (lang === 'th' ? ` ชีตที่ ${p.done + 1} จาก ${p.total}` : ` sheet ${p.done + 1} of ${p.total}`) : '';
  return { label: `${st(lang, 'checking')}${sheets}…`, value: undefined };
}

/**
 * One file the clerk chose: how far its reading has come, then what is in it (each return in
 * words: form, unit, period), how many errors and warnings, what headquarters says of each
 * return, and, once sent, the receipt. A file that cannot be read says why in one sentence.
 */
export function FileCard({
  file: f,
  lang,
  selected,
  hq,
  onShow,
  onRemove,
  onRetry,
  compact = false,
}: {
  file: FileEntry;
  lang: Lang;
  selected: boolean;
  /** One of many (a batch): a few lines, the whole card once it is shown. */
  compact?: boolean;
  hq: Record<string, ReviewView>;
  onShow: () => void;
  onRemove: () => void;
  onRetry: () => void;
}) {
  const p = usePaneStyles();
  const s = useStyles();
  const issues = issuesOf(f);
  const fileIssues = f.reading?.issues ?? [];
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const busy = f.status === 'waiting' || f.status === 'reading';
  const prog = progressText(f, lang);
  const actions = (
    <div className={p.row}>
      {f.reading && f.reading.sheets.length > 0 && (
        <Button size="small" appearance={selected ? 'primary' : 'secondary'} onClick={onShow} aria-pressed={selected}>
          {st(lang, selected ? 'shown' : 'show')}
        </Button>
      )}
      <Button size="small" appearance="subtle" onClick={onRemove} aria-label={`${st(lang, 'remove')} ${f.name}`}>
        {st(lang, 'remove')}
      </Button>
    </div>
  );
  if (compact && !selected) {
    const first = returnsOf(f)[0];
    const d = first && describeReturn(first);
    const problem: Issue | Outcome | undefined = fileIssues.length ? fileIssues[0] : f.refusal;
    return (
      <section className={mergeClasses(p.card, s.compact)} aria-label={f.name} data-testid="file-card">
        <div className={p.row}>
          <Text className={s.name}>{f.name}</Text>
          {f.status === 'done' && f.reading && f.reading.sheets.length > 0 && (
            <Badge appearance="tint" color={errors ? 'danger' : 'success'}>
              {st(lang, 'errors')} {errors}
            </Badge>
          )}
          {f.receipts.map((r, k) => (
            <Badge key={k} appearance="filled" color="success" data-testid="receipt">
              {st(lang, 'version')} {r.version}
            </Badge>
          ))}
        </div>
        {busy && <ProgressBar value={prog.value} max={1} aria-label={`${f.name}: ${prog.label}`} />}
        {d && (
          <Text size={200}>
            {d.unit ? inLang(d.unit, lang) : ''} · {d.period ? inLang(d.period, lang) : ''}
          </Text>
        )}
        {problem && (
          <Text size={200} className={s.problem} data-testid={fileIssues[0] ? 'file-problem' : undefined}>
            {'severity' in problem ? (lang === 'th' ? problem.message_th : problem.message_en) : inLang(problem.text, lang)}
          </Text>
        )}
        <OutcomeBar outcome={f.outcome} lang={lang} onRetry={onRetry} />
        {actions}
      </section>
    );
  }
  return (
    <section className={mergeClasses(p.card, selected && s.selected)} aria-label={f.name} data-testid="file-card">
      <Text className={s.name}>{f.name}</Text>
      <Text size={200} className={p.intro}>
        {sizeText(f.size)}
        {f.reading?.format ? ` · ${formatName(f.reading.format, lang)}` : ''}
      </Text>
      {busy && (
        <Field label={prog.label} validationState="none">
          <ProgressBar value={prog.value} max={1} thickness="large" aria-label={prog.label} />
        </Field>
      )}
      <OutcomeBar outcome={f.outcome} lang={lang} onRetry={onRetry} />
      {fileIssues.map((i, k) => (
        <NoticeBar key={k} intent={i.severity === 'error' ? 'error' : 'warning'} layout="multiline" data-testid="file-problem">
          {lang === 'th' ? i.message_th : i.message_en}
        </NoticeBar>
      ))}
      {returnsOf(f).map((r, k) => {
        const d = describeReturn(r);
        const view = hq[returnKey(r)];
        return (
          <div key={k} className={s.ret} data-testid="return-summary">
            <Text weight="semibold">{inLang(d.form, lang)}</Text>
            <Text>
              {d.unit ? inLang(d.unit, lang) : lang === 'th' ? 'ไม่ทราบหน่วยงาน' : 'unit not given'}
              {' · '}
              {d.period ? inLang(d.period, lang) : lang === 'th' ? 'ไม่ทราบงวด' : 'period not given'}
              {r.subject ? ` · ${r.subject}` : ''}
            </Text>
            {r.rows > 0 && <Text size={200}>{lang === 'th' ? `${r.rows.toLocaleString('en-US')} แถว` : `${r.rows.toLocaleString('en-US')} rows`}</Text>}
            {view && <HqStatus view={view} lang={lang} />}
          </div>
        );
      })}
      {f.status === 'done' && f.reading && f.reading.sheets.length > 0 && (
        <div className={p.row}>
          <Badge appearance="tint" color={errors ? 'danger' : 'success'}>
            {st(lang, 'errors')} {errors}
          </Badge>
          <Badge appearance="tint" color={warnings ? 'warning' : 'informative'}>
            {st(lang, 'warnings')} {warnings}
          </Badge>
        </div>
      )}
      <OutcomeBar outcome={f.refusal} lang={lang} />
      {f.problemIssues.map((i, k) => (
        <Text key={k} size={200} block>
          {i.cell.replace(/^.*!/, '')}: {lang === 'th' ? i.message_th : i.message_en}
        </Text>
      ))}
      {f.receipts.map((r, k) => (
        <ReceiptCard key={k} receipt={r} lang={lang} />
      ))}
      {actions}
    </section>
  );
}
