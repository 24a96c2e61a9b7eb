/**
 * The directory store: profiles (merged view per business email), pinned corrections, observations
 * (aggregated per contact/field/value/connection/source, with first and last observed dates), job history,
 * companies (by registrable domain), processed messages (keyed hash of the Message-ID per connection) and the
 * append-only credits ledger. No message body, raw signature text, subject or plain Message-ID is stored.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // In the order written on the day: each step creates its tables and their indexes.
  await createProfiles(db);
  await createObservations(db);
  await createCompaniesAndLedger(db);
}

/** Profiles (the merged view per business e-mail) and pinned corrections. */
async function createProfiles(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('profiles')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
    .addColumn('domain', 'varchar(253)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('pending')) // pending | listed | restricted
    .addColumn('name', 'text')
    .addColumn('title', 'text')
    .addColumn('department', 'text')
    .addColumn('company', 'text')
    .addColumn('address', 'text')
    .addColumn('phones_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('emails_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('websites_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('social_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('first_seen', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen', 'varchar(32)', (c) => c.notNull())
    .addColumn('listed_at', 'varchar(32)')
    .addColumn('restricted_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('profiles_domain_idx').on('profiles').column('domain').execute();
  await db.schema.createIndex('profiles_status_idx').on('profiles').column('status').execute();

  await db.schema
    .createTable('profile_pins')
    .addColumn('profile_id', 'varchar(36)', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('field', 'varchar(32)', (c) => c.notNull())
    // JSON: a string for single-valued fields, an array of strings for list fields; null = "no value".
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'varchar(64)', (c) => c.notNull())
    .addColumn('pinned_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('profile_pins_pk', ['profile_id', 'field'])
    .execute();
}

/** Observations (per contact, field, value, connection and source) and the job history. */
async function createObservations(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('observations')
    .addColumn('profile_id', 'varchar(36)', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('field', 'varchar(32)', (c) => c.notNull())
    .addColumn('value_norm', 'varchar(320)', (c) => c.notNull())
    .addColumn('raw', 'varchar(320)', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull()) // signature | header | calendar | address-book
    // Internal only: never selected by a directory query, export or privacy answer.
    .addColumn('connection_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('contributor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('first_observed', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_observed', 'varchar(32)', (c) => c.notNull())
    .addColumn('stored_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('observations_pk', [
      'profile_id',
      'field',
      'value_norm',
      'connection_id',
      'source',
    ])
    .execute();
  await db.schema
    .createIndex('observations_connection_idx')
    .on('observations')
    .column('connection_id')
    .execute();

  await db.schema
    .createTable('job_history')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('profile_id', 'varchar(36)', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('old_title', 'text')
    .addColumn('old_company', 'text')
    .addColumn('new_title', 'text')
    .addColumn('new_company', 'text')
    .addColumn('changed_at', 'varchar(32)', (c) => c.notNull()) // observed date of the new signature
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_history_profile_idx').on('job_history').column('profile_id').execute();
}

/** Companies by domain, processed messages (keyed hashes) and the append-only credits ledger. */
async function createCompaniesAndLedger(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('companies')
    .addColumn('domain', 'varchar(253)', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('website', 'text')
    .addColumn('address', 'text')
    .addColumn('contacts_count', 'integer', (c) => c.notNull().defaultTo(0)) // listed profiles
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('processed_messages')
    .addColumn('connection_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('message_hash', 'varchar(64)', (c) => c.notNull()) // HMAC-SHA256 hex, never the Message-ID
    .addColumn('processed_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('processed_messages_pk', ['connection_id', 'message_hash'])
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('contributor_id', 'varchar(36)', (c) => c.notNull())
    // connection-bonus | contact-listed | field-confirmed | opt-out-forfeit | spend
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('connection_id', 'varchar(36)')
    .addColumn('profile_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_contributor_idx')
    .on('ledger_entries')
    .column('contributor_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'ledger_entries',
    'processed_messages',
    'companies',
    'job_history',
    'observations',
    'profile_pins',
    'profiles',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
