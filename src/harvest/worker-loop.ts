/**
 * The loop of `sigmine worker`: take a harvest job, run it while keeping job and lease alive, decide what
 * becomes of it, repeat. It replaces pg-boss' `work()` loop, which completes or fails a job without
 * awaiting the statement (with the database away, an unhandled rejection that ends the process), cannot
 * hand a job back, and stalls behind one stuck connection (src/harvest/job-sql.ts).
 *
 * Faults, and what the loop does:
 * - The database goes away (restart, failover, `pg_terminate_backend`): taking jobs fails; the loop logs
 *   the outage once and tries again with backoff and jitter (0.5 s doubling to 15 s) until it is back. The
 *   page in flight is retried by the harvest (src/harvest/harvest-connection.ts); if the outage outlasts
 *   that, the harvest ends `db-unavailable` and the job is retried with backoff. If even that cannot be
 *   written, the job's expiry (no more heartbeats) hands it over.
 * - This worker dies or hangs: its heartbeats stop; the job expires one TTL later and another worker
 *   continues from the last stored page.
 * - This worker loses its job (it was cut off longer than the TTL and another worker took the job): the
 *   heartbeat notices, the harvest stops after its page, and nothing is written to the job.
 * - SIGTERM/SIGINT (`stop()`): no more jobs are taken; harvests stop after their page (a page retry's
 *   wait is cut short); each lease is released and each job handed back at once, not counted as a retry.
 */
import type { HarvestEnv } from './harvest-connection.ts';
import { dbErrorClass, DB_UNAVAILABLE } from '../db/db-errors.ts';
import { anySignal, backoffMs, sleep } from './backoff.ts';
import { extendJob, finishJob, takeJob, type Finish, type TakenJob } from './job-sql.ts';
import {
  DEFAULT_EXPIRE_SECONDS,
  handleJob,
  jobDisposition,
  type HarvestJob,
  type HarvestQueue,
  type JobOutcome,
} from './queue.ts';

export interface WorkerOptions {
  /** Jobs run at once (default 1). */
  concurrency?: number;
  /** Job expiry and lease TTL, seconds (default DEFAULT_EXPIRE_SECONDS). */
  expireSeconds?: number;
  /** Pause between looks at an empty queue (default 2 s). */
  pollingIntervalSeconds?: number;
  onJob?: (job: HarvestJob, o: JobOutcome, finish: Finish) => void;
}

/** Waits after failures to take a job: 0.5 s doubling to 15 s, with jitter. */
const TAKE_BACKOFF = { baseMs: 500, capMs: 15_000 } as const;
/** Tries to record a job's end while the database is away (~15 s); then the job's expiry takes over. */
const FINISH_TRIES = 5;

export class HarvestWorker {
  readonly #stopping = new AbortController();
  readonly #loops: Promise<void>[] = [];
  readonly #expire: number;

  constructor(
    private readonly q: HarvestQueue,
    private readonly env: HarvestEnv,
    private readonly opts: WorkerOptions = {},
  ) {
    this.#expire = Math.max(1, opts.expireSeconds ?? DEFAULT_EXPIRE_SECONDS);
  }

  start(): void {
    for (let i = 0; i < Math.max(1, this.opts.concurrency ?? 1); i++) this.#loops.push(this.#loop());
  }

  /** Stops taking jobs, stops the running harvests after their page, hands their jobs back; resolves when done. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await Promise.all(this.#loops);
  }

  async #loop(): Promise<void> {
    const stop = this.#stopping.signal;
    let failures = 0;
    while (!stop.aborted) {
      let job: TakenJob<HarvestJob> | null;
      try {
        job = await takeJob<HarvestJob>(this.q.jobs, this.#expire);
        this.q.outage.restored('queue');
        failures = 0;
      } catch (err) {
        failures++;
        if (dbErrorClass(err) === 'connection') this.q.outage.lost('queue', err);
        else this.q.logger.log('error', 'worker.take-error', { message: (err as Error).message, failures });
        await sleep(backoffMs(failures, TAKE_BACKOFF.baseMs, TAKE_BACKOFF.capMs), stop);
        continue;
      }
      if (!job) {
        await sleep((this.opts.pollingIntervalSeconds ?? 2) * 1000, stop);
        continue;
      }
      await this.#run(job);
    }
  }

  async #run(job: TakenJob<HarvestJob>): Promise<void> {
    const lost = new AbortController();
    const signal = anySignal([this.#stopping.signal, lost.signal]);
    const ttlMs = this.#expire * 1000;
    const heartbeat = setInterval(
      () => {
        extendJob(this.q.jobs, job, this.#expire).then(
          (mine) => {
            if (mine || lost.signal.aborted) return;
            this.q.logger.log('warn', 'worker.job-lost', { connection: job.data.connectionId, job: job.id });
            lost.abort();
          },
          () => {}, // the database is away: logged by the pools; the job's expiry decides if it lasts too long
        );
      },
      Math.max(250, Math.floor(ttlMs / 4)),
    );
    heartbeat.unref();
    let outcome: JobOutcome;
    try {
      outcome = await handleJob({ ...this.env, signal, leaseTtlMs: ttlMs }, job.data);
    } catch (err) {
      const code =
        dbErrorClass(err) === 'connection'
          ? DB_UNAVAILABLE
          : String((err as { code?: unknown }).code ?? 'internal');
      outcome = { action: 'failed', code, message: (err as Error).message };
    } finally {
      clearInterval(heartbeat);
    }
    const finish = jobDisposition(outcome);
    this.opts.onJob?.(job.data, outcome, finish);
    this.q.logger.log(finish.kind === 'complete' ? 'info' : 'warn', 'worker.job', {
      connection: job.data.connectionId,
      job: job.id,
      retryCount: job.retryCount,
      ...outcome,
      next: lost.signal.aborted ? 'taken-over' : finish.kind,
    });
    if (lost.signal.aborted) return; // another worker has it now: its run, not ours, decides
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await finishJob(this.q.jobs, job, finish, outcome))) {
          this.q.logger.log('warn', 'worker.job-lost', { connection: job.data.connectionId, job: job.id });
        }
        return;
      } catch (err) {
        if (dbErrorClass(err) !== 'connection' || attempt >= FINISH_TRIES) {
          this.q.logger.log('error', 'worker.finish-error', {
            connection: job.data.connectionId,
            job: job.id,
            message: (err as Error).message,
          });
          return; // no more heartbeats: the job expires and is retried elsewhere
        }
        this.q.outage.lost('queue', err);
        await sleep(backoffMs(attempt, 1000, 8000));
      }
    }
  }
}

/** Starts a worker taking harvest jobs, `concurrency` at a time; `stop()` it to end gracefully. */
export function startWorkers(q: HarvestQueue, env: HarvestEnv, opts: WorkerOptions = {}): HarvestWorker {
  const w = new HarvestWorker(q, env, opts);
  w.start();
  return w;
}
