/**
 * Batching and the dialect check shared by every module that writes SQL (src/db/insert-rows.ts, the
 * store, the quota buckets); src/store/sql-util.ts re-exports them for the store's modules.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

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
