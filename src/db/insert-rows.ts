/**
 * Multi-row INSERTs for the ingest path, compiled once per shape (table, columns, row count, conflict
 * clause, dialect) and run with their parameters as they are. Rows go in power-of-two batches (binaryChunks),
 * so a table has few shapes and their prepared statements are reused. Kysely's `insertInto().values(rows)` turns
 * every cell into an operation node and compiles the whole tree again for every page; for a page of a
 * thousand observations that was about a tenth of the ingest CPU. Same SQL, same transaction: the query
 * goes through the executor of `db` (a Kysely transaction runs it on its connection).
 *
 *   await insertRows(trx, 'observations', rows, { conflict: upsert(['profile_id', ...], { raw: 'excluded."raw"' }) });
 *
 * Every row must have the columns of the first row (missing ones are sent as NULL); values are strings,
 * numbers or null. Table and column names come from code, never from input.
 *
 * PostgreSQL gets all the rows in ONE statement with ONE parameter, the rows as a JSON array, turned into
 * rows of the table's own type by `json_populate_recordset` (each field through its column's input
 * function, as a bound parameter would be). The server is another process: a page's 1,000 observations
 * in 256-row VALUES statements were 7 round trips for one table, and each statement's text had thousands
 * of placeholders for the server to parse and plan; now a table costs a page one round trip and a
 * statement text that never changes (docs/harvest.md has the figures).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { binaryChunks, isPostgres } from './sql-batch.ts';

/** Parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 256;
const texts = new Map<string, string>();

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`insertRows: bad identifier ${name}`);
  return `"${name}"`;
};

/** `on conflict (cols) do nothing` / `do update set ...` (set values are SQL, e.g. `excluded."raw"`). */
export function onConflict(columns: string[], set?: Record<string, string>): string {
  const target = `on conflict (${columns.map(ident).join(', ')})`;
  if (!set) return `${target} do nothing`;
  return `${target} do update set ${Object.entries(set)
    .map(([c, v]) => `${ident(c)} = ${v}`)
    .join(', ')}`;
}

/** `excluded."c"` for each column: the usual "take the new values" update. */
export function takeExcluded(columns: string[]): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c, `excluded.${ident(c)}`]));
}

function text(
  pg: boolean,
  table: string,
  columns: string[],
  n: number,
  conflict: string,
  returning: string[],
): string {
  const key = `${pg ? 'p' : 's'}|${table}|${columns.join(',')}|${n}|${conflict}|${returning.join(',')}`;
  let t = texts.get(key);
  if (t === undefined) {
    let p = 0;
    const row = () => `(${columns.map(() => (pg ? `$${++p}` : '?')).join(', ')})`;
    const rows = Array.from({ length: n }, row).join(', ');
    t = `insert into ${ident(table)} (${columns.map(ident).join(', ')}) values ${rows}`;
    if (conflict) t += ` ${conflict}`;
    if (returning.length) t += ` returning ${returning.map(ident).join(', ')}`;
    if (texts.size > 500) texts.clear();
    texts.set(key, t);
  }
  return t;
}

/**
 * `insert ... select <columns> from json_populate_recordset(null::table, $1)`: the parameter is the rows as
 * a JSON array of objects; the table's row type gives every column its type, a missing key is NULL and a
 * key that is not one of `columns` is not read.
 */
function jsonText(table: string, columns: string[], conflict: string, returning: string[]): string {
  const key = `j|${table}|${columns.join(',')}|${conflict}|${returning.join(',')}`;
  let t = texts.get(key);
  if (t === undefined) {
    const cols = columns.map(ident).join(', ');
    t = `insert into ${ident(table)} (${cols}) select ${cols} from json_populate_recordset(null::${ident(table)}, $1::json)`;
    if (conflict) t += ` ${conflict}`;
    if (returning.length) t += ` returning ${returning.map(ident).join(', ')}`;
    if (texts.size > 500) texts.clear();
    texts.set(key, t);
  }
  return t;
}

export async function insertRows<R extends object>(
  db: Kysely<any>,
  table: string,
  rows: readonly R[],
  opts: { conflict?: string; returning?: string[] } = {},
): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  if (rows.length === 0) return out;
  const columns = Object.keys(rows[0]!);
  const pg = isPostgres(db);
  if (pg) {
    const q = CompiledQuery.raw(jsonText(table, columns, opts.conflict ?? '', opts.returning ?? []), [
      JSON.stringify(rows),
    ]);
    return (await db.executeQuery(q)).rows as Array<Record<string, unknown>>;
  }
  const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  for (const part of binaryChunks(rows, per)) {
    const params: unknown[] = [];
    for (const r of part) for (const c of columns) params.push((r as Record<string, unknown>)[c] ?? null);
    const q = CompiledQuery.raw(
      text(pg, table, columns, part.length, opts.conflict ?? '', opts.returning ?? []),
      params,
    );
    const res = await db.executeQuery(q);
    out.push(...(res.rows as Array<Record<string, unknown>>));
  }
  return out;
}
