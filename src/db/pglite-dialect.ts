/**
 * A Kysely dialect for PGlite (@electric-sql/pglite: PostgreSQL compiled to WebAssembly, in process).
 * Used by the test helpers when no PostgreSQL server is reachable, so the PostgreSQL suites still run on
 * real PostgreSQL semantics (ON CONFLICT, RETURNING, FOR UPDATE, types). PGlite is one connection: like
 * Kysely's SQLite driver, connections are handed out one at a time (a mutex), so transactions serialise.
 * Depends only on the slice of PGlite it calls (`query`, `close`), per our style.
 */
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** The part of a PGlite instance this dialect uses. */
export interface PGliteLike {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number; command?: string }>;
  close(): Promise<void>;
}

export interface PGliteDialectConfig {
  pglite: PGliteLike;
  /** Close the PGlite instance when Kysely is destroyed (default true; false when it is shared). */
  closeOnDestroy?: boolean;
  /**
   * Schema to work in: `SET search_path` whenever this Kysely takes the (single, shared) connection, so
   * several Kysely instances can share one PGlite, each in its own schema (test isolation).
   */
  searchPath?: string;
}

/** Per PGlite instance (shared by every Kysely over it): the connection queue and the session's search_path. */
const sessions = new WeakMap<object, { queue: Promise<void>; path: string | null }>();
const sessionOf = (p: object) => {
  let s = sessions.get(p);
  if (!s) sessions.set(p, (s = { queue: Promise.resolve(), path: null }));
  return s;
};

export class PGliteDialect implements Dialect {
  readonly #config: Readonly<PGliteDialectConfig>;
  constructor(config: PGliteDialectConfig) {
    this.#config = Object.freeze({ ...config });
  }
  createDriver(): Driver {
    return new PGliteDriver(this.#config);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGliteLike) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.pglite.query<R>(q.sql, [...q.parameters]);
    const cmd = r.command ?? '';
    const affected = r.affectedRows ?? 0;
    return {
      rows: r.rows,
      ...(['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(cmd) ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGliteDialect: streaming is not supported');
  }
}

class PGliteDriver implements Driver {
  readonly #config: Readonly<PGliteDialectConfig>;
  #connection: PGliteConnection | null = null;
  #release: (() => void) | null = null;

  constructor(config: Readonly<PGliteDialectConfig>) {
    this.#config = config;
  }
  async init(): Promise<void> {
    this.#connection = new PGliteConnection(this.#config.pglite);
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection per PGlite, whichever Kysely asks: wait for the previous holder to release it.
    const pglite = this.#config.pglite;
    const session = sessionOf(pglite);
    const prev = session.queue;
    let release!: () => void;
    session.queue = new Promise<void>((r) => (release = r));
    await prev;
    this.#release = release;
    const want = this.#config.searchPath ?? null;
    if (want && session.path !== want) {
      await pglite.query(`SET search_path TO "${want.replace(/"/g, '')}"`);
      session.path = want;
    }
    return this.#connection!;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${level}`));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    const r = this.#release;
    this.#release = null;
    r?.();
  }
  async destroy(): Promise<void> {
    if (this.#config.closeOnDestroy !== false) await this.#config.pglite.close();
  }
}
