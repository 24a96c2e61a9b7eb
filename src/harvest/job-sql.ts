/**
 * The few statements the harvest worker runs on pg-boss' job table itself, because pg-boss@10's own
 * `work()` loop cannot give what issue 15 asks of a worker:
 *
 * - take: pg-boss' fetch takes the oldest waiting job and, when that job's connection already has an
 *   active one, fails on the `stately` unique index and returns nothing, so one stuck connection stalls
 *   every other (and it swallows connection errors, so an outage looks like an empty queue). Ours skips
 *   connections with an active job, reports errors, and sets the job's expiry to the worker's lease TTL
 *   in the same statement, whatever expiry the enqueuer gave it.
 * - extend: the job's expiry follows the lease: the worker pushes it forward while it works, so a job
 *   whose holder died or hangs expires about one TTL after its last heartbeat, and pg-boss' maintenance
 *   (`failJobsByTimeout`) hands it to another worker.
 * - finish: complete, retry with backoff, or hand back at once (a graceful stop: not counted as a retry).
 *   pg-boss completes or fails by id alone; ours also matches `started_on`, the moment this worker took the
 *   job, so a worker that lost its job (expired and taken by another) can never complete or fail the
 *   other worker's run of it.
 *
 * Written for pg-boss 10.x's schema (package.json pins 10.4.2): columns `state`, `started_on`, `expire_in`,
 * `retry_count`, `retry_limit`, `retry_delay`, `retry_backoff`, `singleton_key`, `start_after`,
 * `completed_on`, `output`. The backoff formula is pg-boss' own (plans.js `failJobs`).
 */

/** The slice of pg-boss' `Db` these statements use. */
export interface SqlExec {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] } | undefined>;
}

export interface JobTable {
  exec: SqlExec;
  /** pg-boss' schema (validated identifier). */
  schema: string;
  queue: string;
}

/** A job this worker took: `started` (the exact `started_on`, as text) fences every later statement. */
export interface TakenJob<T> {
  id: string;
  data: T;
  retryCount: number;
  started: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Takes the oldest job that may start, of a connection (singleton key) with no active job, and gives it
 * `ttlSeconds` to live. Null when there is none, or when another worker won the race for it.
 */
export async function takeJob<T>(t: JobTable, ttlSeconds: number): Promise<TakenJob<T> | null> {
  const s = t.schema;
  try {
    const r = await t.exec.executeSql(
      `WITH next AS (
         SELECT j.id FROM ${s}.job j
         WHERE j.name = $1 AND j.state < 'active' AND j.start_after < now()
           AND NOT EXISTS (
             SELECT 1 FROM ${s}.job a
             WHERE a.name = $1 AND a.state = 'active' AND a.singleton_key = j.singleton_key)
         ORDER BY j.priority DESC, j.created_on, j.id
         LIMIT 1
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ${s}.job j SET
         state = 'active',
         started_on = now(),
         retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END,
         expire_in = make_interval(secs => $2)
       FROM next
       WHERE j.name = $1 AND j.id = next.id
       RETURNING j.id, j.data, j.retry_count AS "retryCount", j.started_on::text AS started`,
      [t.queue, ttlSeconds],
    );
    const row = r?.rows[0];
    return row
      ? { id: row.id, data: row.data as T, retryCount: Number(row.retryCount), started: row.started }
      : null;
  } catch (err) {
    // Two workers took two waiting jobs of one connection at once: the stately index lets one through.
    if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) return null;
    throw err;
  }
}

const MINE = `name = $1 AND id = $2 AND state = 'active' AND started_on = $3::timestamptz`;

/** Pushes the job's expiry to `ttlSeconds` from now. False when the job is no longer this worker's. */
export async function extendJob(t: JobTable, job: TakenJob<unknown>, ttlSeconds: number): Promise<boolean> {
  const r = await t.exec.executeSql(
    `UPDATE ${t.schema}.job SET expire_in = (now() - started_on) + make_interval(secs => $4)
     WHERE ${MINE} RETURNING 1`,
    [t.queue, job.id, job.started, ttlSeconds],
  );
  return (r?.rows.length ?? 0) > 0;
}

export type Finish =
  | { kind: 'complete' }
  /** Run it again after a backoff; counted against the job's retry limit (then it fails). */
  | { kind: 'retry' }
  /** Run it again now, on any worker, without counting a retry (this worker is stopping). */
  | { kind: 'hand-back' };

/** Ends this worker's run of the job. False when the job is no longer this worker's (nothing changed). */
export async function finishJob(
  t: JobTable,
  job: TakenJob<unknown>,
  f: Finish,
  output: unknown,
): Promise<boolean> {
  const s = t.schema;
  const values = [t.queue, job.id, job.started, JSON.stringify(output ?? null)];
  const complete = `UPDATE ${s}.job SET state = 'completed', completed_on = now(), output = $4::jsonb WHERE ${MINE} RETURNING 1`;
  const sqlFor: Record<Finish['kind'], string> = {
    complete,
    retry: `UPDATE ${s}.job SET
        state = CASE WHEN retry_count < retry_limit THEN 'retry' ELSE 'failed' END::${s}.job_state,
        completed_on = CASE WHEN retry_count < retry_limit THEN NULL ELSE now() END,
        start_after = CASE
          WHEN retry_count >= retry_limit THEN start_after
          WHEN NOT retry_backoff THEN now() + retry_delay * interval '1 second'
          ELSE now() + (retry_delay * 2 ^ LEAST(16, retry_count + 1) / 2
                        + retry_delay * 2 ^ LEAST(16, retry_count + 1) / 2 * random()) * interval '1 second'
          END,
        output = $4::jsonb
      WHERE ${MINE} RETURNING 1`,
    'hand-back': `UPDATE ${s}.job SET state = 'retry', start_after = now(), started_on = NULL, output = $4::jsonb
      WHERE ${MINE} RETURNING 1`,
  };
  try {
    const r = await t.exec.executeSql(sqlFor[f.kind], values);
    return (r?.rows.length ?? 0) > 0;
  } catch (err) {
    // Another job of the same connection already waits in 'retry' (the stately index allows one): it will
    // do the work, so this run is simply complete.
    if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION || f.kind === 'complete') throw err;
    const r = await t.exec.executeSql(complete, values);
    return (r?.rows.length ?? 0) > 0;
  }
}

/** Connections with a job waiting (`created`, `retry`) or running (`active`), and since when. */
export async function busyConnections(
  t: JobTable,
): Promise<Map<string, { state: 'waiting' | 'active'; since: Date }>> {
  const r = await t.exec.executeSql(
    `SELECT singleton_key AS key, state::text AS state, COALESCE(started_on, created_on) AS since
     FROM ${t.schema}.job WHERE name = $1 AND state <= 'active' AND singleton_key IS NOT NULL`,
    [t.queue],
  );
  const out = new Map<string, { state: 'waiting' | 'active'; since: Date }>();
  for (const row of r?.rows ?? []) {
    const state = row.state === 'active' ? 'active' : 'waiting';
    if (state === 'active' || !out.has(row.key)) out.set(row.key, { state, since: new Date(row.since) });
  }
  return out;
}
