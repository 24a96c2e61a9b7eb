/**
 * Wiring shared by the three Outlook sources: a token source over the stored (rotating) refresh token
 * and a Graph client for the mailbox, both from the frozen config.
 */
import type { ConnectionInfo, ConnectorDeps } from '../types.ts';
import { createGraphClient, type GraphGetter, type GraphPace } from './graph-client.ts';
import type { MsKind } from './oauth.ts';
import { MsTokenSource } from './token-source.ts';

/** Knobs for tests and benches; production uses the defaults. */
export interface OutlookOptions {
  /** Transport (default: global fetch). Tests pass one that trusts their self-signed CA. */
  fetch?: typeof fetch;
  retryBudgetMs?: number;
  /** Deadline of one HTTP attempt. Default 60 s. */
  requestTimeoutMs?: number;
  /** `Prefer: odata.maxpagesize`. Default 50. */
  pageSize?: number;
  /** Request pace per mailbox (default GRAPH_MAILBOX_PACE, Graph's 10,000 requests per 10 minutes). */
  pace?: GraphPace;
}

/**
 * One token source per connection object, shared by every run of its connector: after a run the
 * refresh token in `conn.secret` is spent (rotated), and only the source knows the new one.
 */
const tokenSources = new WeakMap<ConnectionInfo, MsTokenSource>();

export function openGraph(
  kind: MsKind,
  conn: ConnectionInfo,
  deps: ConnectorDeps,
  opts: OutlookOptions,
  signal?: AbortSignal,
): GraphGetter {
  const fetchImpl = opts.fetch ?? deps.fetch ?? fetch;
  let tokens = tokenSources.get(conn);
  if (!tokens) {
    tokens = new MsTokenSource(deps.endpoints.microsoft, kind, conn.secret, deps.onSecretRotated, fetchImpl);
    tokenSources.set(conn, tokens);
  }
  return createGraphClient({
    graphUrl: deps.endpoints.microsoft.graphUrl,
    mailbox: conn.account,
    slots: deps.slots,
    quota: deps.quota,
    pace: opts.pace,
    tokens,
    fetch: fetchImpl,
    retryBudgetMs: opts.retryBudgetMs,
    requestTimeoutMs: opts.requestTimeoutMs,
    onEvent: deps.onEvent,
    signal,
  });
}

/** Time bound of a first (or resync) round: `since`, else a year back. */
export function windowStart(since: Date | undefined): string {
  const d = since ?? new Date(Date.now() - 365 * 86_400_000);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
