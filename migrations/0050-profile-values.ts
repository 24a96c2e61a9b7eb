/**
 * `profile_values`: each profile's candidate values aggregated from its observations (src/store/values.ts),
 * so that merging a profile after a page reads its distinct values instead of its whole history. Filled here
 * from the observations already stored.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { candidatesOf, type ObservationRow } from '../src/store/merge.ts';
import { saveCandidates } from '../src/store/values.ts';
import { atomically } from '../src/db/migrate.ts';

const PROFILES_PER_BATCH = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, fill);
}

async function fill(db: Kysely<any>): Promise<void> {
  // On SQLite the rows live in the primary-key b-tree itself (no rowid table beside it): one b-tree to
  // write per value instead of two.
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('profile_values')
    .addColumn('profile_id', 'varchar(36)', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('field', 'varchar(32)', (c) => c.notNull())
    .addColumn('value_norm', 'varchar(320)', (c) => c.notNull())
    .addColumn('raw', 'varchar(320)', (c) => c.notNull())
    .addColumn('sources', 'varchar(64)', (c) => c.notNull())
    .addColumn('contributors', 'integer', (c) => c.notNull())
    .addColumn('first_observed', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_observed', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('profile_values_pk', ['profile_id', 'field', 'value_norm'])
    .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
    .execute();

  // Backfill in batches of profiles (keyset over the profile id), so a large directory is not held in memory.
  let after = '';
  for (;;) {
    const ids = (
      await db.selectFrom('profiles').select('id').where('id', '>', after).orderBy('id').limit(PROFILES_PER_BATCH).execute()
    ).map((r) => r.id as string);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const rows = (await db
      .selectFrom('observations')
      .select(['profile_id', 'field', 'value_norm', 'raw', 'source', 'contributor_id', 'first_observed', 'last_observed'])
      .where('profile_id', 'in', ids)
      .execute()) as Array<ObservationRow & { profile_id: string }>;
    const byProfile = new Map<string, ObservationRow[]>();
    for (const r of rows) {
      const l = byProfile.get(r.profile_id);
      if (l) l.push(r);
      else byProfile.set(r.profile_id, [r]);
    }
    await saveCandidates(db, [...byProfile].map(([id, rs]) => [id, candidatesOf(rs)] as [string, ReturnType<typeof candidatesOf>]));
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('profile_values').execute();
}
