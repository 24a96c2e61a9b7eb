/**
 * The same store tests on every dialect: SQLite (a temp file) and PostgreSQL (its own schema per suite).
 * PostgreSQL comes from SIGMINE_TEST_PG_URL (default the local server on 127.0.0.1:5432, database test).
 * When it cannot be reached the PostgreSQL suites are skipped LOUDLY, unless SIGMINE_REQUIRE_PG=1 (CI),
 * which turns that into a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../../src/db/database.ts';

export const PG_URL = process.env.SIGMINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgAvailable: Promise<boolean> | null = null;

export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query('select 1');
      return true;
    } catch (err) {
      if (process.env.SIGMINE_REQUIRE_PG === '1') {
        throw new Error(`PostgreSQL is required (SIGMINE_REQUIRE_PG=1) but ${PG_URL} failed: ${(err as Error).message}`);
      }
      process.stderr.write(
        `\n*** PostgreSQL at ${PG_URL} is not reachable: PostgreSQL suites are SKIPPED. ` +
          `Set SIGMINE_TEST_PG_URL to run them. ***\n\n`,
      );
      return false;
    } finally {
      await c.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

export interface TestDatabase extends Database {
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
      url,
      async dispose() {
        await d.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const pgSchema = `t_${randomBytes(6).toString('hex')}`;
  const d = await openDatabase(PG_URL, { pgSchema, poolSize: 4 });
  return {
    ...d,
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

/** Dialects to loop a suite over: `for (const dialect of DIALECTS) describe.skipIf(...)`. */
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];
