/**
 * One access-log line per request: method, the route pattern that answered (`/privacy/:action`, never the
 * path as sent), status and duration. Never the query string, headers, cookies or the client address:
 * link tokens used to travel in query strings, and an address in a URL is personal data.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../log.ts';

/** Logs `{event: 'http', method, route, status, ms}` at info (warn for 5xx) after each response. */
export function accessLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const status = c.res?.status ?? 500;
      // The pattern of the last handler that ran; `*` is only our middleware: no route matched.
      let route = '';
      try {
        route = routePath(c);
      } catch {
        route = '';
      }
      logger.log(status >= 500 ? 'warn' : 'info', 'http', {
        method: c.req.method,
        route: route && route !== '*' && route !== '/*' ? route : '(no route)',
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}
