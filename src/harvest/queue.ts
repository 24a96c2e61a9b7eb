/**
 * Harvest jobs on PostgreSQL with pg-boss@10 (an established Postgres-backed queue, not a hand-made one).
 *
 * - Queue `harvest` with the `stately` policy and `singletonKey = connectionId`: per connection at most one
 *   job waiting and one active. On top of that, a schedule skips connections that already have a job
 *   waiting or running (`enqueueHarvests`), so no job ever waits behind its own connection's running one.
 * - A job lives as long as its worker's lease: the worker takes it with an expiry of its lease TTL
 *   (`--expire`, default 60 s) and pushes that forward while it works (src/harvest/job-sql.ts). A worker
 *   that dies or hangs stops pushing; about one TTL later pg-boss' maintenance expires the job and another
 *   worker retries it, whatever expiry the enqueuer used.
 * - Interrupted is not done: a harvest that ended in error or lost its database is retried with backoff;
 *   one stopped by SIGTERM is handed back at once (src/harvest/worker-loop.ts, `jobDisposition`).
 * - A job whose contributor opted out (or whose connection needs reconnecting) after it was queued is
 *   dropped, not run: the worker re-reads the state when it takes the job.
 */
import { AppError } from '../errors.ts';
import PgBoss from 'pg-boss';
import { getConnection, listConnections } from '../connections/repository.ts';
import { jsonLogger, type Logger } from '../log.ts';
import { dbErrorClass } from '../db/db-errors.ts';
import { OutageLog } from '../db/outage-log.ts';
import { skipReason, type HarvestEnv } from './harvest-connection.ts';
import { runHarvest } from './run.ts';
import { busyConnections, type Finish, type JobTable } from './job-sql.ts';
import { backoffMs, sleep } from './backoff.ts';

export const HARVEST_QUEUE = 'harvest';

export interface HarvestJob {
  connectionId: string;
  /** ISO-8601 `--since`, when given. */
  since?: string;
  queuedAt: string;
}

export interface QueueSettings {
  /** pg-boss' own schema (default `pgboss`). */
  schema?: string;
  /** Expiry given to jobs this process queues (default DEFAULT_EXPIRE_SECONDS; workers reset it anyway). */
  expireInSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How often pg-boss looks for expired jobs (default 10 s: part of how fast a dead worker's job moves). */
  maintenanceIntervalSeconds?: number;
  /** Where queue errors go (default JSON lines on stderr); connection losses are logged once per outage. */
  logger?: Logger;
  outage?: OutageLog;
}

/**
 * A job's expiry and its worker's lease TTL (s): a job whose worker stopped renewing is retried about this
 * long after its last renewal. A minute: long enough that a live worker (renewing every quarter of it)
 * never loses a job to a slow query, short enough that a dead worker's mailbox is not left for long.
 */
export const DEFAULT_EXPIRE_SECONDS = 60;
/** Tries of one job before it fails (a harvest that fails 8 times waits for the next schedule). */
export const DEFAULT_RETRY_LIMIT = 8;
/** First retry after 5-10 s, doubling: 8 tries span about 20-40 minutes. */
export const DEFAULT_RETRY_DELAY_SECONDS = 5;

/** pg-boss plus what the worker needs to run its own statements on pg-boss' tables. */
export interface HarvestQueue {
  boss: PgBoss;
  jobs: JobTable;
  logger: Logger;
  outage: OutageLog;
  /**
   * Settings every job this process queues carries (expiry, retries), so that a queue created long ago with
   * other defaults does not decide them.
   */
  sendOptions: PgBoss.SendOptions;
  /** Stops pg-boss (maintenance) and closes its pool. */
  close(): Promise<void>;
}

/** Tries of a start-up that PostgreSQL aborted as a deadlock (workers starting together on a new database). */
const START_TRIES = 5;

/**
 * Starts pg-boss on `url` and makes sure the harvest queue exists. Workers that start together on a new
 * database race to create pg-boss' schema and the queue (its partition is attached to the job table that
 * another worker already reads): PostgreSQL may abort one as a deadlock, so a start-up that conflicted is
 * tried again on a fresh pg-boss. Whatever fails, nothing is left running: a failed start must let the
 * process exit rather than hang on an open pool.
 */
export async function openQueue(url: string, s: QueueSettings = {}): Promise<HarvestQueue> {
  const schema = s.schema ?? 'pgboss';
  if (!/^[a-z_][a-z0-9_]*$/i.test(schema))
    throw new AppError('config', `bad pg-boss schema name "${schema}"`);
  const logger = s.logger ?? jsonLogger(process.stderr);
  const outage = s.outage ?? new OutageLog(logger);
  for (let attempt = 1; ; attempt++) {
    const boss = newBoss(url, schema, s, logger, outage);
    try {
      await startBoss(boss, s);
      return queueOf(boss, schema, s, logger, outage);
    } catch (err) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      // stop() does nothing for a pg-boss whose start() failed, and its pool would keep the process alive.
      await (boss.getDb() as { close?: () => Promise<void> }).close?.().catch(() => {});
      if (dbErrorClass(err) !== 'conflict' || attempt >= START_TRIES) throw err;
      logger.log('warn', 'queue.start-retry', { attempt, code: (err as { code?: unknown }).code });
      await sleep(backoffMs(attempt, 200, 3000));
    }
  }
}

function newBoss(url: string, schema: string, s: QueueSettings, logger: Logger, outage: OutageLog): PgBoss {
  const boss = new PgBoss({
    connectionString: url,
    schema,
    max: 4,
    maintenanceIntervalSeconds: s.maintenanceIntervalSeconds ?? 10,
    // Schedules are ours (croner in `sigmine schedule`), not pg-boss' cron.
    schedule: false,
  });
  // pg-boss' pool re-emits a lost idle connection here, and its maintenance reports failed runs here: with
  // the database away that is every few seconds, so connection losses are logged once per outage.
  boss.on('error', (e: Error) => {
    if (dbErrorClass(e) === 'connection') outage.lost('queue', e);
    else logger.log('error', 'queue.error', { message: e.message });
  });
  boss.on('maintenance', () => outage.restored('queue'));
  return boss;
}

async function startBoss(boss: PgBoss, s: QueueSettings): Promise<void> {
  await boss.start();
  const existing = await boss.getQueue(HARVEST_QUEUE);
  if (!existing) {
    await boss.createQueue(HARVEST_QUEUE, {
      name: HARVEST_QUEUE,
      policy: 'stately',
      expireInSeconds: s.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
      retryLimit: s.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelay: s.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
      retryBackoff: true,
    });
  }
}

function queueOf(
  boss: PgBoss,
  schema: string,
  s: QueueSettings,
  logger: Logger,
  outage: OutageLog,
): HarvestQueue {
  return {
    boss,
    jobs: { exec: boss.getDb(), schema, queue: HARVEST_QUEUE },
    logger,
    outage,
    sendOptions: {
      expireInSeconds: s.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
      retryLimit: s.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelay: s.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
      retryBackoff: true,
    },
    close: () => boss.stop({ graceful: false, wait: true }),
  };
}

export interface EnqueueResult {
  queued: number;
  /** Connections whose job was already waiting. */
  alreadyQueued: number;
  /** Connections skipped because a job of theirs is running (logged one by one with how long). */
  running: number;
}

/**
 * Queues a job per harvestable connection, skipping those with a job waiting or running: a stuck
 * connection keeps its one job and never delays the others.
 */
export async function enqueueHarvests(
  q: Pick<HarvestQueue, 'boss' | 'jobs' | 'logger' | 'sendOptions'>,
  env: Pick<HarvestEnv, 'db'>,
  sel: { contributorEmail?: string; connectionId?: string; since?: Date } = {},
): Promise<EnqueueResult> {
  const conns = sel.connectionId
    ? [await getConnection(env.db, sel.connectionId)].filter((c) => c !== null)
    : await listConnections(env.db, { contributorEmail: sel.contributorEmail, harvestable: true });
  const busy = await busyConnections(q.jobs);
  const out: EnqueueResult = { queued: 0, alreadyQueued: 0, running: 0 };
  for (const c of conns) {
    if (skipReason(c)) continue;
    const b = busy.get(c.id);
    if (b?.state === 'active') {
      out.running++;
      q.logger.log('info', 'schedule.connection-busy', {
        connection: c.id,
        activeForSeconds: Math.round((Date.now() - b.since.getTime()) / 1000),
      });
      continue;
    }
    if (b) {
      out.alreadyQueued++;
      continue;
    }
    const data: HarvestJob = {
      connectionId: c.id,
      queuedAt: new Date().toISOString(),
      ...(sel.since ? { since: sel.since.toISOString() } : {}),
    };
    const id = await q.boss.send(HARVEST_QUEUE, data, { ...q.sendOptions, singletonKey: c.id });
    if (id) out.queued++;
    else out.alreadyQueued++;
  }
  return out;
}

/** What a worker did with one job. */
export type JobOutcome =
  | { action: 'dropped'; reason: string }
  | { action: 'ran'; status: string; code: string | null }
  /** The run itself threw (its database went away before it could record an outcome). */
  | { action: 'failed'; code: string; message: string };

/**
 * Handles one harvest job: dropped when its contributor opted out (or the connection cannot be harvested)
 * since it was queued; otherwise harvested and recorded.
 */
export async function handleJob(env: HarvestEnv, job: HarvestJob): Promise<JobOutcome> {
  const conn = await getConnection(env.db, job.connectionId);
  if (!conn) return { action: 'dropped', reason: 'not-found' };
  const why = skipReason(conn);
  if (why) {
    env.logger.log('info', 'harvest.job-dropped', { connection: job.connectionId, reason: why });
    return { action: 'dropped', reason: why };
  }
  const { results } = await runHarvest(env, [job.connectionId], {
    trigger: 'worker',
    concurrency: 1,
    ...(job.since ? { since: new Date(job.since) } : {}),
  });
  const r = results[0]!;
  return { action: 'ran', status: r.status, code: r.code };
}

/** Harvest errors that another try cannot fix: they wait for a person (reconnect, fix the config). */
const FINAL_ERRORS = new Set(['revoked', 'auth-expired', 'config', 'not-found']);

/**
 * What becomes of a job after a run (pure). Done: harvested to the end, dropped, or failed for a reason
 * only a person can fix. Retried with backoff: any other error (a lost database, a provider outage, a
 * lease still held elsewhere). Handed back at once: stopped by SIGTERM/SIGINT.
 */
export function jobDisposition(o: JobOutcome): Finish {
  if (o.action === 'dropped') return { kind: 'complete' };
  if (o.action === 'failed') return { kind: 'retry' };
  if (o.status === 'ok') return { kind: 'complete' };
  if (o.status === 'skipped') {
    if (o.code === 'stopped') return { kind: 'hand-back' };
    if (o.code === 'already-running') return { kind: 'retry' };
    return { kind: 'complete' };
  }
  return FINAL_ERRORS.has(o.code ?? '') ? { kind: 'complete' } : { kind: 'retry' };
}
