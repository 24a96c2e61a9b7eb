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
import type { Database } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { NoticeTransport } from '../notices/transport.ts';
import { silentLogger, type Logger } from '../log.ts';
import { linkKeyFromSecret } from './links.ts';
import { STYLESHEET } from './views/layout.tsx';
import { homePage, notFoundPage, tooLargePage } from './views/site.tsx';
import { errorResponse } from './error-status.ts';
import { opsRoutes } from './ops-routes.ts';
import { memberRoutes, type MemberAppOptions } from './member.ts';
import { oauthRoutes } from './member-oauth.ts';
import { privacyRoutes } from './privacy-routes.ts';
import { directoryRoutes } from './directory-routes.ts';
import { exclusionRoutes } from './exclusion-routes.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { accessLog } from './access-log.ts';
import { securityHeaders } from './security-headers.ts';
import { clientAddressOf, type WebConfig } from './web-config.ts';
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
  /** `/metrics` token and trusted proxies; default `config.web`. */
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
  const web = o.web ?? o.config.web;
  const logger = o.logger ?? silentLogger;
  const linkKey = linkKeyFor(o);
  const keys = sessionKeys(linkKey);
  const cookies = sessionCookies(o.config.publicUrl);
  const queue = o.mailQueue ?? createMailQueue(logger);
  const mailer = linkMailer({ db, linkKey, queue, transport: o.transport, now });
  const peer = o.peerAddress ?? defaultPeer;
  const clientOf = (c: Context) => clientAddressOf(web, c.req.header('x-forwarded-for'), peer(c));
  const app = new Hono();

  useGuards(app, o, logger);

  // Each part of the site is a small sub-app mounted at its prefix; the guards above run for all of them.
  const shared = { keys, cookies, mailer, clientOf };
  app.route('/member', memberRoutes({ ...o, shared }));
  app.route('/member', exclusionRoutes({ ...o, shared }));
  app.route('/member', dashboardRoutes({ ...o, shared }));
  app.route('/member/directory', directoryRoutes({ ...o, shared }));
  app.route('/oauth', oauthRoutes({ ...o, shared }));
  app.route('/privacy', privacyRoutes({ ...o, shared }));
  app.route(
    '/',
    opsRoutes({ database: o.database, web, logger, metricsMaxAgeMs: o.metricsMaxAgeMs ?? 1000 }),
  );

  // Whatever a route throws is answered by its code's status (src/web/error-status.ts), never a stack.
  app.onError((err, c) => errorResponse(c, err));

  sitePages(app);

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
      onError: (c) => c.html(tooLargePage(), 413),
    }),
  );
}

/** The site's own pages: the home page, the stylesheet, and the not-found page. */
function sitePages(app: Hono): void {
  // An unknown address gets a page in the site's style (with the guards' headers), not Hono's bare text.
  app.notFound((c) => c.html(notFoundPage(), 404));

  app.get('/style.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(STYLESHEET);
  });

  app.get('/', (c) => c.html(homePage()));
}

/** The Node server's socket peer; none when the app is called without a server (tests). */
function defaultPeer(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
