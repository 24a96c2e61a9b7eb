/**
 * What a database error means for whoever retries: one place that sorts driver errors into causes, so the
 * harvest's page retry, the worker loop and the logs decide the same way.
 *
 * - `conflict`: PostgreSQL aborted the transaction against another one (deadlock 40P01, serialization
 *   40001) or SQLite waited too long for the writer (SQLITE_BUSY*). Running the transaction again wins.
 * - `connection`: the connection is gone or cannot be made: the server restarts, fails over, or ended the
 *   session (`pg_terminate_backend`, idle timeouts: SQLSTATE class 08 and 57P01-57P03), the socket broke
 *   (ECONNRESET, ECONNREFUSED, EPIPE...), or node-postgres says so in words because these carry no code
 *   ("Connection terminated unexpectedly", "...not queryable"). The pool opens a new connection for the
 *   next query, so retrying after a pause succeeds once the server is back.
 */
export type DbErrorClass = 'conflict' | 'connection';

const CONFLICT = new Set(['40P01', '40001', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT']);

/** SQLSTATEs of a session the server ended or refuses (PostgreSQL Appendix A, classes 08 and 57). */
const CONNECTION_SQLSTATE = new Set([
  '57P01',
  '57P02',
  '57P03',
  '57P05',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
]);

/** Socket errors (Node's `err.code`). */
const CONNECTION_ERRNO = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** node-postgres and pg-pool errors without a code (matched on their fixed English texts). */
const CONNECTION_TEXT =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection ended unexpectedly|Postgres connection has been discarded/i;

export function dbErrorClass(err: unknown): DbErrorClass | null {
  if (!err || typeof err !== 'object') return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (CONFLICT.has(code)) return 'conflict';
    if (CONNECTION_SQLSTATE.has(code) || CONNECTION_ERRNO.has(code)) return 'connection';
  }
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && CONNECTION_TEXT.test(message)) return 'connection';
  // Kysely and our own code sometimes wrap the driver's error.
  const cause = (err as { cause?: unknown }).cause;
  return cause && cause !== err ? dbErrorClass(cause) : null;
}

/** The code a lost database connection gets in harvest results and logs. */
export const DB_UNAVAILABLE = 'db-unavailable';
