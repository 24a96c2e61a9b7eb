/**
 * `sigmine serve [--port N] [--host H]`: the member area, the privacy center and the operations endpoints.
 *
 * Refuses to start without SIGMINE_SECRET_KEY (exit 1): it signs sign-in and privacy links, and a secret
 * kept in the database file would let anyone who can read the file mint them. The demo (SIGMINE_DEMO=1)
 * signs with the demo key file instead (src/secrets `secretKeyFrom`, mode 0600), and says so.
 * A port already in use (or not allowed) is a clear error and exit 1 (`port-in-use`, `listen-failed`); the
 * "web app on ..." line is printed only once the server listens.
 * Link mails go to the SMTP relay of SIGMINE_SMTP_URL when it is set, else to files in the outbox.
 */
import { AppError } from '../errors.ts';
import { port } from './lib/numbers.ts';
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { DEFAULT_PUBLIC_URL, loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { jsonLogger } from '../log.ts';
import { resolveKeys } from '../key-admin/resolve.ts';
import { defaultTransportName, TRANSPORTS } from '../notices/transport.ts';
import { requireControllerDetails } from '../notices/controller.ts';
import { mailFrom } from '../mail-config.ts';
import { createApp, linkKeyFor } from '../web/app.ts';
import { linkKeyFromSecret } from '../web/links.ts';
import { createMailQueue } from '../web/mail-queue.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description(
      'run the web app: member area (/member), privacy center (/privacy), health (/healthz) and metrics (/metrics, with SIGMINE_METRICS_TOKEN)',
    )
    .option('--port <n>', 'port to listen on (0-65535)', port, 8787)
    .option('--host <h>', 'address to listen on', '127.0.0.1')
    .option(
      '--outbox <dir>',
      'where the file transport writes privacy-link mails (default SIGMINE_NOTICE_OUTBOX or ./data/outbox)',
    )
    .action(async (opts: { port: number; host: string; outbox?: string }) => {
      const config0 = loadConfig();
      const web = config0.web;
      const demo = config0.demo;
      // Before anything is opened: no key outside the demo is a refusal, not a fallback.
      if (!config0.secretKey && !demo) linkKeyFor({ config: config0 });
      // Real mail (sign-in and privacy links) goes out only when the controller and the officer are named.
      if (defaultTransportName(config0.mail.smtp) !== 'file')
        requireControllerDetails(config0.controller, 'serve');
      const database = await openDatabase(config0.database);
      // Links are signed and people hashed with the database's key: another key stops here too, before
      // the server listens (the demo gets its own recorded demo key).
      const { config: keyed, ring } = await resolveKeys(database.db, config0, { demo }).catch(
        async (err: unknown) => {
          await database.close();
          throw err;
        },
      );
      const config = onThisPort(keyed, opts.port);
      const linkKey = linkKeyFromSecret(ring.newest.key);
      const outbox = opts.outbox === undefined ? config.noticeOutbox : resolve(opts.outbox);
      const host = new URL(config.publicUrl).hostname || 'sigmine.local';
      const transportName = defaultTransportName(config.mail.smtp);
      const transport = TRANSPORTS[transportName]!({ outbox, host, smtp: config.mail.smtp });
      const mailsGoTo = config.mail.smtp ? `the relay ${config.mail.smtp.display}` : outbox;
      const logger = jsonLogger(process.stderr);
      const mailQueue = createMailQueue(logger);
      const app = createApp({
        database,
        config,
        transport,
        from: mailFrom(config.mail, config.publicUrl),
        demo,
        linkKey,
        web,
        logger,
        mailQueue,
      });
      const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host });
      await listening(server, opts.port, opts.host).catch(async (err: unknown) => {
        transport.close?.();
        await database.close();
        throw err;
      });
      console.log(
        `sigmine web app on http://${opts.host}:${opts.port} (privacy center: /privacy); link mails go to ${mailsGoTo}`,
      );
      if (!web.metricsToken)
        console.log('/metrics is off: set SIGMINE_METRICS_TOKEN to serve it (Authorization: Bearer <token>)');
      await new Promise<void>((done) => {
        const stop = () => server.close(() => done());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      // Link mails already promised to visitors go out before the database closes; retries still waiting
      // out a relay failure are dropped (logged): a link token is never kept on disk.
      await mailQueue.idle();
      mailQueue.close();
      transport.close?.();
      await database.close();
    });
}

/**
 * Without SIGMINE_PUBLIC_URL the public URL is this machine on the port served (`--port 9000`: links in
 * mails to http://localhost:9000, form posts from there accepted), not the default port where nothing may
 * listen. A URL that was set is kept as it is (a proxy or a port mapping may stand in front).
 */
function onThisPort(config: Readonly<Config>, port: number): Readonly<Config> {
  if (config.publicUrlSet || port === 0) return config;
  const url = new URL(DEFAULT_PUBLIC_URL);
  url.port = String(port);
  return Object.freeze({ ...config, publicUrl: url.origin });
}

/** Resolves once the server listens; a busy port or another listen error becomes an AppError saying what to do. */
async function listening(server: ReturnType<typeof serve>, port: number, host: string): Promise<void> {
  try {
    await new Promise<void>((ok, failed) => {
      server.once('listening', ok);
      server.once('error', failed);
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new AppError(
      e.code === 'EADDRINUSE' ? 'port-in-use' : 'listen-failed',
      e.code === 'EADDRINUSE'
        ? `port ${port} on ${host} is already in use: stop the other server or pick another --port`
        : `cannot listen on ${host}:${port}: ${e.message}`,
      { cause: err },
    );
  }
}
