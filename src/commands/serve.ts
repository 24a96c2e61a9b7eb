/** `sigmine serve [--port N] [--host H]`: the privacy center and the operations endpoints. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { resolveKeys } from '../keys/resolve.ts';
import { TRANSPORTS } from '../notices/transport.ts';
import { createApp } from '../web/app.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('run the web app: member area (/member), privacy center (/privacy), health (/healthz) and metrics (/metrics)')
    .option('--port <n>', 'port to listen on', '8787')
    .option('--host <h>', 'address to listen on', '127.0.0.1')
    .option('--outbox <dir>', 'where the file transport writes privacy-link mails (default SIGMINE_NOTICE_OUTBOX or ./data/outbox)')
    .action(async (opts: { port: string; host: string; outbox?: string }) => {
      const demo = process.env.SIGMINE_DEMO === '1';
      const database = await openDatabase(loadConfig().database);
      // Links are signed and people hashed with the database's key: no key (outside the demo) or another
      // key stops here, before the server listens.
      const config = await resolveKeys(database.db, loadConfig(), { demo }).then(
        (k) => k.config,
        async (err: unknown) => {
          await database.close();
          throw err;
        },
      );
      const outbox = resolve(opts.outbox ?? process.env.SIGMINE_NOTICE_OUTBOX ?? resolve('data', 'outbox'));
      const transport = TRANSPORTS.file!({ outbox });
      const app = createApp({ database, config, transport, from: process.env.SIGMINE_NOTICE_FROM, demo });
      const server = serve({ fetch: app.fetch, port: Number(opts.port), hostname: opts.host });
      console.log(`sigmine web app on http://${opts.host}:${opts.port} (privacy center: /privacy); link mails go to ${outbox}`);
      await new Promise<void>((done) => {
        const stop = () => server.close(() => done());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await database.close();
    });
}
