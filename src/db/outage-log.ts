/**
 * Logs a database outage once, not once per failed query: the first connection error of a source (the
 * store's pool, the queue's pool, the worker loop) logs `db.connection-lost`, later ones are only counted,
 * and the first success afterwards logs `db.connection-restored` with how long it lasted and how many
 * errors it swallowed. A restart of PostgreSQL costs a worker two log lines, whatever its pools did.
 */
import type { Logger } from '../log.ts';

export class OutageLog {
  readonly #down = new Map<string, { since: number; errors: number }>();

  constructor(private readonly logger: Logger) {}

  /** A connection error on `source`; logged only when the source was up. */
  lost(source: string, err: unknown): void {
    const d = this.#down.get(source);
    if (d) {
      d.errors++;
      return;
    }
    this.#down.set(source, { since: Date.now(), errors: 1 });
    const e = err as { message?: unknown; code?: unknown };
    this.logger.log('warn', 'db.connection-lost', {
      source,
      ...(typeof e?.code === 'string' ? { code: e.code } : {}),
      message: typeof e?.message === 'string' ? e.message : String(err),
    });
  }

  /** Something on `source` worked again; logged only after a loss. */
  restored(source: string): void {
    const d = this.#down.get(source);
    if (!d) return;
    this.#down.delete(source);
    this.logger.log('info', 'db.connection-restored', {
      source,
      downMs: Date.now() - d.since,
      errors: d.errors,
    });
  }

  isDown(source: string): boolean {
    return this.#down.has(source);
  }
}
