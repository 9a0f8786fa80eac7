import * as React from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewedReturn } from '@returns-hub/shared/review/reviewSchemas';
import { rt } from '../../pane/reviewText';
import { sentText } from '../../pane/reviewWho';
import { t } from '../../pane/i18n';
import { inLang, type Lang } from '../../text/bilingual';
import { VirtualList } from '../findings/VirtualList';
import { StatusBadge } from './StatusBadge';

const ROW_HEIGHT = 64;

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    justifyContent: 'center',
    gap: '2px',
    width: '100%',
    height: '100%',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    borderRadius: 0,
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  code: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  meta: { color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  opened: { backgroundColor: tokens.colorNeutralBackground1Selected },
});

const warnings = (n: number, lang: Lang) => (lang === 'th' ? `คำเตือน ${n}` : `${n} warning${n === 1 ? '' : 's'}`);

/** `วังทองหลาง (1045)`, `Wang Thonglang (1045)`; a project's code after it. */
export function unitLabel(r: ReviewedReturn, lang: Lang): string {
  const name = lang === 'th' ? r.name_th : (r.name_en ?? r.name_th);
  return `${name} (${r.orgUnit})${r.subject ? ` · ${r.subject}` : ''}`;
}

/**
 * The period's returns, one compact row each (unit, status, version, warnings, when sent in
 * Bangkok time), drawn a window at a time; arrow keys move between rows, Enter opens one.
 */
export function ReviewRows({
  rows,
  openedKey,
  onOpen,
  disabled,
  lang,
}: {
  rows: readonly ReviewedReturn[];
  openedKey: string | null;
  onOpen: (r: ReviewedReturn) => void;
  disabled: boolean;
  lang: Lang;
}) {
  const s = useStyles();
  return (
    <VirtualList
      count={rows.length}
      rowHeight={ROW_HEIGHT}
      visibleRows={8}
      label={rt(lang, 'reviewTab')}
      renderRow={(i, tabIndex) => {
        const r = rows[i];
        const key = `${r.orgUnit}|${r.subject ?? ''}`;
        const sent = inLang(sentText(r.submittedAt), lang);
        return (
          <Button
            appearance="subtle"
            className={`${s.row} ${key === openedKey ? s.opened : ''}`}
            tabIndex={tabIndex}
            disabled={disabled}
            onClick={() => onOpen(r)}
            data-testid="review-row"
            data-unit={r.orgUnit}
            aria-label={`${rt(lang, 'open')} ${unitLabel(r, lang)}`}
          >
            <span className={s.top}>
              <span className={s.name}>{unitLabel(r, lang)}</span>
              <StatusBadge status={r.status} lang={lang} />
            </span>
            <Text size={200} className={s.meta}>
              {t(lang, 'version')} {r.version} · {warnings(r.warnings, lang)} · {sent}
            </Text>
          </Button>
        );
      }}
    />
  );
}
