/**
 * Harvest bookkeeping (owned by src/harvest): one row per run, one outcome per connection and run, and a
 * per-connection lease so that two harvests (two CLI runs, a schedule and a manual run, two workers) never
 * work on the same connection at once. The lease expires, so a process killed with -9 blocks nothing for
 * longer than its TTL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('harvest_runs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    // cli | schedule | worker | demo
    .addColumn('trigger', 'varchar(16)', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    // Counters only (never addresses, subjects or bodies).
    .addColumn('summary_json', 'text')
    .execute();
  await db.schema
    .createTable('harvest_outcomes')
    .addColumn('run_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('connection_id', 'varchar(36)', (c) => c.notNull())
    // ok | error | skipped
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('code', 'varchar(32)')
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('harvest_outcomes_pk', ['run_id', 'connection_id'])
    .execute();
  await db.schema
    .createIndex('harvest_outcomes_connection_idx')
    .on('harvest_outcomes')
    .column('connection_id')
    .execute();
  await db.schema
    .createTable('harvest_leases')
    .addColumn('connection_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('holder', 'varchar(80)', (c) => c.notNull())
    .addColumn('acquired_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('harvest_leases').execute();
  await db.schema.dropTable('harvest_outcomes').execute();
  await db.schema.dropTable('harvest_runs').execute();
}
