/**
 * Why this migration exists: providers cap concurrent work per mailbox (Microsoft Graph: 4 requests in flight
 * per app per mailbox; IMAP servers: a few sessions per user), whatever the number of processes calling. With
 * several `sigmine worker` processes on PostgreSQL, a request or session first takes one of the `limit` slots
 * of its mailbox here (src/quota/shared-slots.ts): one row per slot, taken and given back by single atomic
 * statements, with an expiry so that a crashed process frees its slot by itself. SQLite runs one process
 * and caps in memory; the table exists there too, unused, so both dialects have the same schema.
 * Frozen: no application imports.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('concurrency_slots')
    .addColumn('key', 'varchar(300)', (c) => c.notNull()) // sha256:<hex> of e.g. graph:mailbox:ann@acme.example
    .addColumn('slot', 'integer', (c) => c.notNull()) // 0 .. limit-1
    .addColumn('holder', 'varchar(64)') // null: free
    .addColumn('expires_ms', 'bigint', (c) => c.notNull()) // database clock, epoch ms; past: free
    .addPrimaryKeyConstraint('concurrency_slots_pk', ['key', 'slot'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('concurrency_slots').execute();
}
