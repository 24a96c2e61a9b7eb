/**
 * The same store tests on every dialect: SQLite (a temp file) and PostgreSQL (its own schema per suite).
 * PostgreSQL comes from SIGMINE_TEST_PG_URL (default the local server on 127.0.0.1:5432, database test).
 * When it cannot be reached:
 *   - SIGMINE_REQUIRE_PG=1 (CI): a failure;
 *   - otherwise the PostgreSQL suites run on PGlite (PostgreSQL in WebAssembly, in process, one instance
 *     per test process, one schema per fresh database; src/db/pglite-dialect.ts), printing so LOUDLY;
 *   - if PGlite cannot load either, the PostgreSQL suites are skipped LOUDLY.
 * SIGMINE_TEST_PGLITE=1 forces PGlite even when a server is reachable. `TestDatabase.backend` says which
 * runs: a PGlite database lives in this process only (`url` cannot be handed to a CLI subprocess).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Kysely } from 'kysely';
import { openDatabase, type Database, type DialectName } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { PGliteDialect, type PGliteLike } from '../../src/db/pglite-dialect.ts';
import type { DB } from '../../src/db/schema.ts';

export const PG_URL = process.env.SIGMINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type PostgresBackend = 'server' | 'pglite' | 'none';

let pgBackend: Promise<PostgresBackend> | null = null;
let pglite: Promise<PGliteLike> | null = null;

/** Which PostgreSQL the suites run on (decided once per test process). */
export function postgresBackend(): Promise<PostgresBackend> {
  pgBackend ??= (async () => {
    if (process.env.SIGMINE_TEST_PGLITE === '1') return (await loadPGlite()) ? 'pglite' : 'none';
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query('select 1');
      return 'server';
    } catch (err) {
      if (process.env.SIGMINE_REQUIRE_PG === '1') {
        throw new Error(
          `PostgreSQL is required (SIGMINE_REQUIRE_PG=1) but ${PG_URL} failed: ${(err as Error).message}`,
        );
      }
      const ok = await loadPGlite();
      process.stderr.write(
        ok
          ? `\n*** PostgreSQL at ${PG_URL} is not reachable: PostgreSQL suites run on PGlite (in-process). ` +
              `Set SIGMINE_TEST_PG_URL to use a server. ***\n\n`
          : `\n*** PostgreSQL at ${PG_URL} is not reachable and PGlite did not load: PostgreSQL suites are SKIPPED. ` +
              `Set SIGMINE_TEST_PG_URL to run them. ***\n\n`,
      );
      return ok ? 'pglite' : 'none';
    } finally {
      await c.end().catch(() => {});
    }
  })();
  return pgBackend;
}

export async function postgresAvailable(): Promise<boolean> {
  return (await postgresBackend()) !== 'none';
}

/**
 * Suites that need a real PostgreSQL server (pg-boss queues, several connections, server files) and cannot
 * run on PGlite: true only with a server; otherwise they are skipped, and said so loudly.
 */
export async function postgresServerAvailable(suite: string): Promise<boolean> {
  const backend = await postgresBackend();
  if (backend === 'server') return true;
  process.stderr.write(
    `\n*** ${suite}: SKIPPED, it needs a PostgreSQL server (${PG_URL} is not reachable; PGlite cannot serve it). ***\n\n`,
  );
  return false;
}

/**
 * Runs `fn` with the URL of a new, empty database on the PostgreSQL server (not a schema: for suites whose
 * processes connect on their own, or that end connections), dropped afterwards whatever happens. `admin`
 * is a connection to the server's default database.
 */
export async function withScratchDatabase<T>(
  prefix: string,
  fn: (url: string, admin: pg.Client) => Promise<T>,
): Promise<T> {
  const name = `${prefix}_${process.pid}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    return await fn(PG_URL.replace(/\/[^/?]*$/, `/${name}`), admin);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function loadPGlite(): Promise<boolean> {
  pglite ??= (async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    process.stderr.write('*** starting PGlite (PostgreSQL in WebAssembly) for the PostgreSQL suites ***\n');
    // BIGINT counts as numbers, as the pg setup in src/db/database.ts does.
    const p = await PGlite.create({ parsers: { 20: (v: string) => Number(v) } });
    await p.query('select 1');
    return p as unknown as PGliteLike;
  })();
  try {
    await pglite;
    return true;
  } catch (err) {
    process.stderr.write(`*** PGlite failed to load: ${(err as Error).message} ***\n`);
    return false;
  }
}

export interface TestDatabase extends Database {
  /** Where it runs; `pglite` databases exist only inside this process. */
  backend: 'sqlite' | 'server' | 'pglite';
  url: string;
  pgSchema?: string;
  /** Closes and removes everything this test database created. */
  dispose(): Promise<void>;
}

/** Opens a fresh, migrated database of the given dialect. */
export async function freshDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-test-'));
    const url = join(dir, 'test.db');
    const d = await openDatabase(url);
    return {
      ...d,
      backend: 'sqlite',
      url,
      async dispose() {
        await d.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const pgSchema = `t_${randomBytes(6).toString('hex')}`;
  if ((await postgresBackend()) === 'pglite') return freshPGlite(pgSchema);
  const d = await openDatabase(PG_URL, { pgSchema, poolSize: 4 });
  return {
    ...d,
    backend: 'server',
    url: PG_URL,
    pgSchema,
    async dispose() {
      await d.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
      await c.end();
    },
  };
}

async function freshPGlite(pgSchema: string): Promise<TestDatabase> {
  const p = await pglite!;
  await p.query(`CREATE SCHEMA "${pgSchema}"`);
  const db = new Kysely<DB>({
    dialect: new PGliteDialect({ pglite: p, closeOnDestroy: false, searchPath: pgSchema }),
  });
  const outcome = await migrateToLatest(db, pgSchema);
  if (outcome.error) {
    await db.destroy();
    throw outcome.error;
  }
  return {
    db,
    dialect: 'postgres',
    backend: 'pglite',
    url: `pglite:${pgSchema}`,
    pgSchema,
    close: () => db.destroy(),
    async dispose() {
      await db.destroy();
      await p.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
    },
  };
}

/** Dialects to loop a suite over: `for (const dialect of DIALECTS) describe.skipIf(...)`. */
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];
