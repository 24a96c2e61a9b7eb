/**
 * `NoticeGate`: what sending or bouncing a notice does to its contact's publication gate. Notices declare it
 * and privacy implements it (src/privacy/notice-gate.ts `noticeGate`); the caller hands it in, so notices
 * never read or write privacy's tables and never import privacy (which imports notices).
 *
 * - A held contact (pending, listed only after its notice) gets the listing date in its notice, and the
 *   notice's delivery starts its objection window.
 * - A bounce cancels that window: the contact stays pending until a later notice is delivered.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface NoticeGate {
  /** The profiles among these whose listing waits on their notice (held and still pending). */
  heldAmong(db: Kysely<DB>, profileIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** A held contact's notice was delivered: its objection window ends at `endsAt` (pending gates only). */
  startWindow(trx: Kysely<DB>, profileId: string, endsAt: Date): Promise<void>;
  /** The contact's notice bounced: its window is cancelled. Returns the gate's state (null: no gate). */
  cancelWindow(trx: Kysely<DB>, profileId: string): Promise<string | null>;
}
