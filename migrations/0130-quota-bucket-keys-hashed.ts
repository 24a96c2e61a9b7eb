/**
 * Why this migration exists: `quota_buckets` rows were keyed by readable names such as
 * `google:user:ann@acme.example`, so a member's address stayed in the table after they opted out. From now
 * on src/quota/shared-bucket.ts keys rows by `sha256:<hex>` of the name; the old rows are dropped (a bucket is
 * a few seconds of rate state: dropping one only refills it, as after a restart).
 * Frozen: no application imports.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('quota_buckets').where('key', 'not like', 'sha256:%').execute();
}

export async function down(): Promise<void> {
  // Nothing to restore: the dropped rows were transient rate state.
}
