/**
 * Sliding-hour rate limits kept in the database, so that they hold across restarts and across every
 * `sigmine serve` process behind a load balancer (an in-memory counter is lost on restart and multiplied by
 * the number of processes).
 *
 * A bucket has `limit` slots (rows of `web_rate_slots`). Taking one is a single conditional statement:
 * INSERT of a slot that does not exist yet (ON CONFLICT DO NOTHING), or UPDATE of a slot last taken more
 * than a window ago (`WHERE taken_at <= cutoff`). Only the affected row count is trusted: of two writers
 * racing for the same slot the database lets one through (PostgreSQL re-checks the WHERE on the row it
 * waited for; SQLite has one writer). Each slot is granted at most once per window, so a bucket never
 * grants more than `limit` in any window, whatever the number of processes.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface RateRule {
  /** Grants per window. */
  limit: number;
  windowMs: number;
}

/** Takes a slot of `bucket` under `rule`; false when all are taken within the window. */
export async function takeSlot(db: Kysely<DB>, bucket: string, rule: RateRule, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - rule.windowMs).toISOString();
  const held = await db
    .selectFrom('web_rate_slots')
    .select(['slot', 'taken_at'])
    .where('bucket', '=', bucket)
    .execute();
  const taken = new Map(held.map((r) => [Number(r.slot), r.taken_at]));
  for (let slot = 0; slot < rule.limit; slot++) {
    const last = taken.get(slot);
    if (last === undefined) {
      const r = await db
        .insertInto('web_rate_slots')
        .values({ bucket, slot, taken_at: at })
        .onConflict((oc) => oc.columns(['bucket', 'slot']).doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
    } else if (last <= cutoff) {
      const r = await db
        .updateTable('web_rate_slots')
        .set({ taken_at: at })
        .where('bucket', '=', bucket)
        .where('slot', '=', slot)
        .where('taken_at', '<=', cutoff)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return true;
    }
  }
  return false;
}

/** Deletes slots that are free anyway (taken before the longest window), so the table stays small. */
export async function sweepSlots(db: Kysely<DB>, windowMs: number, now: Date): Promise<void> {
  await db
    .deleteFrom('web_rate_slots')
    .where('taken_at', '<', new Date(now.getTime() - windowMs).toISOString())
    .execute();
}
