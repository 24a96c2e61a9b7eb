/**
 * Why this migration exists: provider quotas are per Google user and per Google project, not per process,
 * so several `sigmine worker` processes on PostgreSQL pace their calls from one token bucket per key, a row
 * here updated atomically (src/quota/shared-bucket.ts). SQLite runs one process and keeps its in-process
 * limiter; the table exists there too, unused, so both dialects have the same schema.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quota_buckets')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey()) // e.g. google:user:ann@acme.example
    .addColumn('tokens', 'double precision', (c) => c.notNull()) // may go negative: reserved ahead, waited off
    .addColumn('updated_ms', 'bigint', (c) => c.notNull()) // database clock, epoch milliseconds
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('quota_buckets').execute();
}
