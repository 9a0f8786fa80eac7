import * as React from 'react';
import { Button, Spinner, Text } from '@fluentui/react-components';
import { ArrowUpload24Regular } from '@fluentui/react-icons';
import type { Lang } from '../../text/bilingual';
import { OutcomeBar } from '../../ui/OutcomeBar';
import { usePaneStyles } from '../../ui/paneStyles';
import { isReady, returnsOf, type SendPageState } from '../sendController';
import { st } from '../sendText';

/** What Send will do, in words, before it is pressed: how many files and returns go, and which stay behind and why. */
function plan(state: SendPageState, lang: Lang): { text: string; count: number } {
  const files = state.files;
  const ready = files.filter((f) => isReady(f) && f.receipts.length === 0);
  const returns = ready.reduce((n, f) => n + returnsOf(f).length, 0);
  const blocked = files.filter((f) => f.status === 'done' && !isReady(f)).length;
  const busy = files.some((f) => f.status === 'waiting' || f.status === 'reading');
  if (files.length === 0) return { text: st(lang, 'sendNothing'), count: 0 };
  if (busy) return { text: st(lang, 'sendBusy'), count: 0 };
  const held = blocked === 0 ? '' : lang === 'th' ? ` ไฟล์ที่มีข้อผิดพลาดหรือไม่มีแบบรายงาน ${blocked} ไฟล์จะไม่ถูกส่ง` : ` ${blocked} file${blocked > 1 ? 's' : ''} with errors or no form will not be sent.`;
  const sent = files.filter((f) => f.receipts.length > 0).length;
  if (ready.length === 0 && sent > 0 && blocked === 0) return { text: lang === 'th' ? `ส่งครบทุกไฟล์แล้ว (${sent} ไฟล์)` : `Every file has been sent (${sent}).`, count: 0 };
  if (ready.length === 0) return { text: (lang === 'th' ? 'ยังไม่มีไฟล์ที่พร้อมส่ง' : 'No file is ready to send.') + held, count: 0 };
  const what =
    lang === 'th' ? `พร้อมส่ง ${ready.length} ไฟล์ (แบบรายงาน ${returns} ฉบับ)` : `Ready to send: ${ready.length} file${ready.length > 1 ? 's' : ''} (${returns} return${returns > 1 ? 's' : ''}).`;
  return { text: what + held, count: ready.length };
}

/** Step 3: send the clean files to headquarters; what goes is said first, and what came of it after. */
export function SendPanel({ state, signedIn, onSend }: { state: SendPageState; signedIn: boolean; onSend: () => void }) {
  const p = usePaneStyles();
  const { lang } = state;
  const { text, count } = plan(state, lang);
  const sending = state.send.status === 'sending';
  const retry = state.send.status === 'offline';
  return (
    <section className={p.column} aria-labelledby="send-title">
      <Text as="h2" size={500} weight="semibold" id="send-title">
        {st(lang, 'sendTitle')}
      </Text>
      <Text data-testid="send-plan">{text}</Text>
      {!signedIn && <Text className={p.intro}>{st(lang, 'notSignedIn')}</Text>}
      <div className={p.row}>
        <Button appearance="primary" size="large" icon={<ArrowUpload24Regular />} disabled={sending || (count === 0 && !retry)} onClick={onSend}>
          {retry ? st(lang, 'retry') : count === 0 ? st(lang, 'send') : lang === 'th' ? `ส่ง ${count} ไฟล์` : `Send ${count} file${count === 1 ? '' : 's'}`}
        </Button>
        {sending && <Spinner size="tiny" label={st(lang, 'sending')} />}
      </div>
      <OutcomeBar outcome={state.send.outcome} lang={lang} onRetry={onSend} busy={sending} />
    </section>
  );
}
