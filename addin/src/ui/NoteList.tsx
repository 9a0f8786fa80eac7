import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { inLang, type Bilingual, type Lang } from '../text/bilingual';

/** What this Excel could not do, and what that means for the clerk. */
export function NoteList({ notes, lang }: { notes: readonly Bilingual[]; lang: Lang }) {
  if (notes.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {notes.map((n, k) => (
          <div key={k}>{inLang(n, lang)}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
