/**
 * Publication gates: a held contact enters the directory only once its notice was sent (not bounced)
 * and the objection window passed without objection (an objection erases the gate with the profile).
 * The suppression list is checked again here, right before listing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chunks, IN_LIST } from '../store/sql-util.ts';
import { iso } from './options.ts';

/** Lists one contact in the directory: the store's `listContact` (sets the profile listed, awards credits). */
export type ListContact = (trx: Kysely<DB>, profileId: string, now: string) => Promise<unknown>;

export interface PromoteOutcome {
  profileId: string;
  result: 'listed' | 'suppressed';
}

/** Pending contacts whose window passed, in window order. */
export async function dueForListing(db: Kysely<DB>, now: Date | string = new Date()) {
  return db
    .selectFrom('privacy_gates')
    .select(['profile_id', 'subject_hash', 'window_ends_at', 'codes_json'])
    .where('state', '=', 'pending')
    .where('window_ends_at', 'is not', null)
    .where('window_ends_at', '<=', iso(now))
    .orderBy('window_ends_at')
    .execute();
}

/**
 * Lists every pending contact whose notice was sent and whose objection window passed, each in its own
 * transaction (outcomes as data). `list` is the store's listing function.
 */
export async function promoteDue(
  db: Kysely<DB>,
  list: ListContact,
  now: Date | string = new Date(),
): Promise<PromoteOutcome[]> {
  const at = iso(now);
  const out: PromoteOutcome[] = [];
  for (const g of await dueForListing(db, at)) {
    const result = await db.transaction().execute(async (trx) => {
      const sup = await trx
        .selectFrom('suppressions')
        .select('subject_hash')
        .where('subject_hash', '=', g.subject_hash)
        .executeTakeFirst();
      if (sup) {
        await trx
          .updateTable('suppressions')
          .set((eb) => ({ blocked_count: eb('blocked_count', '+', 1), last_blocked_at: at }))
          .where('subject_hash', '=', g.subject_hash)
          .execute();
        return 'suppressed' as const;
      }
      const upd = await trx
        .updateTable('privacy_gates')
        .set({ state: 'listed', listed_at: at })
        .where('profile_id', '=', g.profile_id)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      if (Number(upd.numUpdatedRows) === 0) return null;
      await list(trx, g.profile_id, at);
      return 'listed' as const;
    });
    if (result) out.push({ profileId: g.profile_id, result });
  }
  return out;
}

/** When each of these profiles' objection window ends (absent until its notice is sent). */
export async function windowEndsOf(
  db: Kysely<DB>,
  profileIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...profileIds], IN_LIST)) {
    const rows = await db
      .selectFrom('privacy_gates')
      .select(['profile_id', 'window_ends_at'])
      .where('profile_id', 'in', part)
      .execute();
    for (const r of rows) if (r.window_ends_at) out.set(r.profile_id, r.window_ends_at);
  }
  return out;
}
