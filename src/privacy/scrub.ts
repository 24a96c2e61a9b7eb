/**
 * After an erasure, make sure no plain copy survives in the database files.
 * - SQLite: `secure_delete` is ON (src/db/database.ts), so deleted cells and freed pages are zeroed in the
 *   main file; the WAL still holds the old page images until a checkpoint, so we checkpoint with TRUNCATE
 *   (copies pages back and empties the WAL file).
 * - PostgreSQL: DELETE/UPDATE leave dead tuple versions in the heap and indexes until VACUUM; plain VACUUM
 *   makes the space reusable but does not rewrite it, so we run VACUUM FULL on the touched tables (a new
 *   file is written and the old one unlinked; it takes an ACCESS EXCLUSIVE lock for the duration). The
 *   server's WAL segments and base backups keep the old tuples until they are recycled or expire: operators
 *   must bound WAL/backup retention (documented in docs/privacy.md).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** Tables an erasure touches (deleted or updated rows). */
export const ERASURE_TABLES = [
  'profiles',
  'observations',
  'profile_values',
  'profile_value_contributors',
  'company_members',
  'company_tallies',
  'profile_pins',
  'job_history',
  'privacy_gates',
  'jurisdiction_decisions',
  'notices',
] as const;

export type PgVacuum = 'full' | 'plain' | 'none';

/**
 * How long to wait for older snapshots to end before vacuuming. VACUUM (FULL too) must keep a deleted row
 * version while any transaction in the database might still see it (a snapshot older than the delete), so
 * a long-running report or an idle-in-transaction session would leave the erased row in the table file.
 */
export const PG_SNAPSHOT_WAIT_MS = 60_000;

export async function scrubAfterErasure(
  db: Kysely<DB>,
  dialect: DialectName,
  pgVacuum: PgVacuum = 'full',
  waitMs = PG_SNAPSHOT_WAIT_MS,
): Promise<{ action: string }> {
  if (dialect === 'sqlite') {
    // A reader in another connection can block the TRUNCATE checkpoint (busy = 1): retry until the wait ends.
    const deadline = Date.now() + waitMs;
    for (;;) {
      const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      if (!rows[0] || Number(rows[0].busy) === 0) return { action: 'wal-checkpoint' };
      if (Date.now() >= deadline) return { action: 'wal-checkpoint-incomplete' };
      await new Promise((res) => setTimeout(res, 200));
    }
  }
  if (pgVacuum === 'none') return { action: 'none' };
  const clear = await waitForOlderSnapshots(db, waitMs);
  for (const t of ERASURE_TABLES) {
    await sql`${sql.raw(pgVacuum === 'full' ? 'VACUUM FULL' : 'VACUUM')} ${sql.table(t)}`.execute(db);
  }
  const action = pgVacuum === 'full' ? 'vacuum-full' : 'vacuum';
  // Incomplete: an old snapshot outlived the wait; deleted versions may survive until the next VACUUM.
  return { action: clear ? action : `${action}-incomplete` };
}

/**
 * Waits until no other session of this database holds a snapshot or a transaction id older than now
 * (true), or time runs out. Both hold back VACUUM's horizon: an open writing transaction counts from its xid.
 */
async function waitForOlderSnapshots(db: Kysely<DB>, waitMs: number): Promise<boolean> {
  // A fresh transaction id: every row version our (committed) erasure removed is older than it.
  const { rows } = await sql<{
    x: string;
  }>`select (pg_current_xact_id()::text::bigint % 4294967296)::text as x`.execute(db);
  const mark = rows[0]!.x;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const r = await sql<{ c: number }>`select count(*)::int as c from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and ((backend_xmin is not null and age(backend_xmin) > age(${mark}::xid))
          or (backend_xid is not null and age(backend_xid) > age(${mark}::xid)))`.execute(db);
    if (Number(r.rows[0]!.c) === 0) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((res) => setTimeout(res, 200));
  }
}
