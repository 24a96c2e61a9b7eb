/**
 * Opens the database named by configuration: PostgreSQL for a `postgres://` URL, SQLite (better-sqlite3)
 * for `sqlite:PATH` or a plain path. Migrations run on first use. Resources are opened and closed in one
 * scope with `usingDatabase`.
 */
import { AppError } from '../errors.ts';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Dialect } from 'kysely';
import type { DB } from './schema.ts';
import { migrateToLatest } from './migrate.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run pending migrations (default true). */
  migrate?: boolean;
  /** PostgreSQL schema to use (tests give each suite its own). */
  pgSchema?: string;
  /** Max pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * PostgreSQL ended or lost one of the pool's connections (restart, failover, `pg_terminate_backend`,
   * a broken socket), idle or in use: called once per outage, not per connection (default: a process
   * warning). The query in flight on it fails on its own; the next query opens a new connection.
   */
  onConnectionLost?: (err: Error) => void;
  /** The pool opened a connection again after `onConnectionLost`. */
  onConnectionRestored?: () => void;
}

/**
 * `postgres://` / `postgresql://` URLs are PostgreSQL; `sqlite:PATH` and plain paths are SQLite. Any other
 * `scheme://` is refused (`bad-input`): `mysql://...` used to become a SQLite file under a folder `mysql:`.
 */
export function dialectOf(url: string): DialectName {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme && scheme.toLowerCase() !== 'sqlite') {
    throw new AppError(
      'bad-input',
      `SIGMINE_DATABASE: "${scheme}://" is not supported; use postgres://..., sqlite:PATH or a file path`,
    );
  }
  return 'sqlite';
}

export async function openDatabase(url: string, opts: OpenOptions = {}): Promise<Database> {
  const dialectName = dialectOf(url);
  let dialect: Dialect;
  if (dialectName === 'postgres') {
    const pg = (await import('pg')).default;
    // BIGINT counts come back as strings by default; ours stay far below 2^53.
    pg.types.setTypeParser(20, (v: string) => Number(v));
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
    // A connection the server ends (restart, failover, pg_terminate_backend) emits 'error' on its client,
    // and an 'error' event without a listener crashes the process. pg-pool listens only while a client is
    // idle (and re-emits on the pool); a client checked out by Kysely for a transaction has no listener
    // between two queries. So every client gets one for its whole life, and the pool's re-emit one too. The
    // pool drops the broken client and the next query opens a new one; a query in flight gets its own error.
    let lost = false;
    const onLost = (err: Error) => {
      if (lost) return;
      lost = true;
      if (opts.onConnectionLost) opts.onConnectionLost(err);
      else process.emitWarning(`PostgreSQL connection lost: ${err.message}`, 'SigminePostgresWarning');
    };
    pool.on('error', onLost);
    pool.on('connect', (client) => {
      client.on('error', onLost);
      if (lost) {
        lost = false;
        opts.onConnectionRestored?.();
      }
    });
    if (opts.pgSchema) {
      const c = await pool.connect();
      try {
        await c.query(`CREATE SCHEMA IF NOT EXISTS "${opts.pgSchema.replace(/"/g, '')}"`);
      } finally {
        c.release();
      }
    }
    dialect = new PostgresDialect({ pool });
  } else {
    const Sqlite = (await import('better-sqlite3')).default;
    const path = url.replace(/^sqlite:/i, '');
    if (path !== ':memory:') makePrivateFile(path);
    const sqlite = new Sqlite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Erased data must not survive in freed pages (privacy: erasure leaves no plain copy in the file).
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('synchronous = NORMAL');
    // Ingest pages dirty many index pages at random (email, keyed-hash indexes): a 32 MiB page cache
    // (default 2 MiB) keeps them in memory, and a checkpoint every 10,000 WAL pages (default 1,000: about
    // every commit of a 200-contact page) stops copying the same pages back at each commit. Together
    // +15-20% on bench:store at 20,000 people. Erasure still truncates the WAL itself (src/privacy/scrub.ts).
    sqlite.pragma('cache_size = -32768');
    sqlite.pragma('wal_autocheckpoint = 10000');
    dialect = new SqliteDialect({ database: withStatementCache(sqlite) });
  }
  const db = new Kysely<DB>({ dialect });
  if (opts.migrate !== false) {
    const outcome = await migrateToLatest(db, opts.pgSchema);
    if (outcome.error) {
      await db.destroy();
      throw outcome.error;
    }
  }
  return { db, dialect: dialectName, close: () => db.destroy() };
}

/**
 * The database file holds the directory, keyed hashes and sealed tokens: only its owner may read it. A
 * folder we create is 0700; the file is created 0600 before SQLite opens it (no window in which it exists
 * with the umask's 0644), and an existing one is narrowed to 0600. SQLite creates `-wal`, `-shm` and
 * `-journal` with the database file's own permissions (os_unix.c findCreateFileMode), so they are 0600 too;
 * existing ones are narrowed here as well. A folder that already existed is left alone (it may be the
 * working directory or /tmp); docs/security.md tells operators to keep it 0700.
 */
function makePrivateFile(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (existsSync(f)) chmodSync(f, 0o600);
  }
}

/** Opens the database, runs `fn`, and always closes it. */
export async function usingDatabase<T>(
  url: string,
  fn: (d: Database) => Promise<T>,
  opts?: OpenOptions,
): Promise<T> {
  const d = await openDatabase(url, opts);
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

/** Prepared statements kept per SQL text (the store's page queries repeat every page). */
const STATEMENT_CACHE = 200;
/**
 * ...and at most this much SQL text in them: a prepared multi-row statement holds many times its text in
 * native memory (the store sends them in power-of-two sizes, so few texts repeat: see binaryChunks).
 */
const STATEMENT_CACHE_CHARS = 1024 * 1024;

const NOTHING_TO_ROLL_BACK = {
  reader: false,
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  all: () => [],
};

/**
 * Kysely's SQLite driver prepares every query anew (~5% of the ingest path's CPU); this reuses the prepared
 * statement for a repeated SQL text. Safe on one connection: Kysely runs one query at a time on it, and
 * SQLite re-prepares a statement itself after a schema change. Least recently used texts go first.
 */
function withStatementCache<
  D extends { prepare(sql: string): unknown; close(): unknown; inTransaction: boolean },
>(database: D): D {
  const cache = new Map<string, unknown>();
  let chars = 0;
  const prepare = (sql: string) => {
    // SQLite rolls a transaction back by itself on SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM (and on an
    // interrupt): Kysely's ROLLBACK then failed with "cannot rollback - no transaction is active", which
    // replaced the real error. With nothing left to roll back, ROLLBACK does nothing and the cause surfaces.
    if (sql === 'rollback' && !database.inTransaction) return NOTHING_TO_ROLL_BACK;
    let stmt = cache.get(sql);
    if (stmt !== undefined) {
      cache.delete(sql);
      cache.set(sql, stmt);
      return stmt;
    }
    stmt = database.prepare(sql);
    if (sql.length > STATEMENT_CACHE_CHARS / 4) return stmt;
    cache.set(sql, stmt);
    chars += sql.length;
    while (cache.size > STATEMENT_CACHE || chars > STATEMENT_CACHE_CHARS) {
      const oldest = cache.keys().next().value!;
      cache.delete(oldest);
      chars -= oldest.length;
    }
    return stmt;
  };
  return new Proxy(database, {
    get: (target, key) => {
      if (key === 'prepare') return prepare;
      if (key === 'close') {
        return () => {
          cache.clear();
          return target.close();
        };
      }
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** One round trip to the database (the health check): resolves when it answers, throws its error if not. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
