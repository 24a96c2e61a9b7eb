/**
 * `sigmine worker [--concurrency N]`: takes harvest jobs from the PostgreSQL queue (pg-boss) until
 * SIGINT/SIGTERM. Any number of workers on any number of machines may run; see src/harvest/queue.ts for
 * the guarantees (one worker per connection, dead workers' jobs released, opted-out jobs dropped).
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { dialectOf, usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../keys/resolve.ts';
import { jsonLogger, noProgress } from '../log.ts';
import { holderId } from '../harvest/lease.ts';
import { DEFAULT_EXPIRE_SECONDS, openQueue, startWorkers } from '../harvest/queue.ts';

export function register(program: Command): void {
  program
    .command('worker')
    .description('run harvest jobs from the PostgreSQL queue (pg-boss) until stopped')
    .option('--concurrency <n>', 'jobs this worker runs at once', '2')
    .option('--expire <seconds>', "release a dead worker's job after this long", String(DEFAULT_EXPIRE_SECONDS))
    .action(async (opts: { concurrency: string; expire: string }) => {
      const config = loadConfig();
      if (dialectOf(config.database) !== 'postgres') {
        throw Object.assign(
          new Error('sigmine worker needs PostgreSQL (SIGMINE_DATABASE=postgres://...); on SQLite run `sigmine schedule`'),
          { code: 'config' },
        );
      }
      const expire = Math.max(30, Number(opts.expire) || DEFAULT_EXPIRE_SECONDS);
      await usingDatabase(config.database, async ({ db }) => {
        const keyed = (await resolveKeys(db, config)).config;
        const boss = await openQueue(config.database, { expireInSeconds: expire });
        const ac = new AbortController();
        const logger = jsonLogger(process.stderr);
        const holder = holderId();
        await startWorkers(
          boss,
          // The lease lives a little shorter than the job, so a retried job is never blocked by a dead lease.
          { db, config: keyed, logger, progress: noProgress, holder, signal: ac.signal, leaseTtlMs: (expire - 10) * 1000 },
          {
            concurrency: Math.max(1, Number(opts.concurrency) || 2),
            onJob: (job, o) => logger.log('info', 'worker.job', { connection: job.connectionId, ...o }),
          },
        );
        logger.log('info', 'worker.started', { holder });
        await new Promise<void>((resolve) => {
          const stop = () => {
            logger.log('info', 'worker.stopping', { holder });
            ac.abort(); // harvests in flight stop after their current page
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
        logger.log('info', 'worker.stopped', { holder });
      });
    });
}
