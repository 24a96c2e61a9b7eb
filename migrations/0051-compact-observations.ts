/**
 * Fewer b-trees to write per observation:
 * - `observations_connection_idx` goes (no query reads observations by connection; a page writes one
 *   entry per observation into it);
 * - on SQLite, `observations` and `processed_messages` become WITHOUT ROWID tables: their rows live in the
 *   primary-key b-tree instead of a rowid table plus a primary-key index beside it. SQLite cannot change
 *   this in place, so each table is rebuilt (same columns and constraints, rows copied) in one transaction.
 * Measured by bench:store: about 12% more observations per second for new contacts on SQLite.
 * Frozen: no application code is imported.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

/** One transaction on SQLite too (Kysely's migrator wraps only PostgreSQL migrations): a kill leaves no half. */
function atomically(db: Kysely<any>, fn: (db: Kysely<any>) => Promise<void>): Promise<void> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? db.transaction().execute(fn) : fn(db);
}

async function withoutRowid(db: Kysely<any>, table: string): Promise<void> {
  const row = (
    await sql<{
      sql: string;
    }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db)
  ).rows[0];
  if (!row) throw new Error(`0051: table ${table} not found`);
  if (/without\s+rowid\s*$/i.test(row.sql)) return;
  const ddl = row.sql.replace(/^CREATE TABLE\s+("?)[A-Za-z_]+\1/i, `CREATE TABLE "${table}_rebuilt"`);
  if (ddl === row.sql) throw new Error(`0051: unexpected definition of ${table}`);
  await sql.raw(`${ddl} WITHOUT ROWID`).execute(db);
  await sql.raw(`INSERT INTO "${table}_rebuilt" SELECT * FROM "${table}"`).execute(db);
  await sql.raw(`DROP TABLE "${table}"`).execute(db);
  await sql.raw(`ALTER TABLE "${table}_rebuilt" RENAME TO "${table}"`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (db) => {
    await db.schema.dropIndex('observations_connection_idx').ifExists().execute();
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
    await withoutRowid(db, 'observations');
    await withoutRowid(db, 'processed_messages');
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  // The WITHOUT ROWID form is kept (equivalent for every query); the index comes back.
  await db.schema
    .createIndex('observations_connection_idx')
    .on('observations')
    .column('connection_id')
    .execute();
}
