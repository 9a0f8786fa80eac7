import type { DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import type { ReturnStore } from '../store/returnStore';
import type { StoredReturn } from '../store/storedReturn';
import { keepTallies } from './applyTallyShare';

/** The tallies brought up to a return's current version (idempotent); false when that could not be done now. */
async function tallyCurrent(store: ReturnStore, definitions: DefinitionSource, r: StoredReturn): Promise<boolean> {
  const outcome = await keepTallies(store.tallies, definitions, r.formId, 'all', r, r.version, r.contribution);
  return outcome === 'applied' || outcome === 'already';
}

/** Grace of the start-up sweep in development: a write older than this that nothing points at is dead. */
export const DEV_SWEEP_GRACE_MS = 10 * 60_000;

export interface SweepResult {
  /** Writes older than the grace period that were still recorded. */
  checked: number;
  /** Of those, writes no pointer or version held: their rows and details were removed. */
  removed: number;
}

/**
 * Removes what failed or lost writes left behind. Each write is recorded before its rows
 * are written and forgotten once it commits; one still recorded after `graceMs` either
 * committed without being forgotten (a pointer or a version holds it: kept) or never did
 * (removed). The grace must exceed the longest submission, so a write in progress is never touched.
 */
export async function sweepOrphans(store: ReturnStore, definitions: DefinitionSource, graceMs: number, now = () => new Date()): Promise<SweepResult> {
  const cutoff = new Date(now().getTime() - graceMs).toISOString();
  let checked = 0;
  let removed = 0;
  for (const w of await store.listWrites(cutoff)) {
    checked++;
    const current = await store.getCurrent(w.key);
    const held = current?.record.writeId === w.writeId || (await store.listVersions(w.key)).some((v) => v.writeId === w.writeId);
    if (!held) {
      await store.deleteWrite(w.writeId);
      removed++;
    }
    // A committed write is forgotten only once the tallies hold it: a writer may have stopped before them.
    if (current && current.record.writeId === w.writeId && !(await tallyCurrent(store, definitions, current.record))) continue;
    await store.endWrites([w]);
  }
  return { checked, removed };
}
