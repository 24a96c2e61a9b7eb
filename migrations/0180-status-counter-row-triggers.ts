/**
 * Why this migration exists: on SQLite the `/metrics` counters of migration 0080 are row triggers whose body
 * is the generic form written for PostgreSQL's statement triggers (an `INSERT ... SELECT ... GROUP BY ...
 * HAVING` over a UNION of deltas): for one row, a sorter per firing. A page of 200 new contacts fires the
 * profiles and notices triggers about 550 times (profiles inserted, then listed; notices queued). Those two
 * counters count each row once under its status, so the same change is one upsert per label: 3.4 -> 1.1 us
 * per row (sqlite3, 200,000 inserts into a table with each trigger).
 *
 * Same counts as before: an insert adds 1 under NEW.status, a delete takes 1 from OLD.status, and a status
 * change does both (the trigger fires only when the status changes, so the two labels always differ and the
 * old GROUP BY made the same two rows). The other counters keep 0080's triggers (their deltas can be 0 or
 * fall on one label); PostgreSQL keeps its statement triggers. Frozen: no application code is imported.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

const TABLES = ['profiles', 'notices'] as const;
const UPSERT = 'ON CONFLICT (metric, label, shard) DO UPDATE SET n = metric_counters.n + excluded.n';

/** 1 more (or less) under a row's status; the metric is named as its table. */
const count = (table: string, row: 'NEW' | 'OLD', d: 1 | -1) =>
  `INSERT INTO metric_counters (metric, label, shard, n) VALUES ('${table}', CAST(${row}.status AS text), 0, ${d}) ${UPSERT};`;

/** 0080's generic form, for `down`. */
const generic = (table: string, parts: Array<['NEW' | 'OLD', '' | '-']>) =>
  `INSERT INTO metric_counters (metric, label, shard, n) SELECT metric, label, 0, SUM(d) FROM (${parts
    .map(
      ([row, sign]) =>
        `SELECT '${table}' AS metric, CAST(${row}.status AS text) AS label, ${sign}CAST(1 AS bigint) AS d`,
    )
    .join(' UNION ALL ')}) AS x WHERE true GROUP BY metric, label HAVING SUM(d) <> 0 ${UPSERT};`;

async function replace(
  db: Kysely<any>,
  body: (table: string, op: 'insert' | 'delete' | 'update') => string,
): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await db.transaction().execute(async (trx) => {
    for (const t of TABLES) {
      for (const op of ['insert', 'delete', 'update'] as const)
        await sql.raw(`DROP TRIGGER IF EXISTS metric_counters_${t}_${op}`).execute(trx);
      await sql
        .raw(`CREATE TRIGGER metric_counters_${t}_insert AFTER INSERT ON ${t} BEGIN ${body(t, 'insert')} END`)
        .execute(trx);
      await sql
        .raw(`CREATE TRIGGER metric_counters_${t}_delete AFTER DELETE ON ${t} BEGIN ${body(t, 'delete')} END`)
        .execute(trx);
      await sql
        .raw(
          `CREATE TRIGGER metric_counters_${t}_update AFTER UPDATE OF status ON ${t} ` +
            `WHEN OLD.status IS NOT NEW.status BEGIN ${body(t, 'update')} END`,
        )
        .execute(trx);
    }
  });
}

export async function up(db: Kysely<any>): Promise<void> {
  await replace(db, (t, op) =>
    op === 'insert'
      ? count(t, 'NEW', 1)
      : op === 'delete'
        ? count(t, 'OLD', -1)
        : `${count(t, 'NEW', 1)} ${count(t, 'OLD', -1)}`,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await replace(db, (t, op) =>
    op === 'insert'
      ? generic(t, [['NEW', '']])
      : op === 'delete'
        ? generic(t, [['OLD', '-']])
        : generic(t, [
            ['NEW', ''],
            ['OLD', '-'],
          ]),
  );
}
