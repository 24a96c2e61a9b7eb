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
 * PostgreSQL gets all the rows in ONE statement: one array parameter per column, typed as its column
 * (`unnest($1::character varying(36)[], ...)`, types read once per table), and a column holding the same
 * value on every row (a page's connection, contributor, time) as one scalar. The server is another process:
 * a page's 1,000 observations in 256-row VALUES statements were 7 round trips for one table, and each
 * statement's text had thousands of placeholders for the server to parse and plan; then one JSON parameter
 * per table (`json_populate_recordset`), which repeated every column name on every row; now only the values
 * cross the socket (docs/harvest.md has the figures).
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

/** Column types per table (`format_type`, e.g. `character varying(36)`), read once per process. */
const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(db: Kysely<any>, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (types === undefined) {
    const { rows } = await db.executeQuery<{ name: string; type: string }>(
      CompiledQuery.raw(
        `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a ` +
          `where a.attrelid = to_regclass($1) and a.attnum > 0 and not a.attisdropped`,
        [ident(table)],
      ),
    );
    if (rows.length === 0) throw new Error(`insertRows: no table ${table}`);
    types = new Map(rows.map((r) => [r.name, r.type]));
    columnTypes.set(table, types);
  }
  return types;
}

/**
 * `insert ... select ... from unnest($1::type[], ...)`: one array parameter per column, each typed as its
 * column; a column with one value on every row is one scalar parameter instead. Only the values cross the
 * socket: as JSON objects every row repeated every column name, and a page's 1,000 observations repeated
 * its connection, contributor and time 1,000 times (about 2.5x the bytes, and the loopback write was the
 * largest single cost of the writer process; docs/harvest.md).
 */
function unnestText(
  table: string,
  columns: string[],
  types: Map<string, string>,
  constant: boolean[],
  conflict: string,
  returning: string[],
): string {
  const key = `u|${table}|${columns.join(',')}|${constant.map(Number).join('')}|${conflict}|${returning.join(',')}`;
  let t = texts.get(key);
  if (t === undefined) {
    const type = (c: string) => {
      const ty = types.get(c);
      if (ty === undefined) throw new Error(`insertRows: no column ${table}.${c}`);
      return ty;
    };
    const arrays: string[] = [];
    const aliases: string[] = [];
    const select = columns.map((c, i) => {
      if (constant[i]) return `$${i + 1}::${type(c)}`;
      arrays.push(`$${i + 1}::${type(c)}[]`);
      aliases.push(ident(c));
      return `u.${ident(c)}`;
    });
    const from = arrays.length ? ` from unnest(${arrays.join(', ')}) as u(${aliases.join(', ')})` : '';
    t = `insert into ${ident(table)} (${columns.map(ident).join(', ')}) select ${select.join(', ')}${from}`;
    if (conflict) t += ` ${conflict}`;
    if (returning.length) t += ` returning ${returning.map(ident).join(', ')}`;
    if (texts.size > 500) texts.clear();
    texts.set(key, t);
  }
  return t;
}

/**
 * The array literal node-pg would send for these cells (`{"a","b\\"c",NULL}`: every element quoted, `\` and `"`
 * escaped), built in one pass: its own way (two regex replaces and a type dispatch per element) was about
 * 4% of the writer's CPU on a new-contact page (cpu profile); this takes 40% less time. Null when a cell
 * is not a string, number or null (then node-pg serialises the array itself).
 */
function arrayLiteral(cells: readonly unknown[]): string | null {
  let s = '{';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) s += ',';
    const v = cells[i];
    if (v === null || v === undefined) s += 'NULL';
    else if (typeof v === 'string') s += NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPED, '\\$&')}"` : `"${v}"`;
    else if (typeof v === 'number') s += `"${String(v)}"`;
    else return null;
  }
  return s + '}';
}
const NEEDS_ESCAPE = /[\\"]/;
const ESCAPED = /[\\"]/g;

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
    const types = await typesOf(db, table);
    const cell = (r: R, c: string) => (r as Record<string, unknown>)[c] ?? null;
    const first = rows[0]!;
    const constant = columns.map((c) => rows.length > 1 && rows.every((r) => cell(r, c) === cell(first, c)));
    // One column at least goes as an array: it is what makes the statement insert every row (identical rows
    // are rows too).
    constant[0] = false;
    const params = columns.map((c, i) => {
      if (constant[i]) return cell(first, c);
      const cells = rows.map((r) => cell(r, c));
      return arrayLiteral(cells) ?? cells;
    });
    const sqlText = unnestText(table, columns, types, constant, opts.conflict ?? '', opts.returning ?? []);
    return (await db.executeQuery(CompiledQuery.raw(sqlText, params))).rows as Array<Record<string, unknown>>;
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
