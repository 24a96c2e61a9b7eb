/** Small helpers shared by the store modules: batching and dialect checks. */
// Defined beside insertRows in src/db (which needs them), so src/db never imports the store.
export { binaryChunks, isPostgres } from '../db/sql-batch.ts';

/** Rows per multi-row INSERT: 500 x ~10 columns stays far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const ROWS_PER_INSERT = 500;
/** Values per `IN (...)` list. */
export const IN_LIST = 900;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Earliest / latest of ISO strings (lexicographic order is time order for ISO-8601 UTC). */
export const minIso = (a: string, b: string) => (a < b ? a : b);
export const maxIso = (a: string, b: string) => (a > b ? a : b);
