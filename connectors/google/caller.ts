/**
 * Every Google API call goes through `GoogleCaller.call`: per-user limiter (concurrency + quota
 * units), errors classified once, 401 -> one forced token refresh, 429/403-rate/5xx -> wait
 * (Retry-After when given, else exponential backoff) out of a TOTAL retry budget per run.
 * googleapis' own gaxios retry is switched off (`retry: false` in clientOptions) because it ignores
 * Retry-After and never retries 403 rate limits (provider-facts §0.10).
 */
import type { OAuth2Client } from 'google-auth-library';
import type { ConnectorEvent, ConnectorStats, QuotaGate, QuotaKey } from '../types.ts';
import { classifyGoogleError, toConnectorError } from './errors.ts';
import { sleep, type UserLimiter } from './limiter.ts';

export interface CallerOptions {
  limiter: UserLimiter;
  auth: OAuth2Client;
  refreshToken: string;
  onEvent?: (e: ConnectorEvent) => void;
  /** Total retries (rate limits and transient errors) for the whole run. Default 40. */
  retryBudget?: number;
  /** Total time spent waiting on server rate limits for the whole run. Default 10 minutes. */
  waitBudgetMs?: number;
  /** First backoff step when the server gives no Retry-After. Default 1000 ms, doubling, max 32 s. */
  backoffBaseMs?: number;
  /** Quota shared with other processes (PostgreSQL), reserved after the in-process limiter. */
  shared?: { gate: QuotaGate; keys: readonly QuotaKey[] };
}

/** Per-request options for googleapis methods: no library retries, a 30 s timeout. */
export const clientOptions = { retry: false, timeout: 30_000 } as const;

export class GoogleCaller {
  private apiCalls = 0;
  private rateLimitWaits = 0;
  private retriesLeft: number;
  private waitLeftMs: number;

  constructor(private readonly opts: CallerOptions) {
    this.retriesLeft = opts.retryBudget ?? 40;
    this.waitLeftMs = opts.waitBudgetMs ?? 600_000;
  }

  stats(): ConnectorStats {
    return { apiCalls: this.apiCalls, rateLimitWaits: this.rateLimitWaits };
  }

  /** Runs `fn` (one API request costing `units` quota units) under the limits and retry rules. */
  async call<T>(units: number, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      let waited = await this.opts.limiter.acquire(units, signal);
      let err: unknown;
      try {
        const shared = this.opts.shared;
        if (shared) waited += await shared.gate.reserve(shared.keys, units, signal);
        // Our own pacing is expected work, not a rate limit; only a long stall (contention between
        // connectors or workers of one user) is worth reporting.
        if (waited >= 10_000)
          this.opts.onEvent?.({ type: 'rate-limit-wait', ms: waited, reason: 'local quota' });
        this.apiCalls++;
        return await fn();
      } catch (e) {
        err = e;
      } finally {
        this.opts.limiter.release();
      }
      signal?.throwIfAborted();
      const f = classifyGoogleError(err);
      if (f.kind === 'auth' && !refreshed) {
        // The access token was invalidated server-side before its expiry: drop it so the client
        // refreshes before the next attempt (google-auth-library only does that itself when it has
        // no expiry date).
        refreshed = true;
        this.opts.auth.setCredentials({ refresh_token: this.opts.refreshToken });
        this.opts.onEvent?.({ type: 'retry', attempt, code: 'auth-refresh' });
        continue;
      }
      if ((f.kind === 'rate' || f.kind === 'transient') && this.retriesLeft > 0) {
        const base = this.opts.backoffBaseMs ?? 1000;
        const backoff = Math.min(base * 2 ** Math.min(attempt - 1, 5), 32_000) * (0.75 + Math.random() * 0.5);
        const ms = Math.round(f.retryAfterMs ?? backoff);
        if (f.kind === 'rate') {
          if (ms > this.waitLeftMs) throw toConnectorError(f, err);
          this.waitLeftMs -= ms;
          this.rateLimitWaits++;
          this.opts.limiter.drain();
          this.opts.onEvent?.({ type: 'rate-limit-wait', ms, reason: f.reason });
        } else {
          this.opts.onEvent?.({ type: 'retry', attempt, code: f.reason });
        }
        this.retriesLeft--;
        await sleep(ms, signal);
        continue;
      }
      throw toConnectorError(f, err);
    }
  }
}
