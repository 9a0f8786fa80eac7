import * as React from 'react';
import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { Choice } from '../pane/pullChoices';
import { usePaneStyles } from './paneStyles';

const useStyles = makeStyles({
  // The open list is as wide as the field and never wider than the pane, also when the pane is narrowed while
  // it is open: Floating UI sets the width it measured inline and does not measure again, hence !important.
  listbox: { maxWidth: `calc(100vw - 2 * ${tokens.spacingHorizontalM}) !important`, boxSizing: 'border-box' },
  option: { overflowWrap: 'anywhere' },
  // The chosen title on as many lines as it needs.
  button: { whiteSpace: 'normal', overflowWrap: 'anywhere', height: 'auto' },
});

/**
 * A choice among long titles (the forms, a form's report layouts): a Fluent Dropdown, whose
 * field and list wrap a title over lines where a native list would cut it at the pane's edge.
 */
export function TitleField({ label, value, choices, onChange }: { label: string; value: string | undefined; choices: readonly Choice<string>[]; onChange: (value: string) => void }) {
  const s = usePaneStyles();
  const own = useStyles();
  const chosen = choices.find((c) => c.value === value);
  return (
    <Field label={label} className={s.full}>
      <Dropdown
        className={s.full}
        listbox={{ className: own.listbox }}
        button={{ className: own.button }}
        value={chosen?.label ?? ''}
        selectedOptions={chosen ? [chosen.value] : []}
        onOptionSelect={(_e, d) => {
          if (d.optionValue) onChange(d.optionValue);
        }}
      >
        {choices.map((c) => (
          <Option key={c.value} value={c.value} text={c.label} className={own.option}>
            {c.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
