import { rebuildQuerySchema } from '@returns-hub/shared/api/tallyRebuild';
import { formById } from '@returns-hub/shared/forms/index';
import { endpoint, type Deps } from '../http/endpoint';
import { isDomainError } from '../domain/domainError';
import { json, problem } from '../http/problem';
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
      const form = formById(q.form);
      if (!form) return problem('form.not_found', { en: `No form "${q.form}".`, th: 'ไม่มีแบบรายงานตามรหัสที่ระบุ' });
      const period = q.period ?? (form.period.kind === 'quarter' ? 'Q4' : 'FY');
      const review = q.include === 'accepted' ? tallyReview(await deps.reviews(), form.id, q.fy, 'accepted') : undefined;
      const out = await rebuildTallies(store, principal, form, q.fy, period, { write: q.check !== 'true', review });
      return isDomainError(out) ? out : json(200, out);
    },
    'rebuild',
  );
