/**
 * Applies the migrations in migrations/ (files named `NNNN-topic.ts`, applied in name order). From the
 * compiled program (dist/src/db/migrate.js) the folder is dist/migrations and the files are `.js`.
 * Outcomes are returned as data, never thrown (Kysely's Migrator contract).
 */
import { readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  Migrator,
  SqliteAdapter,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');
/** `.ts` when this module runs from source (tsx, Vite), `.js` from dist/: migrations are compiled alike. */
const MIGRATION_EXT = extname(fileURLToPath(import.meta.url));
const MIGRATION_FILE = new RegExp(`^\\d{4}-[\\w-]+\\${MIGRATION_EXT}$`);

/**
 * Loads migrations with this module's own `import()`, so that the TypeScript loader in use (tsx for benches and
 * scripts, Vite in tests) handles the `.ts` files; Kysely's FileMigrationProvider imports from inside
 * node_modules where no loader applies.
 */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => MIGRATION_FILE.test(f))
      .sort();
    for (const f of files) {
      out[f.slice(0, -MIGRATION_EXT.length)] = (await import(
        pathToFileURL(join(MIGRATIONS_DIR, f)).href
      )) as Migration;
    }
    return out;
  }
}

/** `schema`: the PostgreSQL schema the tables live in, when not the default (`public`). */
export function migrator(db: Kysely<any>, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: new FolderMigrationProvider(),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Kysely's migrator asks PostgreSQL for every table of EVERY schema (introspection with
 * pg_get_serial_sequence); a schema dropped meanwhile by another process (parallel test suites, each in
 * its own schema) makes that query fail with "schema ... does not exist" (3F000), a catalog cache miss
 * (XX000) or an undefined table or column (42P01, 42703). Migrations run in a transaction on PostgreSQL,
 * so retrying is safe.
 */
const catalogRace = (e: unknown) => {
  const err = e as { code?: string; message?: string } | undefined;
  if (err?.code === '3F000' || (err?.code === 'XX000' && /cache lookup failed/i.test(err.message ?? '')))
    return true;
  // A table or column of another schema dropped while the introspector lists them. A real mistake in a
  // migration fails the same way five times and is reported.
  return err?.code === '42P01' || err?.code === '42703';
};

export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<MigrationResultSet> {
  for (let attempt = 1; ; attempt++) {
    const r = await migrator(db, schema).migrateToLatest();
    if (!r.error || attempt >= 5 || !catalogRace(r.error)) return r;
    await new Promise((res) => setTimeout(res, 50 * attempt));
  }
}

/**
 * Runs a migration's steps in one transaction on SQLite too. Kysely's migrator wraps each migration in a
 * transaction only where it believes DDL is transactional (PostgreSQL); SQLite's DDL is, so a migration
 * killed halfway (create, copy, drop, rename) leaves the database as it was instead of half rebuilt. On
 * PostgreSQL `db` is already the migrator's transaction.
 */
export function atomically<T>(db: Kysely<any>, fn: (db: Kysely<any>) => Promise<T>): Promise<T> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? db.transaction().execute(fn) : fn(db);
}
