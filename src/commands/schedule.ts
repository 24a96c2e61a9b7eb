/**
 * `sigmine schedule [--cron EXPR] [--jitter SECONDS] [--now]`: harvests on a cron expression (croner;
 * default hourly) with a random delay up to `--jitter` seconds (default 300), until SIGINT/SIGTERM.
 * On SQLite the harvests run in this one process; on PostgreSQL the schedule queues one job per
 * harvestable connection for `sigmine worker`s instead. Opted-out contributors and connections that need
 * reconnecting are never harvested.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { Cron } from 'croner';
import { numberAtLeast } from './lib/numbers.ts';
import { loadConfig } from '../config.ts';
import { dialectOf, usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../key-admin/resolve.ts';
import { jsonLogger, noProgress } from '../log.ts';
import { OutageLog } from '../db/outage-log.ts';
import { holderId } from '../harvest/lease.ts';
import { runHarvest } from '../harvest/run.ts';
import { listConnections } from '../connections/repository.ts';
import { enqueueHarvests, openQueue } from '../harvest/queue.ts';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * A cron expression croner accepts, checked when the command is typed: a typo is then refused like any
 * other option (exit 1, `bad-input`), before the database is opened.
 */
function cronExpression(value: string): string {
  try {
    new Cron(value, { paused: true }).stop();
  } catch (err) {
    throw new InvalidArgumentError(
      `not a cron expression: ${(err as Error).message.replace(/^CronPattern: /, '')}`,
    );
  }
  return value;
}

export function register(program: Command): void {
  program
    .command('schedule')
    .description('harvest on a schedule until stopped (on PostgreSQL: queue jobs for workers)')
    .option('--cron <expr>', 'cron expression (5 or 6 fields)', cronExpression, '0 * * * *')
    .option(
      '--jitter <seconds>',
      'random delay before each run, spreading load on providers (0 or more)',
      numberAtLeast(0),
      300,
    )
    .option('--now', 'also run once right away')
    .action(async (opts: { cron: string; jitter: number; now?: boolean }) => {
      const config = loadConfig();
      const jitterMs = opts.jitter * 1000;
      const logger = jsonLogger(process.stderr);
      const pg = dialectOf(config.database) === 'postgres';
      const ac = new AbortController();
      const outage = new OutageLog(logger);
      await usingDatabase(
        config.database,
        async ({ db }) => {
          const keyed = (await resolveKeys(db, config)).config;
          const queue = pg ? await openQueue(config.database, { logger, outage }) : null;
          const holder = holderId();
          let running: Promise<void> | null = null;
          const tick = async (delay: boolean) => {
            if (running || ac.signal.aborted) {
              logger.log('warn', 'schedule.skip', {
                reason: running ? 'previous run still going' : 'stopping',
              });
              return;
            }
            running = (async () => {
              if (delay && jitterMs) await sleep(Math.floor(Math.random() * jitterMs), ac.signal);
              if (ac.signal.aborted) return;
              await runOnce(queue, db, keyed, logger, holder, ac.signal);
            })()
              .catch((e: Error) => logger.log('error', 'schedule.error', { message: e.message }))
              .finally(() => {
                running = null;
              });
            await running;
          };
          const job = new Cron(opts.cron, { protect: true }, () => tick(true));
          logger.log('info', 'schedule.started', {
            cron: opts.cron,
            jitterSeconds: jitterMs / 1000,
            next: job.nextRun()?.toISOString(),
            mode: pg ? 'queue' : 'in-process',
          });
          if (opts.now) void tick(false);
          await untilSignalled(job, ac, logger);
          if (running) await running;
          if (queue) await queue.close();
          logger.log('info', 'schedule.stopped', {});
        },
        {
          onConnectionLost: (e) => outage.lost('store', e),
          onConnectionRestored: () => outage.restored('store'),
        },
      );
    });
}

/** One scheduled run: on PostgreSQL, harvest jobs queued for the workers; otherwise a harvest in process. */
async function runOnce(
  queue: Awaited<ReturnType<typeof openQueue>> | null,
  db: Parameters<typeof enqueueHarvests>[1]['db'],
  config: Parameters<typeof runHarvest>[0]['config'],
  logger: ReturnType<typeof jsonLogger>,
  holder: string,
  signal: AbortSignal,
): Promise<void> {
  if (queue) {
    const r = await enqueueHarvests(queue, { db });
    logger.log('info', 'schedule.enqueued', { ...r });
    return;
  }
  const conns = await listConnections(db, { harvestable: true });
  const { summary } = await runHarvest(
    { db, config, logger, progress: noProgress, holder, signal },
    conns.map((c) => c.id),
    { trigger: 'schedule' },
  );
  logger.log('info', 'schedule.run', {
    ok: summary.ok,
    failed: summary.failed,
    skipped: summary.skipped,
  });
}

/** Resolves on SIGINT or SIGTERM, once the cron job is stopped and the run in flight told to stop. */
function untilSignalled(
  job: Cron,
  ac: AbortController,
  logger: ReturnType<typeof jsonLogger>,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      logger.log('info', 'schedule.stopping', {});
      job.stop();
      ac.abort();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
