/**
 * Graph errors -> our closed set of ConnectorError codes, decided in one place (the SDK's GraphError
 * carries `statusCode` and `code`; network failures come as plain errors). The original stays as `cause`.
 * https://learn.microsoft.com/graph/errors, delta: https://learn.microsoft.com/graph/delta-query-overview
 */
import { ConnectorError } from '../types.ts';

/** Codes Graph uses when a delta/skip token can no longer be used: restart the round. */
const RESYNC = new Set(['syncstatenotfound', 'resyncrequired', 'syncstateinvalid', 'invalidsynctoken']);

export function classifyGraphError(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = err as { statusCode?: number; code?: string | null; message?: string };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : -1;
  const code = String(e?.code ?? '');
  const what = `Graph ${status === -1 ? 'request failed' : status}${code ? ` ${code}` : ''}`;
  if (status === 410 || RESYNC.has(code.toLowerCase()))
    return new ConnectorError('cursor-expired', what, { cause: err });
  if (status === 401) return new ConnectorError('auth-expired', what, { cause: err });
  // 403 ErrorAccessDenied: consent for the scope is missing or was withdrawn; only a reconnect fixes it.
  if (status === 403) return new ConnectorError('revoked', what, { cause: err });
  if (status === 404) return new ConnectorError('not-found', what, { cause: err });
  if (status === 429) return new ConnectorError('rate-limited', what, { cause: err });
  if (status === 400) return new ConnectorError('bad-input', what, { cause: err });
  return new ConnectorError('unavailable', what, { cause: err });
}
