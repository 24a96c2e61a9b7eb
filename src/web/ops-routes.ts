/**
 * Operations: `GET /healthz` (ok or not, for a load balancer) and `GET /metrics` (Prometheus text, only with
 * `SIGMINE_METRICS_TOKEN` and its bearer token). A sub-app mounted by src/web/app.ts behind the same guards
 * as every page.
 */
import { Hono } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { pingDatabase, type Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { metricsSource } from './metrics.ts';
import type { WebConfig } from './web-config.ts';

export interface OpsOptions {
  database: Pick<Database, 'db' | 'dialect'>;
  web: Readonly<WebConfig>;
  logger: Logger;
  /** How old a `/metrics` text may be when served again (ms; 0: read at every scrape). */
  metricsMaxAgeMs: number;
}

export function opsRoutes(o: OpsOptions): Hono {
  const { db, dialect } = o.database;
  const metrics = metricsSource(db, o.metricsMaxAgeMs);
  const app = new Hono();

  // Ok or not ok, nothing more: a database error's text names hosts, users and paths (logged instead).
  app.get('/healthz', async (c) => {
    try {
      await pingDatabase(db);
      return c.json({ ok: true, dialect });
    } catch (err) {
      o.logger.log('error', 'healthz-failed', { code: String((err as { code?: unknown }).code ?? 'error') });
      return c.json({ ok: false }, 503);
    }
  });

  // Only with SIGMINE_METRICS_TOKEN, and only for `Authorization: Bearer <token>` (RFC 6750).
  app.get('/metrics', async (c) => {
    if (!o.web.metricsToken) return c.text('Not Found', 404);
    if (!bearerMatches(c.req.header('authorization'), o.web.metricsToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="sigmine-metrics"');
      return c.text('Unauthorized', 401);
    }
    c.header('Content-Type', 'text/plain; version=0.0.4');
    return c.body(await metrics());
  });

  return app;
}

/** Constant-time comparison of an `Authorization: Bearer` header with the configured token. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return false;
  const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(digest(m[1]!), digest(token));
}
