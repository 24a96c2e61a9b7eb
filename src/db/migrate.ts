/**
 * Applies the migrations in migrations/ (files named `NNNN-topic.ts`, applied in name order).
 * Outcomes are returned as data, never thrown (Kysely's Migrator contract).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/**
 * Loads migrations with this module's own `import()`, so that the TypeScript loader in use (tsx for the
 * CLI, Vite in tests) handles the `.ts` files; Kysely's FileMigrationProvider imports from inside
 * node_modules where no loader applies.
 */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}-[\w-]+\.ts$/.test(f))
      .sort();
    for (const f of files) {
      out[f.replace(/\.ts$/, '')] = (await import(pathToFileURL(join(MIGRATIONS_DIR, f)).href)) as Migration;
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

export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<MigrationResultSet> {
  return migrator(db, schema).migrateToLatest();
}
