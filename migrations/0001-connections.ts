/**
 * Contributors (community members who connected a source) and their connections.
 * Secrets (refresh tokens, IMAP passwords) are stored only encrypted (AES-256-GCM), in `secret_enc`.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contributors')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('active')) // active | opted-out
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('opted_out_at', 'varchar(32)')
    .execute();
  await db.schema
    .createTable('connections')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('contributor_id', 'varchar(36)', (c) => c.notNull().references('contributors.id'))
    // gmail | outlook | imap | mailbox | google-calendar | google-contacts | outlook-calendar | outlook-contacts
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('account', 'varchar(320)', (c) => c.notNull())
    // Non-secret settings (host, port, tls, path...), JSON text.
    .addColumn('config_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('secret_enc', 'text')
    // active | needs-reconnect | opted-out | disabled
    .addColumn('status', 'varchar(24)', (c) => c.notNull().defaultTo('active'))
    .addColumn('cursor_json', 'text')
    .addColumn('last_harvest_at', 'varchar(32)')
    .addColumn('last_error_code', 'varchar(32)')
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('connections_contributor_idx')
    .on('connections')
    .column('contributor_id')
    .execute();
  await db.schema
    .createIndex('connections_unique_account')
    .on('connections')
    .columns(['contributor_id', 'kind', 'account'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('connections').execute();
  await db.schema.dropTable('contributors').execute();
}
