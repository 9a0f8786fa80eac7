import * as React from 'react';
import { Button, Field, Textarea } from '@fluentui/react-components';
import { usePaneStyles } from '../paneStyles';

/** A reason in the reviewer's words and the button that acts with it (send back, reopen); the field empties once the action went through. */
export function ReasonForm({ label, action, busy, onAct }: { label: string; action: string; busy: boolean; onAct: (reason: string) => Promise<boolean> }) {
  const s = usePaneStyles();
  const [reason, setReason] = React.useState('');
  return (
    <>
      <Field label={label} className={s.full}>
        <Textarea className={s.full} value={reason} onChange={(_e, d) => setReason(d.value)} rows={2} />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" onClick={async () => (await onAct(reason)) && setReason('')} disabled={busy}>
          {action}
        </Button>
      </div>
    </>
  );
}
