/**
 * Privacy state: publication gates with their jurisdiction decisions, the notices outbox, the suppression
 * list (keyed hashes only) and the privacy-requests log (keyed hashes only). Owner: src/privacy.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // In the order written on the day: each step creates its tables and their indexes.
  await createGatesAndDecisions(db);
  await createNotices(db);
  await createSuppressionsAndRequests(db);
}

/** Publication gates and jurisdiction decisions. */
async function createGatesAndDecisions(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_gates')
    .addColumn('profile_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('subject_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull()) // pending | listed | restricted
    .addColumn('hold', 'integer', (c) => c.notNull())
    .addColumn('codes_json', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'varchar(32)', (c) => c.notNull())
    .addColumn('window_ends_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('listed_at', 'varchar(32)')
    .addColumn('restricted_at', 'varchar(32)')
    .addColumn('restricted_from', 'varchar(16)')
    .execute();
  await db.schema
    .createIndex('privacy_gates_subject_idx')
    .on('privacy_gates')
    .column('subject_hash')
    .execute();
  await db.schema.createIndex('privacy_gates_state_idx').on('privacy_gates').column('state').execute();

  await db.schema
    .createTable('jurisdiction_decisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('profile_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('codes_json', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(32)', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'varchar(32)', (c) => c.notNull())
    .addColumn('hold', 'integer', (c) => c.notNull())
    .addColumn('decided_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('jurisdiction_decisions_profile_idx')
    .on('jurisdiction_decisions')
    .column('profile_id')
    .execute();
}

/** The notices outbox. */
async function createNotices(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('profile_id', 'varchar(64)')
    .addColumn('recipient', 'varchar(320)')
    .addColumn('recipient_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('template_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('codes_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull()) // queued | sent | bounced | failed
    .addColumn('queued_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .addColumn('transport', 'varchar(32)')
    .addColumn('provider_message_id', 'varchar(255)')
    .addColumn('bounced_at', 'varchar(32)')
    .addColumn('failure_code', 'varchar(64)')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('notices_profile_idx').on('notices').column('profile_id').execute();
  await db.schema.createIndex('notices_status_idx').on('notices').column('status').execute();
  await db.schema.createIndex('notices_provider_idx').on('notices').column('provider_message_id').execute();
  await db.schema.createIndex('notices_recipient_hash_idx').on('notices').column('recipient_hash').execute();
}

/** The suppression list and the log of privacy requests. */
async function createSuppressionsAndRequests(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suppressions')
    .addColumn('subject_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('scope', 'varchar(16)', (c) => c.notNull().defaultTo('email'))
    .addColumn('reason', 'varchar(24)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('blocked_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_blocked_at', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('privacy_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('subject_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('regime', 'varchar(16)', (c) => c.notNull())
    .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('due_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('completed_at', 'varchar(32)')
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('outcome_json', 'text')
    .execute();
  await db.schema
    .createIndex('privacy_requests_subject_idx')
    .on('privacy_requests')
    .column('subject_hash')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'privacy_requests',
    'suppressions',
    'notices',
    'jurisdiction_decisions',
    'privacy_gates',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
