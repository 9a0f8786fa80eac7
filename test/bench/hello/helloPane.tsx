import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

/** The bench's yardstick: a React + Fluent UI v9 task pane that shows one button once Office is ready, and nothing more. */
Office.onReady(() => {
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <main lang="th">
        <Button appearance="primary">ตรวจสอบ</Button>
      </main>
    </FluentProvider>,
  );
});
