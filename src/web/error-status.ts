/**
 * The web's one mapping from an error's code (src/errors.ts) to an HTTP status, and the page or JSON body an
 * error is answered with. A cause the visitor can act on (bad input, not found, no credits...) is shown with
 * its message; anything else is a 500 with a generic text: no code, message or stack of ours leaves the
 * server (the access log still records the request).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorCodeOf, type ErrorCode } from '../errors.ts';
import { errorPage } from './views/site.tsx';

/** Every code's status; a code missing here does not compile, so a new code gets a decided status. */
const STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  'bad-input': 400,
  'bad-amount': 400,
  'bad-format': 400,
  denied: 400,
  aborted: 400,
  unauthorised: 401,
  'insufficient-credits': 402,
  forbidden: 403,
  'opted-out': 403,
  // An expired or forged link or session: the visitor is refused until they ask for a new link.
  expired: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  // The provider said no to our grant: a gateway's failure, not the visitor's nor ours.
  revoked: 502,
  'auth-expired': 502,
  'cursor-expired': 502,
  unavailable: 503,
  timeout: 503,
  storage: 503,
  'port-in-use': 500,
  'listen-failed': 500,
  config: 500,
  'bad-config': 500,
  'missing-key': 500,
  'bad-key': 500,
  'wrong-key': 500,
  'decrypt-failed': 500,
  internal: 500,
  error: 500,
};

/** The HTTP status for an error code. */
export function httpStatusOf(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code];
}

/** What the visitor is told about an error: its code and message below 500, a generic text otherwise. */
export function publicErrorOf(err: unknown): {
  status: ContentfulStatusCode;
  code: ErrorCode;
  message: string;
} {
  const code = errorCodeOf(err);
  const status = httpStatusOf(code);
  if (status >= 500 && status !== 502 && status !== 503) {
    return { status, code: 'internal', message: 'Something went wrong on our side. Please try again later.' };
  }
  if (status >= 500)
    return { status, code, message: 'A service we depend on is not answering. Please try again later.' };
  return { status, code, message: err instanceof Error ? err.message : String(err) };
}

/**
 * Answers a request that threw: `{"error":{"code","message"}}` when the client asked for JSON, else a page
 * in the site's style. Used by the app's `onError` and by routes that catch an error to show it in place.
 */
export function errorResponse(c: Context, err: unknown): Response {
  // Hono's guards (CSRF 403, body limit 413) refuse with their own status and text: theirs, unchanged.
  if (err instanceof HTTPException) return err.getResponse();
  const e = publicErrorOf(err);
  if ((c.req.header('Accept') ?? '').includes('application/json')) {
    return c.json({ error: { code: e.code, message: e.message } }, e.status);
  }
  return c.html(errorPage(e.message), e.status);
}
