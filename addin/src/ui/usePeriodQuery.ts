import * as React from 'react';
import { paneDefinitions } from '../definitions/paneDefinitions';
import type { PeriodChoice, PeriodDefaults } from '../pane/latestPeriod';

/**
 * A flow's query (a form, a year, a period…): it moves to the form's latest period with
 * returns once headquarters says which that is, unless the clerk has chosen a year or period
 * meanwhile. `choose` is the clerk's choice; `setForm` a new form (whose latest period is asked).
 */
export function usePeriodQuery<Q extends PeriodChoice & { form: string }>(
  periods: PeriodDefaults,
  now: () => Date,
  initial: () => { query: Q; chosen: boolean },
): { query: Q; choose: (patch: Partial<Q>) => void; setForm: (q: Q) => void; setQuery: (q: Q) => void } {
  const [first] = React.useState(initial);
  const [query, setQuery] = React.useState<Q>(first.query);
  const chosen = React.useRef(first.chosen);
  const form = paneDefinitions.forYear(query.fy).formById(query.form);
  React.useEffect(() => {
    let live = true;
    if (form)
      void periods.latest(form, now()).then((p) => {
        if (live && p && !chosen.current) setQuery((q) => ({ ...q, fy: p.fy, period: p.period }));
      });
    return () => {
      live = false;
    };
  }, [periods, form?.id]);
  return {
    query,
    setQuery,
    choose: (patch) => {
      chosen.current = true;
      setQuery((q) => ({ ...q, ...patch }));
    },
    setForm: (q) => {
      chosen.current = false;
      setQuery(q);
    },
  };
}
