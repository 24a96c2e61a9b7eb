/**
 * A harvest run over a selection of connections (all, one, or one contributor's), a few at a time.
 * Each connection's outcome is data; the run records them (`harvest_runs`, `harvest_outcomes`: counters
 * only) unless it is a dry run, which stores nothing.
 */
import { randomUUID } from 'node:crypto';
import { listConnections, getConnection, type ConnectionSummary } from '../connections/repository.ts';
import { harvestConnection, type HarvestEnv, type HarvestOptions } from './harvest-connection.ts';
import { HarvestThreads, harvestThreads, threadsWanted } from './parallel.ts';
import { addHarvestCounts, emptyHarvestCounts, type ConnectionResult, type HarvestSummary } from './types.ts';

export interface Selection {
  all?: boolean;
  connectionId?: string;
  contributorEmail?: string;
}

export interface RunOptions extends HarvestOptions {
  trigger?: 'cli' | 'schedule' | 'worker' | 'demo';
  /** Connections harvested at once (default 4): they wait on different providers' quotas. */
  concurrency?: number;
  /**
   * Spread the connections over worker threads (src/harvest/parallel.ts), each with its own SQLite handle.
   * Default on (SIGMINE_HARVEST_THREADS=0 turns it off) for a SQLite file database, more than one
   * connection and more than one core.
   */
  threads?: boolean;
}

export interface RunOutcome {
  runId: string;
  results: ConnectionResult[];
  summary: HarvestSummary;
}

/** The connections a selection names, in a stable order (opted-out and broken ones included: they get a skip result). */
export async function selectConnections(
  env: Pick<HarvestEnv, 'db'>,
  sel: Selection,
): Promise<ConnectionSummary[]> {
  if (sel.connectionId) {
    const c = await getConnection(env.db, sel.connectionId);
    return c ? [c] : [];
  }
  if (sel.contributorEmail) return listConnections(env.db, { contributorEmail: sel.contributorEmail });
  return listConnections(env.db);
}

export function summarise(results: ConnectionResult[], dryRun: boolean): HarvestSummary {
  const counts = emptyHarvestCounts();
  for (const r of results) addHarvestCounts(counts, r.counts);
  return {
    connections: results.length,
    ok: results.filter((r) => r.status === 'ok').length,
    failed: results.filter((r) => r.status === 'error').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    dryRun,
    counts,
  };
}

export async function runHarvest(env: HarvestEnv, ids: string[], opts: RunOptions = {}): Promise<RunOutcome> {
  const runId = randomUUID();
  const dry = opts.dryRun === true;
  const startedAt = new Date().toISOString();
  if (!dry) {
    await env.db
      .insertInto('harvest_runs')
      .values({
        id: runId,
        trigger: opts.trigger ?? 'cli',
        dry_run: 0,
        started_at: startedAt,
        finished_at: null,
        summary_json: null,
      })
      .execute();
  }
  const results: ConnectionResult[] = new Array(ids.length);
  const width = Math.max(1, Math.min(opts.concurrency ?? 4, ids.length));
  const nThreads =
    (opts.threads ?? threadsWanted(env.config)) ? await harvestThreads(env, ids.length, width, dry) : 0;
  const pool = nThreads > 0 && !env.signal?.aborted ? await HarvestThreads.start(env, nThreads) : null;
  const { threads: _threads, concurrency: _concurrency, trigger: _trigger, ...harvestOpts } = opts;
  const harvestOne = async (id: string): Promise<ConnectionResult> => {
    if (!pool) return harvestConnection(env, id, opts);
    const c = await getConnection(env.db, id);
    return pool.harvest(id, c?.account ?? id, harvestOpts);
  };
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i]!;
      const t0 = new Date().toISOString();
      const r = env.signal?.aborted
        ? {
            connectionId: id,
            kind: '',
            contributor: '',
            status: 'skipped' as const,
            code: 'stopped',
            counts: emptyHarvestCounts(),
            durationMs: 0,
          }
        : await harvestOne(id);
      results[i] = r;
      if (!dry) {
        await env.db
          .insertInto('harvest_outcomes')
          .values({
            run_id: runId,
            connection_id: id,
            status: r.status,
            code: r.code,
            started_at: t0,
            finished_at: new Date().toISOString(),
            counts_json: JSON.stringify(r.counts),
          })
          .execute();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: width }, worker));
  } finally {
    await pool?.close();
  }
  const summary = summarise(results, dry);
  if (!dry) {
    await env.db
      .updateTable('harvest_runs')
      .set({ finished_at: new Date().toISOString(), summary_json: JSON.stringify(summary) })
      .where('id', '=', runId)
      .execute();
  }
  env.progress.stop();
  env.logger.log('info', 'harvest.summary', { runId, ...summary });
  return { runId, results, summary };
}
