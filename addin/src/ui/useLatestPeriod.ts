import * as React from 'react';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { PeriodChoice, PeriodDefaults } from '../pane/latestPeriod';

/**
 * Moves a flow's year and period to the form's latest period with returns once headquarters
 * says which that is, unless the clerk has chosen a year or period meanwhile (`chosen`).
 */
export function useLatestPeriod(periods: PeriodDefaults, form: FormDef, now: () => Date, chosen: boolean, apply: (p: PeriodChoice) => void): void {
  const latest = React.useRef({ chosen, apply });
  latest.current = { chosen, apply };
  React.useEffect(() => {
    let live = true;
    void periods.latest(form, now()).then((p) => {
      if (live && p && !latest.current.chosen) latest.current.apply(p);
    });
    return () => {
      live = false;
    };
    // Asked again only for another form.
  }, [periods, form.id]);
}
