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
  'profile_pins',
  'job_history',
  'privacy_gates',
  'jurisdiction_decisions',
  'notices',
] as const;

export type PgVacuum = 'full' | 'plain' | 'none';

export async function scrubAfterErasure(
  db: Kysely<DB>,
  dialect: DialectName,
  pgVacuum: PgVacuum = 'full',
): Promise<{ action: string }> {
  if (dialect === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    return { action: 'wal-checkpoint' };
  }
  if (pgVacuum === 'none') return { action: 'none' };
  for (const t of ERASURE_TABLES) {
    await sql`${sql.raw(pgVacuum === 'full' ? 'VACUUM FULL' : 'VACUUM')} ${sql.table(t)}`.execute(db);
  }
  return { action: pgVacuum === 'full' ? 'vacuum-full' : 'vacuum' };
}
