/**
 * Harvest jobs on PostgreSQL with pg-boss@10 (an established Postgres-backed queue, not a hand-made one).
 *
 * - Queue `harvest` with the `stately` policy and `singletonKey = connectionId`: per connection at most one
 *   job waiting and one active, so a connection is harvested by at most one worker at a time, and a
 *   schedule that fires while a job is still queued adds nothing (pg-boss returns null).
 * - `expireInSeconds`: a worker that dies (kill -9, lost machine) leaves its job `active`; pg-boss'
 *   maintenance expires it after this timeout and retries it (`retryLimit`) on another worker. The harvest
 *   lease row uses the same TTL, so the retry is not blocked by the dead worker's lease for longer.
 * - A job whose contributor opted out (or whose connection needs reconnecting) after it was queued is
 *   dropped, not run: the worker re-reads the state when it takes the job.
 */
import PgBoss from 'pg-boss';
import { getConnection, listConnections } from '../connections/repository.ts';
import { skipReason, type HarvestEnv } from './harvest-connection.ts';
import { runHarvest } from './run.ts';

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
  /** A dead worker's job is released after this long (default 15 minutes). */
  expireInSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How often pg-boss looks for expired jobs (default 60 s). */
  maintenanceIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
}

export const DEFAULT_EXPIRE_SECONDS = 15 * 60;

/** Starts pg-boss on `url` and makes sure the harvest queue exists. */
export async function openQueue(url: string, s: QueueSettings = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: s.schema ?? 'pgboss',
    max: 4,
    maintenanceIntervalSeconds: s.maintenanceIntervalSeconds ?? 60,
    // Schedules are ours (croner in `sigmine schedule`), not pg-boss' cron.
    schedule: false,
  });
  boss.on('error', (e) => process.stderr.write(`${JSON.stringify({ level: 'error', event: 'queue.error', message: e.message })}\n`));
  await boss.start();
  const existing = await boss.getQueue(HARVEST_QUEUE);
  if (!existing) {
    await boss.createQueue(HARVEST_QUEUE, {
      name: HARVEST_QUEUE,
      policy: 'stately',
      expireInSeconds: s.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
      retryLimit: s.retryLimit ?? 3,
      retryDelay: s.retryDelaySeconds ?? 30,
      retryBackoff: true,
    });
  }
  return boss;
}

/** Queues a job per harvestable connection. Returns how many were queued and how many were already waiting. */
export async function enqueueHarvests(
  boss: PgBoss,
  env: Pick<HarvestEnv, 'db'>,
  sel: { contributorEmail?: string; connectionId?: string; since?: Date } = {},
): Promise<{ queued: number; alreadyQueued: number }> {
  const conns = sel.connectionId
    ? [await getConnection(env.db, sel.connectionId)].filter((c) => c !== null)
    : await listConnections(env.db, { contributorEmail: sel.contributorEmail, harvestable: true });
  let queued = 0;
  let alreadyQueued = 0;
  for (const c of conns) {
    if (skipReason(c)) continue;
    const data: HarvestJob = { connectionId: c.id, queuedAt: new Date().toISOString(), ...(sel.since ? { since: sel.since.toISOString() } : {}) };
    const id = await boss.send(HARVEST_QUEUE, data, { singletonKey: c.id });
    if (id) queued++;
    else alreadyQueued++;
  }
  return { queued, alreadyQueued };
}

export class LeaseBusy extends Error {
  constructor(connectionId: string) {
    super(`connection ${connectionId} is being harvested elsewhere`);
    this.name = 'LeaseBusy';
  }
}

/** What a worker did with one job. */
export type JobOutcome = { action: 'dropped'; reason: string } | { action: 'ran'; status: string; code: string | null };

/**
 * Handles one harvest job: dropped when its contributor opted out (or the connection cannot be harvested)
 * since it was queued; otherwise harvested and recorded. A lease still held elsewhere throws, so pg-boss
 * retries the job later.
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
  if (r.status === 'skipped' && r.code === 'already-running') throw new LeaseBusy(job.connectionId);
  return { action: 'ran', status: r.status, code: r.code };
}

/** Starts `concurrency` pg-boss work loops taking one harvest job at a time each. */
export async function startWorkers(
  boss: PgBoss,
  env: HarvestEnv,
  opts: { concurrency?: number; pollingIntervalSeconds?: number; onJob?: (job: HarvestJob, o: JobOutcome) => void } = {},
): Promise<void> {
  for (let i = 0; i < Math.max(1, opts.concurrency ?? 1); i++) {
    await boss.work<HarvestJob>(
      HARVEST_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        if (!job) return;
        const o = await handleJob(env, job.data);
        opts.onJob?.(job.data, o);
        return o;
      },
    );
  }
}

