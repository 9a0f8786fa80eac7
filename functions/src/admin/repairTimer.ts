import type { InvocationContext, Timer } from '@azure/functions';
import type { Deps } from '../http/endpoint';
import { repair, REPAIR_GRACE_MS } from '../services/repair';

/** Every five minutes (NCRONTAB, seconds first): what `REPAIR_EVERY_MS` says for the local host. */
export const REPAIR_SCHEDULE = '0 */5 * * * *';

/**
 * The timer-triggered repair: uncommitted writes swept, tally intents completed. Each run logs
 * one line (and is a span in Application Insights); a run that fails is logged and the next
 * one tries again.
 */
export function repairTimer(deps: Deps): (timer: Timer, ctx: InvocationContext) => Promise<void> {
  return async (_timer, ctx) => {
    try {
      const r = await repair(await deps.store(), await deps.reviews(), await deps.definitions(), { graceMs: REPAIR_GRACE_MS });
      const failed = [...r.writes.failed.map((f) => `write ${f.writeId}: ${f.reason}`), ...r.intents.failed.map((f) => `${f.scope}: ${f.reason}`)];
      ctx.log(
        `repair: ${r.writes.checked} write(s) checked, ${r.writes.removed} removed; ${r.intents.checked} tally intent(s) checked, ${r.intents.completed} completed, ${r.intents.forgotten} forgotten, ${r.intents.rebuilt} scope(s) rebuilt; ${failed.length} failed`,
      );
      for (const f of failed.slice(0, 20)) ctx.warn(`repair skipped ${f}`);
    } catch (e) {
      ctx.error(`repair failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
