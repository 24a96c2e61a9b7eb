/**
 * Per-value aggregates become running aggregates (src/store/values.ts `addPageValues`): a page folds its own
 * observations into `profile_values` instead of re-reading every observation of each value it touches.
 *
 * - `profile_value_contributors`: one row per (profile, field, value, contributor), so that a page knows
 *   whether its contributor is new to a value (distinct-contributor counts) from its own rows. Filled here
 *   from the observations.
 * - `profile_values` recomputed from the observations: the raw form kept at equal last-observed dates is now
 *   the first in code-point order (before: whichever row was read first), so that the running aggregate, the
 *   observation rows and a merge of all rows agree whatever order pages arrive in.
 *
 * Frozen: no application code is imported; the aggregation below is a copy of the store's as of this
 * migration (src/store/merge.ts `candidatesOf`, `rawWins`, `compareCodePoints`).
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

const PROFILES_PER_BATCH = 500;
const ROWS_PER_INSERT = 200;

interface Obs {
  profile_id: string;
  field: string;
  value_norm: string;
  raw: string;
  source: string;
  contributor_id: string;
  first_observed: string;
  last_observed: string;
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const k = (c: number) => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
    return k(x) - k(y);
  }
  return a.length - b.length;
}

const rawWins = (last: string, raw: string, keptLast: string, keptRaw: string) =>
  last > keptLast || (last === keptLast && compareCodePoints(raw, keptRaw) < 0);

function valueRows(rows: Obs[]) {
  const byKey = new Map<
    string,
    {
      profile_id: string;
      field: string;
      value_norm: string;
      raw: string;
      sources: Set<string>;
      contributors: Set<string>;
      first: string;
      last: string;
    }
  >();
  for (const r of rows) {
    const k = `${r.profile_id}\u0000${r.field}\u0000${r.value_norm}`;
    let v = byKey.get(k);
    if (!v) {
      v = {
        profile_id: r.profile_id,
        field: r.field,
        value_norm: r.value_norm,
        raw: r.raw,
        sources: new Set(),
        contributors: new Set(),
        first: r.first_observed,
        last: r.last_observed,
      };
      byKey.set(k, v);
    } else {
      if (r.first_observed < v.first) v.first = r.first_observed;
      if (rawWins(r.last_observed, r.raw, v.last, v.raw)) [v.last, v.raw] = [r.last_observed, r.raw];
    }
    v.sources.add(r.source);
    v.contributors.add(r.contributor_id);
  }
  return [...byKey.values()].map((v) => ({
    profile_id: v.profile_id,
    field: v.field,
    value_norm: v.value_norm,
    raw: v.raw,
    sources: [...v.sources].sort().join(','),
    contributors: v.contributors.size,
    first_observed: v.first,
    last_observed: v.last,
  }));
}

/** One transaction on SQLite too (Kysely's migrator wraps only PostgreSQL migrations): a kill leaves no half. */
function atomically(db: Kysely<any>, fn: (db: Kysely<any>) => Promise<void>): Promise<void> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? db.transaction().execute(fn) : fn(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (db) => {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema
      .createTable('profile_value_contributors')
      .addColumn('profile_id', 'varchar(36)', (c) =>
        c.notNull().references('profiles.id').onDelete('cascade'),
      )
      .addColumn('field', 'varchar(32)', (c) => c.notNull())
      .addColumn('value_norm', 'varchar(320)', (c) => c.notNull())
      .addColumn('contributor_id', 'varchar(36)', (c) => c.notNull())
      .addPrimaryKeyConstraint('profile_value_contributors_pk', [
        'profile_id',
        'field',
        'value_norm',
        'contributor_id',
      ])
      .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
      .execute();
    await sql`insert into profile_value_contributors (profile_id, field, value_norm, contributor_id)
      select distinct profile_id, field, value_norm, contributor_id from observations`.execute(db);
    await refill(db);
  });
}

/** profile_values recomputed in batches of profiles (keyset over the id): a large directory is never held. */
async function refill(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const ids = (
      await db
        .selectFrom('profiles')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(PROFILES_PER_BATCH)
        .execute()
    ).map((r) => r.id as string);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const rows = (await db
      .selectFrom('observations')
      .select([
        'profile_id',
        'field',
        'value_norm',
        'raw',
        'source',
        'contributor_id',
        'first_observed',
        'last_observed',
      ])
      .where('profile_id', 'in', ids)
      .execute()) as Obs[];
    await db.deleteFrom('profile_values').where('profile_id', 'in', ids).execute();
    const values = valueRows(rows);
    for (let i = 0; i < values.length; i += ROWS_PER_INSERT)
      await db
        .insertInto('profile_values')
        .values(values.slice(i, i + ROWS_PER_INSERT))
        .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('profile_value_contributors').execute();
}
