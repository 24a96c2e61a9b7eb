/**
 * A short lease on a notice while one `notices send` run delivers it: of two concurrent runs only the one
 * holding an unexpired claim sends. A run killed mid-send leaves a claim that expires, so the notice is
 * sent again later (at-least-once delivery).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notices').addColumn('claimed_until', 'varchar(32)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notices').dropColumn('claimed_until').execute();
}
