/**
 * The web app: the member area (src/web/member.ts), the privacy center (src/web/privacy-routes.ts), and
 * health/metrics for operations, composed behind the guards every request goes through (in this order):
 * access log, security headers (src/web/security-headers.ts), CSRF (a form post must come from
 * `SIGMINE_PUBLIC_URL`'s origin, so it works behind an https proxy), and a 64 KiB body limit.
 * Web-standard Request/Response (Hono); tests call `app.request(...)` without a port.
 */
import { AppError } from '../errors.ts';
import { parseKeyRing } from '../keys/keyring.ts';
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { NoticeTransport } from '../notices/transport.ts';
import { silentLogger, type Logger } from '../log.ts';
import { linkKeyFromSecret } from './links.ts';
import { page, STYLESHEET } from './html.ts';
import { errorResponse } from './error-status.ts';
import { metricsSource } from './metrics.ts';
import { memberRoutes, type MemberAppOptions } from './member.ts';
import { privacyRoutes } from './privacy-routes.ts';
import { directoryRoutes } from './directory-routes.ts';
import { exclusionRoutes } from './exclusion-routes.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { accessLog } from './access-log.ts';
import { securityHeaders } from './security-headers.ts';
import { clientAddressOf, loadWebConfig, type WebConfig } from './web-config.ts';
import { createMailQueue, type MailQueue } from './mail-queue.ts';
import { linkMailer } from './link-mail.ts';
import { sessionKeys } from './sessions.ts';
import { sessionCookies } from './session-cookie.ts';

export interface WebAppOptions extends Pick<MemberAppOptions, 'demo' | 'factoryFor' | 'fetch'> {
  database: Pick<Database, 'db' | 'dialect'>;
  config: Readonly<Config>;
  /** Where link mails go (the notices' transport). */
  transport: NoticeTransport;
  /** Sender address of link mails. */
  from?: string;
  now?: () => Date;
  /**
   * The link-signing key (at least 32 bytes): signs mailed links and derives the session keys. Default:
   * derived from `config.secretKey`; with neither, `createApp` throws `missing-key` (never a secret kept in
   * the database).
   */
  linkKey?: Uint8Array;
  /** `SIGMINE_METRICS_TOKEN` and `SIGMINE_TRUST_PROXY`; default: metrics off, no proxy trusted. */
  web?: Readonly<WebConfig>;
  /** Access log and background mail failures; default silent. */
  logger?: Logger;
  /** The queue link mails wait in; tests pass one to wait for it (`idle()`). */
  mailQueue?: MailQueue;
  /** The socket peer address of a request; default the Node server's (none under `app.request`). */
  peerAddress?: (c: Context) => string | undefined;
  /** How old a `/metrics` text may be when served again (default 1000 ms; 0: read at every scrape). */
  metricsMaxAgeMs?: number;
}

/** Request bodies are small forms: 64 KiB is hundreds of times a correction form, and refused above. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The link-signing key `createApp` uses for these options (see `WebAppOptions.linkKey`). */
export function linkKeyFor(o: Pick<WebAppOptions, 'linkKey' | 'config'>): Uint8Array {
  if (o.linkKey) return o.linkKey;
  // A keyring signs with its newest key (a rotation ends the links and sessions signed before it).
  if (o.config.secretKey) return linkKeyFromSecret(parseKeyRing(o.config.secretKey).newest.key);
  throw new AppError(
    'missing-key',
    'SIGMINE_SECRET_KEY is not set: the web app signs sign-in and privacy links with it (openssl rand -hex 32)',
  );
}

export function createApp(o: WebAppOptions): Hono {
  const { db } = o.database;
  const now = o.now ?? (() => new Date());
  const web = o.web ?? loadWebConfig({});
  const logger = o.logger ?? silentLogger;
  const linkKey = linkKeyFor(o);
  const keys = sessionKeys(linkKey);
  const cookies = sessionCookies(o.config.publicUrl);
  const queue = o.mailQueue ?? createMailQueue(logger);
  const mailer = linkMailer({ db, linkKey, queue, transport: o.transport, now });
  const peer = o.peerAddress ?? defaultPeer;
  const clientOf = (c: Context) => clientAddressOf(web, c.req.header('x-forwarded-for'), peer(c));
  const metrics = metricsSource(db, o.metricsMaxAgeMs ?? 1000);
  const app = new Hono();

  useGuards(app, o, logger);

  const shared = { keys, cookies, mailer, clientOf };
  app.route('/', memberRoutes({ ...o, shared }));
  app.route('/', privacyRoutes({ ...o, shared }));
  app.route('/', directoryRoutes({ ...o, shared }));
  app.route('/', exclusionRoutes({ ...o, shared }));
  app.route('/', dashboardRoutes({ ...o, shared }));

  // Whatever a route throws is answered by its code's status (src/web/error-status.ts), never a stack.
  app.onError((err, c) => errorResponse(c, err));

  sitePages(app);

  // Ok or not ok, nothing more: a database error's text names hosts, users and paths (logged instead).
  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(db);
      return c.json({ ok: true, dialect: o.database.dialect });
    } catch (err) {
      logger.log('error', 'healthz-failed', { code: String((err as { code?: unknown }).code ?? 'error') });
      return c.json({ ok: false }, 503);
    }
  });

  // Only with SIGMINE_METRICS_TOKEN, and only for `Authorization: Bearer <token>` (RFC 6750).
  app.get('/metrics', async (c) => {
    if (!web.metricsToken) return c.text('Not Found', 404);
    if (!bearerMatches(c.req.header('authorization'), web.metricsToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="sigmine-metrics"');
      return c.text('Unauthorized', 401);
    }
    c.header('Content-Type', 'text/plain; version=0.0.4');
    return c.body(await metrics());
  });

  return app;
}

/**
 * Guards every request passes first: the access log, security headers, same-origin form posts, and the
 * body size limit.
 */
function useGuards(app: Hono, o: WebAppOptions, logger: Logger): void {
  const publicOrigin = new URL(o.config.publicUrl).origin;
  app.use('*', accessLog(logger));
  app.use('*', securityHeaders(o.config));
  // Forms post only from our own pages: the Origin must be the public one (behind an https proxy the URL
  // this process sees is http://127.0.0.1:..., which no browser sends), or the browser says same-origin.
  app.use('*', csrf({ origin: publicOrigin }));
  // Content-Length above the limit is refused before reading; a chunked body is counted while it is read
  // and refused as soon as it passes the limit, so at most 64 KiB is ever held.
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.html(
          page('Too large', '<h1>Request too large</h1><p>Forms here are small; this one was not sent.</p>'),
          413,
        ),
    }),
  );
}

/** The site's own pages: the home page, the stylesheet, and the not-found page. */
function sitePages(app: Hono): void {
  // An unknown address gets a page in the site's style (with the guards' headers), not Hono's bare text.
  app.notFound((c) =>
    c.html(
      page(
        'Not found',
        `<h1>Page not found</h1><p>There is nothing at this address. Go to <a href="/member">the member
      area</a> or <a href="/privacy">the privacy center</a>.</p>`,
      ),
      404,
    ),
  );

  app.get('/style.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(STYLESHEET);
  });

  app.get('/', (c) =>
    c.html(
      page(
        'sigmine',
        `<h1>sigmine</h1><p>A directory of business contacts built from e-mail signatures that community
        members' mailboxes already hold. We read each message's headers first, and download its text only when the
        sender can still have a business signature (never for free-mail, bulk or automated senders); from that
        text we keep the signature's contact fields only. Message bodies and subjects are never stored.</p>
        <p>Members: <a href="/member">sign in</a> to connect a mailbox, preview what it shares and see your credits.</p>
        <p>Are you listed, or about to be? <a href="/privacy">See, correct, export, restrict or remove your
        profile</a>.</p>`,
      ),
    ),
  );
}

/** The Node server's socket peer; none when the app is called without a server (tests). */
function defaultPeer(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** Constant-time comparison of an `Authorization: Bearer` header with the configured token. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return false;
  const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(digest(m[1]!), digest(token));
}
