/**
 * Provider-side revocations recorded at opt-out (engineer F, src/connections).
 *
 * One row per connection whose tokens were revoked (or discarded, for providers without a revoke endpoint).
 * The connection's own `secret_enc` is deleted at opt-out whatever happens at the provider. When the
 * provider call fails, the encrypted token is parked in `token_enc` ONLY so that the revoke can be retried
 * (`retryPendingRevocations`); it is cleared on success and after the last attempt, so it never outlives
 * the retry window.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('revocations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('connection_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    // revoked (provider confirmed) | discarded (no revoke endpoint: tokens dropped) | pending (retry) | failed
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error_code', 'varchar(32)')
    .addColumn('token_enc', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revocations_status_idx').on('revocations').column('status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('revocations').execute();
}
