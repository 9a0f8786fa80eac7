import * as React from 'react';
import { MessageBar, MessageBarBody, useId, type MessageBarProps } from '@fluentui/react-components';

/**
 * A MessageBar named by its own text. Fluent names a MessageBar by its MessageBarTitle
 * (aria-labelledby); ours have none, which left the name pointing at an element that does not
 * exist (axe-core: aria-valid-attr-value).
 */
export function NoticeBar({ children, actions, ...props }: Omit<MessageBarProps, 'children'> & { children: React.ReactNode; actions?: React.ReactNode }) {
  const bodyId = useId('notice');
  return (
    <MessageBar aria-labelledby={bodyId} {...props}>
      <MessageBarBody id={bodyId}>{children}</MessageBarBody>
      {actions}
    </MessageBar>
  );
}
