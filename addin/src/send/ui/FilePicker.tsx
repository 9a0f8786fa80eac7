import * as React from 'react';
import { Button, Text, mergeClasses } from '@fluentui/react-components';
import { DocumentAdd24Regular } from '@fluentui/react-icons';
import type { Lang } from '../../text/bilingual';
import { st } from '../sendText';
import { usePageStyles } from './pageStyles';

/**
 * Where the clerk gives the page their files: a button that opens the file dialog, or files
 * dropped anywhere in the box. Any file may be chosen (the reader tells formats by content and
 * says in one sentence what it cannot read), several at once.
 */
export function FilePicker({ lang, onFiles }: { lang: Lang; onFiles: (files: File[]) => void }) {
  const s = usePageStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  const take = (list: FileList | null) => {
    if (list && list.length) onFiles([...list]);
  };
  return (
    <div
      className={mergeClasses(s.drop, over && s.dropActive)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      <Button appearance="primary" size="large" icon={<DocumentAdd24Regular />} onClick={() => input.current?.click()}>
        {st(lang, 'choose')}
      </Button>
      <Text>{st(lang, over ? 'dropNow' : 'dropHere')}</Text>
      <Text size={200} className={s.muted}>
        {st(lang, 'formatsRead')}
      </Text>
      <input
        ref={input}
        className={s.hiddenInput}
        type="file"
        multiple
        tabIndex={-1}
        aria-hidden="true"
        data-testid="file-input"
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}
