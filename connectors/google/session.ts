/**
 * What every Google connector needs from a stored connection: an OAuth2Client holding the refresh
 * token, and a GoogleCaller with the per-user limiter for its API. Tunables may come from the
 * connection's non-secret config (benchmarks, tests): unitsPerSecond, concurrency, retryBudget,
 * backoffBaseMs, waitBudgetMs.
 */
import type { OAuth2Client } from 'google-auth-library';
import type { ConnectionInfo, ConnectorDeps, QuotaKey } from '../types.ts';
import { ConnectorError } from '../types.ts';
import { GoogleCaller } from './caller.ts';
import { limiterFor } from './limiter.ts';
import { googleOAuthClient } from './oauth.ts';

export interface GoogleSession {
  auth: OAuth2Client;
  caller: GoogleCaller;
  /** googleapis `rootUrl` (SIGMINE_GOOGLE_API_URL). */
  rootUrl: string;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

export function googleSession(
  conn: ConnectionInfo,
  deps: ConnectorDeps,
  api: 'gmail' | 'calendar' | 'people',
  defaults: { unitsPerSecond: number; concurrency: number; burst?: number },
): GoogleSession {
  if (!conn.secret) throw new ConnectorError('config', `connection ${conn.id} has no refresh token`);
  const auth = googleOAuthClient(deps.endpoints);
  auth.setCredentials({ refresh_token: conn.secret });
  const c = conn.config;
  const unitsPerSecond = num(c['unitsPerSecond']) ?? defaults.unitsPerSecond;
  const limiter = limiterFor(`${api}:${conn.account.toLowerCase()}`, {
    concurrency: num(c['concurrency']) ?? defaults.concurrency,
    unitsPerSecond,
    burst: num(c['burst']) ?? defaults.burst ?? unitsPerSecond,
  });
  // Shared across processes (PostgreSQL): the per-user bucket at this connector's pace, and for Gmail the
  // per-project one (1,200,000 units per minute = 20,000 units/s, Gmail quota reference).
  const account = conn.account.toLowerCase();
  const keys: QuotaKey[] = [
    {
      key: `${api}:user:${account}`,
      unitsPerSecond,
      burst: num(c['burst']) ?? defaults.burst ?? unitsPerSecond,
    },
    ...(api === 'gmail'
      ? [
          {
            key: `gmail:project:${deps.endpoints.google.clientId ?? 'default'}`,
            unitsPerSecond: 20_000,
            burst: 20_000,
          },
        ]
      : []),
  ];
  const caller = new GoogleCaller({
    ...(deps.quota ? { shared: { gate: deps.quota, keys } } : {}),
    limiter,
    auth,
    refreshToken: conn.secret,
    onEvent: deps.onEvent,
    retryBudget: num(c['retryBudget']),
    backoffBaseMs: num(c['backoffBaseMs']),
    waitBudgetMs: num(c['waitBudgetMs']),
  });
  return { auth, caller, rootUrl: deps.endpoints.google.apiUrl };
}
