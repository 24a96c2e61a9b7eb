/**
 * Runs a page transaction again when that can only help (src/db/db-errors.ts sorts the causes), with
 * backoff and jitter, logging every retry. Used by the harvest for its one transaction per page.
 */
import { dbErrorClass, type DbErrorClass } from '../db/db-errors.ts';
import { backoffMs, sleep } from './backoff.ts';

/**
 * The page transaction is atomic and idempotent (the page's messages by key, its cursor, the lease), so
 * running it again is always safe. Two causes are worth it (src/db/db-errors.ts):
 * - a conflict: PostgreSQL aborted one of two page transactions that lock the same people in opposite
 *   order (deadlock 40P01) or under serialization (40001); SQLite reports a writer it waited for too long
 *   as busy. Up to 5 tries, a few tens of milliseconds apart with jitter.
 * - a lost connection: PostgreSQL restarted, failed over or ended the session. The pool opens a new
 *   connection for the next try. Backoff with jitter from 250 ms to 8 s, 8 tries: about 30 s in all, which
 *   rides out a restart or a quick failover; a longer outage ends the harvest with `db-unavailable` and
 *   the job is retried later (src/harvest/worker-loop.ts).
 * Every retry is logged (`harvest.page-retry`).
 */
const PAGE_RETRIES = { conflict: 5, connection: 8 } as const;
const CONNECTION_BACKOFF = { baseMs: 250, capMs: 8000 } as const;

export async function retryPage<T>(
  fn: () => Promise<T>,
  onRetry: (info: {
    attempt: number;
    cause: DbErrorClass;
    code: string | null;
    delayMs: number;
  }) => void = () => {},
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const cause = dbErrorClass(err);
      if (!cause || attempt >= PAGE_RETRIES[cause] || (cause === 'connection' && signal?.aborted)) throw err;
      const delayMs =
        cause === 'conflict'
          ? Math.round(20 * attempt + Math.random() * 50 * attempt)
          : backoffMs(attempt, CONNECTION_BACKOFF.baseMs, CONNECTION_BACKOFF.capMs);
      const code = (err as { code?: unknown }).code;
      onRetry({ attempt, cause, code: typeof code === 'string' ? code : null, delayMs });
      // A stop cuts a connection wait short (the next try still runs once): a graceful stop stays bounded.
      await sleep(delayMs, cause === 'connection' ? signal : undefined);
    }
  }
}
