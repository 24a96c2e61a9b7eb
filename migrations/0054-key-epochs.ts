/**
 * Which key a database's sealed and hashed data belong to (issue 9): one row per key epoch, the newest
 * (highest `seq`) being the current key. A row holds a FINGERPRINT of the key (a keyed hash derived from it,
 * src/keys/keyring.ts), never the key. `chain_enc` (sealed with the current key) holds the per-purpose hash
 * keys of earlier epochs, so that hashes re-keyed by `sigmine keys rotate` can still be matched without the
 * retired key itself. Empty until the first command that needs a key records it (migrations know no key).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('key_epochs')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    // keyring: SIGMINE_SECRET_KEY(S) or a key file; demo: ./data/demo-secret.key; database: the dev secret
    // that databases older than this migration kept in `settings` (moved away by the first rotation).
    .addColumn('origin', 'varchar(16)', (c) => c.notNull())
    .addColumn('chain_enc', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('key_epochs').execute();
}
