/**
 * Why this migration exists: GDPR Art. 19. When a person rectifies or erases their data, each member who
 * revealed them in the directory is told, by a mail of its own (no member learns of another). One row per
 * member and event, queued inside the rectification's or erasure's transaction and sent by `sigmine notices
 * send` (src/notices/recipient-notices.ts). The person's name and address stay only until the mail is sent.
 * Frozen: no application imports.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recipient_notices')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('contributor_id', 'varchar(64)', (c) => c.notNull()) // the member told
    .addColumn('kind', 'varchar(16)', (c) => c.notNull()) // rectified | erased
    .addColumn('contact_name', 'varchar(300)') // null once sent
    .addColumn('contact_email', 'varchar(320)') // null once sent
    .addColumn('fields_json', 'text', (c) => c.notNull()) // corrected fields (rectified), [] for erased
    .addColumn('status', 'varchar(16)', (c) => c.notNull()) // queued | sent | bounced | failed
    .addColumn('queued_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_until', 'varchar(32)')
    .addColumn('transport', 'varchar(16)')
    .addColumn('provider_message_id', 'varchar(300)')
    .addColumn('failure_code', 'varchar(64)')
    .execute();
  await db.schema
    .createIndex('recipient_notices_status_idx')
    .on('recipient_notices')
    .columns(['status', 'queued_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recipient_notices').execute();
}
