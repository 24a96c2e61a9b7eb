/**
 * Google error classification, decided in one place. Google errors are JSON
 * `{"error":{"code","message","errors":[{"reason","domain"}],"status"}}` (Gmail handle-errors guide);
 * the token endpoint answers `{"error":"invalid_grant", ...}` (RFC 6749 §5.2). Rate limits come back
 * as 429 OR 403 (`rateLimitExceeded`, `userRateLimitExceeded`, "Too many concurrent requests").
 */
import { ConnectorError } from '../types.ts';

export type GoogleFailure =
  /** Retry after waiting (`retryAfterMs` from Retry-After when given). */
  | { kind: 'rate'; reason: string; retryAfterMs: number | null }
  /** 5xx or a network error: retry with backoff. */
  | { kind: 'transient'; reason: string; retryAfterMs: number | null }
  /** 401: refresh the access token once, then give up. */
  | { kind: 'auth'; reason: string }
  /** Refresh token revoked or expired: the connection needs a reconnect. */
  | { kind: 'revoked'; reason: string }
  /** 404 / 410 (expired history id, sync token, deleted item). */
  | { kind: 'not-found'; status: number; reason: string }
  | { kind: 'fatal'; code: 'config' | 'bad-input' | 'unavailable'; reason: string };

const RATE_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'quotaExceeded',
  'RESOURCE_EXHAUSTED',
]);

interface ErrorLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  response?: { status?: number; data?: unknown; headers?: unknown };
}

/** Seconds or an HTTP date (RFC 9110 §10.2.3) -> milliseconds, capped at 10 minutes. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim().slice(0, 64);
  const ms = /^\d{1,7}$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 600_000) : null;
}

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : null;
}

export function classifyGoogleError(err: unknown): GoogleFailure {
  if (err instanceof ConnectorError) {
    return { kind: 'fatal', code: err.code === 'config' ? 'config' : 'unavailable', reason: err.message };
  }
  const e = (err ?? {}) as ErrorLike;
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : undefined);
  const data = e.response?.data as
    | {
        error?: string | { message?: string; status?: string; errors?: { reason?: string }[] };
        error_description?: string;
      }
    | undefined;
  // Token endpoint (OAuth) errors: `error` is a string.
  if (data && typeof data.error === 'string') {
    if (data.error === 'invalid_grant') return { kind: 'revoked', reason: 'invalid_grant' };
    if (data.error === 'invalid_client' || data.error === 'unauthorized_client')
      return { kind: 'fatal', code: 'config', reason: data.error };
  }
  const apiError = data && typeof data.error === 'object' ? data.error : undefined;
  const reasons = (apiError?.errors ?? []).map((x) => x.reason ?? '');
  const message = String(apiError?.message ?? e.message ?? '').slice(0, 200);
  const retryAfterMs = parseRetryAfter(header(e.response?.headers, 'retry-after'));
  if (status === 429) return { kind: 'rate', reason: reasons[0] || message || '429', retryAfterMs };
  if (status === 403) {
    const rate =
      reasons.find((r) => RATE_REASONS.has(r)) ??
      (/too many concurrent/i.test(message) ? 'concurrent' : null);
    if (rate) return { kind: 'rate', reason: rate, retryAfterMs };
    // The grant itself is wrong (scope missing, or gmail.metadata poisoning format=full even next to
    // gmail.readonly): only a new consent fixes it, so the connection needs a reconnect.
    if (reasons.includes('insufficientPermissions') || /scope/i.test(message)) {
      return { kind: 'revoked', reason: `insufficient scope: ${message}` };
    }
    return { kind: 'fatal', code: 'config', reason: reasons[0] || 'forbidden' };
  }
  if (status === 401) return { kind: 'auth', reason: reasons[0] || 'unauthenticated' };
  if (status === 404 || status === 410)
    return { kind: 'not-found', status, reason: reasons[0] || String(status) };
  // People API: an expired sync token is 400 FAILED_PRECONDITION with ErrorInfo EXPIRED_SYNC_TOKEN.
  if (
    status === 400 &&
    (JSON.stringify(apiError ?? {}).includes('EXPIRED_SYNC_TOKEN') || /sync token is expired/i.test(message))
  )
    return { kind: 'not-found', status: 410, reason: 'EXPIRED_SYNC_TOKEN' };
  if (status === 400) return { kind: 'fatal', code: 'bad-input', reason: reasons[0] || message || '400' };
  if (status !== undefined && status >= 500)
    return { kind: 'transient', reason: String(status), retryAfterMs };
  if (status === undefined)
    return { kind: 'transient', reason: String(e.code ?? 'network'), retryAfterMs: null };
  return { kind: 'fatal', code: 'unavailable', reason: `${status}` };
}

/** The closed ConnectorError a failure becomes once retries are spent. */
export function toConnectorError(f: GoogleFailure, cause: unknown): ConnectorError {
  switch (f.kind) {
    case 'rate':
      return new ConnectorError('rate-limited', `Google rate limit (${f.reason}); retry budget spent`, {
        cause,
      });
    case 'transient':
      return new ConnectorError('unavailable', `Google unavailable (${f.reason})`, { cause });
    case 'auth':
      return new ConnectorError('auth-expired', 'Google rejected the access token after a refresh', {
        cause,
      });
    case 'revoked':
      return new ConnectorError('revoked', `Google grant unusable, reconnect needed (${f.reason})`, {
        cause,
      });
    case 'not-found':
      return new ConnectorError('not-found', `Google ${f.status} (${f.reason})`, { cause });
    case 'fatal':
      return new ConnectorError(f.code, `Google request failed (${f.reason})`, { cause });
  }
}
