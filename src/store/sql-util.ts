/** Small helpers shared by the store modules: batching and dialect checks. */
import { PostgresAdapter, type Kysely } from 'kysely';

/** Rows per multi-row INSERT: 500 x ~10 columns stays far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const ROWS_PER_INSERT = 500;
/** Values per `IN (...)` list. */
export const IN_LIST = 900;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Chunks of power-of-two sizes (at most `max`, largest first): 300 rows go as 256 + 32 + 8 + 4. A
 * multi-row statement's SQL text depends on its row count, and each text is a prepared statement; with
 * power-of-two sizes a table has about ten shapes, all kept prepared (src/db/database.ts), instead of one
 * per page size, each a large native allocation left for the garbage collector.
 */
export function binaryChunks<T>(items: readonly T[], max: number): T[][] {
  const out: T[][] = [];
  let i = 0;
  while (i < items.length) {
    let size = 1;
    while (size * 2 <= Math.min(max, items.length - i)) size *= 2;
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Earliest / latest of ISO strings (lexicographic order is time order for ISO-8601 UTC). */
export const minIso = (a: string, b: string) => (a < b ? a : b);
export const maxIso = (a: string, b: string) => (a > b ? a : b);
