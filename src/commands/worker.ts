/**
 * `sigmine worker [--concurrency N] [--expire SECONDS] [--poll SECONDS] [--stop-timeout SECONDS]`: takes
 * harvest jobs from the PostgreSQL queue (pg-boss) until SIGINT/SIGTERM. Any number of workers on any
 * number of machines may run; see src/harvest/queue.ts and src/harvest/worker-loop.ts for the guarantees
 * (one worker per connection, a dead worker's job taken over about `--expire` seconds after its last
 * heartbeat, database outages ridden out, a stopped worker's job handed back at once, opted-out jobs
 * dropped) and docs/operations.md for running them.
 */
import { AppError } from '../errors.ts';
import { numberAtLeast, positiveInteger } from './lib/numbers.ts';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { dialectOf, usingDatabase } from '../db/database.ts';
import { OutageLog } from '../db/outage-log.ts';
import { dbErrorClass } from '../db/db-errors.ts';
import { jsonLogger, noProgress } from '../log.ts';
import { holderId } from '../harvest/lease.ts';
import { DEFAULT_EXPIRE_SECONDS, openQueue } from '../harvest/queue.ts';
import { startWorkers } from '../harvest/worker-loop.ts';
import { resolveKeys } from '../key-admin/resolve.ts';

/** A stop that takes longer than this (a page stuck on a dead provider) ends the process anyway. */
const DEFAULT_STOP_TIMEOUT_SECONDS = 25;

export function register(program: Command): void {
  program
    .command('worker')
    .description('run harvest jobs from the PostgreSQL queue (pg-boss) until stopped')
    .option('--concurrency <n>', 'jobs this worker runs at once (1 or more)', positiveInteger, 2)
    .option(
      '--expire <seconds>',
      "job expiry and lease TTL: a dead or hung worker's job is retried elsewhere this long after its last heartbeat (2 or more)",
      numberAtLeast(2),
      DEFAULT_EXPIRE_SECONDS,
    )
    .option('--poll <seconds>', 'pause between looks at an empty queue (0.1 or more)', numberAtLeast(0.1), 2)
    .option(
      '--stop-timeout <seconds>',
      'on SIGTERM/SIGINT, exit after at most this long (1 or more)',
      numberAtLeast(1),
      DEFAULT_STOP_TIMEOUT_SECONDS,
    )
    .action(async (opts: { concurrency: number; expire: number; poll: number; stopTimeout: number }) => {
      const config = loadConfig();
      if (dialectOf(config.database) !== 'postgres') {
        throw new AppError(
          'config',
          'sigmine worker needs PostgreSQL (SIGMINE_DATABASE=postgres://...); on SQLite run `npx sigmine schedule`',
        );
      }
      const expire = opts.expire;
      const stopTimeoutMs = opts.stopTimeout * 1000;
      const logger = jsonLogger(process.stderr);
      const outage = new OutageLog(logger);
      // Last line of defence: a database error that some library left in a promise nobody awaits must not
      // end a worker (Node ends the process on an unhandled rejection). Anything else still does.
      process.on('unhandledRejection', (reason) => {
        if (dbErrorClass(reason) !== 'connection') throw reason;
        outage.lost('unhandled', reason);
      });
      await usingDatabase(
        config.database,
        async ({ db }) => {
          // No key, or another key than the database's: refuse before taking any job (exit 1).
          const keyed = (await resolveKeys(db, config)).config;
          // pg-boss' maintenance is what expires a dead worker's job: run it often enough for `--expire`.
          const q = await openQueue(config.database, {
            expireInSeconds: expire,
            maintenanceIntervalSeconds: Math.min(10, Math.max(1, Math.floor(expire / 4))),
            logger,
            outage,
          });
          const holder = holderId();
          const worker = startWorkers(
            q,
            { db, config: keyed, logger, progress: noProgress, holder },
            {
              concurrency: opts.concurrency,
              expireSeconds: expire,
              pollingIntervalSeconds: opts.poll,
            },
          );
          logger.log('info', 'worker.started', { holder, expireSeconds: expire });
          await untilSignalled(logger, holder, stopTimeoutMs);
          await worker.stop(); // harvests stop after their page, leases released, jobs handed back
          await q.close();
          logger.log('info', 'worker.stopped', { holder });
        },
        {
          onConnectionLost: (e) => outage.lost('store', e),
          onConnectionRestored: () => outage.restored('store'),
        },
      );
    });
}

/**
 * Waits for SIGINT or SIGTERM; from then on the stop has `stopTimeoutMs` before the process exits anyway
 * (the job left behind expires and is retried elsewhere).
 */
async function untilSignalled(logger: ReturnType<typeof jsonLogger>, holder: string, stopTimeoutMs: number) {
  await new Promise<void>((resolve) => {
    const stop = () => {
      logger.log('info', 'worker.stopping', { holder });
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const hard = setTimeout(() => {
    logger.log('warn', 'worker.stop-timeout', { holder, seconds: stopTimeoutMs / 1000 });
    process.exit(0);
  }, stopTimeoutMs);
  hard.unref();
}
