import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles } from '@fluentui/react-components';
import type { ReviewedReturn } from '@returns-hub/shared/review/reviewSchemas';
import { rt } from '../../pane/reviewText';
import type { Lang } from '../../text/bilingual';
import { unitLabel } from './ReviewRows';

const useStyles = makeStyles({
  names: { margin: 0, paddingLeft: '2.5em', maxHeight: '40vh', overflowY: 'auto' },
});

/**
 * "Accept all without warnings", confirmed: says how many returns and names each unit before
 * anything is accepted; accepting takes exactly these, at the versions listed.
 */
export function BulkAcceptDialog({ returns, open, onAccept, onCancel, lang }: { returns: readonly ReviewedReturn[]; open: boolean; onAccept: () => void; onCancel: () => void; lang: Lang }) {
  const s = useStyles();
  const n = returns.length;
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{lang === 'th' ? `ตรวจรับ ${n} ฉบับที่ไม่มีคำเตือน?` : `Accept ${n} return${n === 1 ? '' : 's'} without warnings?`}</DialogTitle>
          <DialogContent>
            <Text block>
              {lang === 'th'
                ? 'ฉบับต่อไปนี้ไม่มีคำเตือนและรอตรวจรับจากท่าน จะตรวจรับตามฉบับที่แสดงในรายการ ฉบับที่เปลี่ยนไประหว่างนี้จะไม่ถูกตรวจรับ'
                : 'These have no warnings and await your acceptance. Each is accepted at the version listed; one that changes meanwhile is left as it is.'}
            </Text>
            <ol className={s.names} data-testid="bulk-accept-names">
              {returns.map((r) => (
                <li key={`${r.orgUnit}|${r.subject ?? ''}`}>{unitLabel(r, lang)}</li>
              ))}
            </ol>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onAccept}>
              {lang === 'th' ? `ตรวจรับ ${n} ฉบับ` : `Accept ${n}`}
            </Button>
            <Button onClick={onCancel}>{rt(lang, 'cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
