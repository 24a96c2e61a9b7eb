/**
 * Runs a store benchmark on a throw-away SQLite file and a throw-away PostgreSQL schema, cleaning both up
 * whatever happens; `only` ('sqlite' | 'postgres' | '') narrows it. PostgreSQL that cannot be reached is
 * said and skipped. Shared by bench/store.ts and bench/growth.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';

/** The PostgreSQL server benches use: SIGMINE_BENCH_PG_URL, else the tests' server. */
export const BENCH_PG_URL =
  process.env.SIGMINE_BENCH_PG_URL ??
  process.env.SIGMINE_TEST_PG_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

export async function onEachDialect(
  prefix: string,
  only: string,
  run: (dialect: 'sqlite' | 'postgres', d: Database) => Promise<void>,
): Promise<void> {
  if (only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), `sigmine-${prefix}-`));
    const d = await openDatabase(join(dir, `${prefix}.db`));
    try {
      await run('sqlite', d);
    } finally {
      await d.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only !== 'sqlite') {
    const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
    let d: Database | null = null;
    try {
      d = await openDatabase(BENCH_PG_URL, { pgSchema: schema, poolSize: 2 });
    } catch (err) {
      console.log(`postgres  skipped: could not open ${BENCH_PG_URL} (${(err as Error).message})`);
    }
    if (d) {
      try {
        await run('postgres', d);
      } finally {
        await d.close();
        const c = new pg.Client({ connectionString: BENCH_PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.end();
      }
    }
  }
}
