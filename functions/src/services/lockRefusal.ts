import type { LockedReturn } from '@returns-hub/shared/review/reviewSchemas';
import { domainError, type DomainError } from '../domain/domainError';
import type { ReviewError } from '../domain/reviewError';
import type { ReturnKey } from '../store/keys';
import { returnName } from '../domain/returnName';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** Locked returns named in one sentence at most; the problem's `locked` lists every one. */
const NAMED = 5;

/**
 * A request holding locked returns is refused whole (nothing of it is stored), naming every
 * locked return and its lock: in the text, and as data (`locked`) so a client can send the rest.
 * One lock keeps its own text. `units`: the org units of the return's year (to name it).
 */
export function lockRefusal(locks: { key: ReturnKey; lock: ReviewError; units: OrgUnitTree }[], total: number): DomainError {
  const locked: LockedReturn[] = locks.map(({ key, lock }) => {
    if (lock.code !== 'lock.accepted' && lock.code !== 'lock.zone_accepted' && lock.code !== 'lock.period_closed') throw new Error(`${lock.code} is not a lock`);
    return { ...key, code: lock.code, detail: lock.en, detail_th: lock.th };
  });
  const first = locks[0].lock;
  if (locks.length === 1 && total === 1) return { ...first, locked };
  const names = locks.slice(0, NAMED).map(({ key, units }) => returnName(key, units));
  const more = locks.length > NAMED ? locks.length - NAMED : 0;
  return domainError(first.code, REFUSAL_TEXTS.lockedMany({ locked: locks.length, total, names, more, lock: first }), { locked });
}
