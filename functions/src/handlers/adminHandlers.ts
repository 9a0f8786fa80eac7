import { rebuildQuerySchema } from '@returns-hub/shared/api/tallyRebuild';
import { endpoint, type Deps } from '../http/endpoint';
import { isDomainError } from '../domain/domainError';
import { isProblem, json } from '../http/problem';
import { formOfYear } from '../http/knownForm';
import { invalidQuery } from '../http/invalidInput';
import { rebuildTallies } from '../services/rebuildTallies';
import { tallyReview } from '../services/tallyReview';

/** POST /api/admin/rebuild-tallies?form=&fy=&period=&include=all|accepted&check=true — headquarters only: repair (or, with check, compare) the running tallies. */
export const rebuildTalliesRoute = (deps: Deps) =>
  endpoint(
    deps,
    async (req, principal, store) => {
      const parsed = rebuildQuerySchema.safeParse(Object.fromEntries(req.query.entries()));
      if (!parsed.success) return invalidQuery(parsed.error);
      const q = parsed.data;
      const known = formOfYear(await deps.definitions(), q.form, q.fy);
      if (isProblem(known)) return known;
      const { form, definitions } = known;
      const period = q.period ?? (form.period.kind === 'quarter' ? 'Q4' : 'FY');
      const review = q.include === 'accepted' ? tallyReview(await deps.reviews(), form.id, q.fy, 'accepted') : undefined;
      const out = await rebuildTallies(store, principal, form, definitions.units, q.fy, period, { write: q.check !== 'true', review });
      return isDomainError(out) ? out : json(200, out);
    },
    'rebuild',
  );
