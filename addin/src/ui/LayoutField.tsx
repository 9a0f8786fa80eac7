import * as React from 'react';
import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { Choice } from '../pane/pullChoices';
import { usePaneStyles } from './paneStyles';

/**
 * The report layout to write the totals in: the form's printable layouts by their titles
 * (a Fluent Dropdown: the titles are long, and its list wraps them where a native list would not).
 */
export function LayoutField({ label, value, choices, onChange }: { label: string; value: string | undefined; choices: readonly Choice<string>[]; onChange: (name: string) => void }) {
  const s = usePaneStyles();
  const chosen = choices.find((c) => c.value === value);
  return (
    <Field label={label} className={s.full}>
      <Dropdown
        className={s.full}
        value={chosen?.label ?? ''}
        selectedOptions={chosen ? [chosen.value] : []}
        onOptionSelect={(_e, d) => {
          if (d.optionValue) onChange(d.optionValue);
        }}
      >
        {choices.map((c) => (
          <Option key={c.value} value={c.value}>
            {c.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
