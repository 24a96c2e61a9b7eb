/**
 * Pending web OAuth flows of the member area (src/web/oauth-flows.ts), shared by every `sigmine serve`
 * process on the database, so that a callback answered once on one process is refused on all of them.
 *
 * Nothing here opens a flow by itself: `state_hash` and `browser_hash` are keyed hashes (HMAC, never the
 * plain state or browser nonce), and the PKCE verifier, the member's address and their sign-in link are
 * only in `flow_enc`, sealed with the secret box (AES-256-GCM). A row is answered once (`used_at`), works
 * for ten minutes (`expires_at`) and is deleted an hour after it expired.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oauth_states')
    .addColumn('state_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('browser_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('provider', 'varchar(16)', (c) => c.notNull()) // google | microsoft
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('flow_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('oauth_states_expires_idx').on('oauth_states').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oauth_states').execute();
}
