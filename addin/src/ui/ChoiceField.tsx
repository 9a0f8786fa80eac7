import * as React from 'react';
import { Field, Select } from '@fluentui/react-components';
import type { Choice } from '../pane/pullChoices';
import { usePaneStyles } from './paneStyles';

/** A labelled dropdown of choices in words; the value stays typed. */
export function ChoiceField<T extends string | number>({ label, value, choices, onChange }: { label: string; value: T; choices: readonly Choice<T>[]; onChange: (v: T) => void }) {
  const s = usePaneStyles();
  return (
    <Field label={label} className={s.full}>
      <Select
        className={s.full}
        value={String(value)}
        onChange={(_e, d) => {
          const hit = choices.find((c) => String(c.value) === d.value);
          if (hit) onChange(hit.value);
        }}
      >
        {choices.map((c) => (
          <option key={String(c.value)} value={String(c.value)}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
