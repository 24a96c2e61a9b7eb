/**
 * Response headers every page of the web app carries, in one place: a strict Content-Security-Policy and
 * the usual hardening headers. Our pages run no script, load one stylesheet from us and post forms to us,
 * so the policy allows exactly that and nothing else.
 *
 * One exception is needed by the member area: "Connect Google/Microsoft" posts a form to us that answers
 * with a redirect to the provider's consent page, and browsers apply `form-action` to redirects that follow
 * a form submission (CSP Level 3 §6.4.1; Chromium enforces it). So the consent pages' origins (from the
 * configuration, never from a request) are allowed as form targets too.
 */
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';

/** The CSP header value for our pages (exported for the tests and the docs). */
export function contentSecurityPolicy(config: Pick<Config, 'google' | 'microsoft'>): string {
  const consent = [config.google.authUrl, config.microsoft.loginUrl]
    .map((u) => {
      try {
        return new URL(u).origin;
      } catch {
        return null;
      }
    })
    .filter((o): o is string => o !== null && o !== 'null');
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action 'self' ${[...new Set(consent)].join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * Sets the security headers on every response. `Cache-Control: no-store` keeps personal pages (a profile,
 * a member's credits) out of shared and browser caches; the stylesheet sets its own caching.
 * HSTS only when the public URL is https (on http it would be ignored, and misleading).
 */
export function securityHeaders(
  config: Pick<Config, 'google' | 'microsoft' | 'publicUrl'>,
): MiddlewareHandler {
  const csp = contentSecurityPolicy(config);
  const https = config.publicUrl.startsWith('https:');
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', csp);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (https) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
