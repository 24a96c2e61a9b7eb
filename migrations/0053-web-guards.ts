/**
 * What the web app must remember across restarts and processes (src/web/tables.ts owns the types):
 *
 * - `web_rate_slots`: sliding-hour rate limits for link mails. A bucket (keyed hash of an address or a
 *   client address, never the plain value) has a fixed number of slots; a slot is taken by one conditional
 *   INSERT or UPDATE (free, or last taken over an hour ago) and the database lets exactly one writer take
 *   it, so N processes together never send more than the limit.
 * - `web_link_uses`: ids of link tokens already exchanged: a token works once, on any process. Kept until
 *   the token would have expired anyway.
 * - `web_sessions`: what a link token was exchanged for. `id_hash` is a keyed hash of the session cookie
 *   (a database reader cannot take over a session), `subject_enc` the address sealed with AES-256-GCM, and
 *   `subject_hash` a keyed hash of it so that all sessions of a person can be revoked at once.
 *
 * Frozen: no application code is imported here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('web_rate_slots')
    .addColumn('bucket', 'varchar(80)', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('web_rate_slots_pk', ['bucket', 'slot'])
    .execute();
  await db.schema.createIndex('web_rate_slots_taken_idx').on('web_rate_slots').column('taken_at').execute();

  await db.schema
    .createTable('web_link_uses')
    .addColumn('token_id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('scope', 'varchar(16)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('web_link_uses_expires_idx').on('web_link_uses').column('expires_at').execute();

  await db.schema
    .createTable('web_sessions')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('scope', 'varchar(16)', (c) => c.notNull())
    .addColumn('subject_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('web_sessions_subject_idx').on('web_sessions').column('subject_hash').execute();
  await db.schema.createIndex('web_sessions_expires_idx').on('web_sessions').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('web_sessions').execute();
  await db.schema.dropTable('web_link_uses').execute();
  await db.schema.dropTable('web_rate_slots').execute();
}
