/**
 * Claiming one queued mail for sending, shared by the pre-add notices (send.ts) and the Art. 19 mails to
 * members (recipient-notices.ts): a lease taken by compare-and-set, so of two concurrent `notices send` runs
 * only one sends it, even when the second read it after the first claimed it. A run killed mid-send leaves
 * a claim that expires after CLAIM_MS, and the mail goes out again (at-least-once).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** How long a claimed mail is reserved for the run sending it: far above one transport call. */
export const CLAIM_MS = 10 * 60_000;

/** True when this run now holds the row (attempts counted); false when another run got there first. */
export async function claimForSending(
  db: Kysely<DB>,
  table: 'notices' | 'recipient_notices',
  row: { id: string; attempts: number },
  at: Date,
): Promise<boolean> {
  // Both tables share these columns; Kysely types one table at a time, so the query is typed as `notices`.
  const claim = await db
    .updateTable(table as 'notices')
    .set({ attempts: row.attempts + 1, claimed_until: new Date(at.getTime() + CLAIM_MS).toISOString() })
    .where('id', '=', row.id)
    .where('status', '=', 'queued')
    .where('attempts', '=', row.attempts)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at.toISOString())]))
    .executeTakeFirst();
  return Number(claim.numUpdatedRows) === 1;
}
