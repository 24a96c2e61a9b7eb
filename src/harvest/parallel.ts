/**
 * Harvest threads (default on; `runHarvest(..., { threads: false })` or SIGMINE_HARVEST_THREADS=0 turns them
 * off, =N caps them): when a run harvests more than one connection on a SQLite file database and the
 * machine has more than one core, `runHarvest` hands each connection to one of N worker threads
 * (node:worker_threads), each with its own database handle, so the Gmail client path, the pipeline and
 * the store of different connections can use different cores.
 *
 * Measured (bench:harvest, 2 shared cores, 10 mailboxes): x 5,000 messages, one thread 235.7 msg/s at
 * 4.07 ms CPU per message, two threads 283.4 msg/s (+20%) at 4.01 ms; x 1,500 messages, one thread
 * 367.6 msg/s at 1.94 ms, two threads 354.6 msg/s at 2.82 ms (worker start-up and cache misses weigh
 * more on short runs). On SQLite the threads' page transactions serialise on the one write lock and each
 * commit drops the other handle's page cache, so the gain is bounded; on PostgreSQL run more processes
 * (`sigmine worker`).
 *
 * - Connections of one account always go to the same thread (stable hash of the account), so they share
 *   that thread's per-user quota limiter as they would in one process.
 * - Every transaction in a worker starts with `BEGIN IMMEDIATE`: a page transaction reads then writes, and
 *   a deferred one could fail with SQLITE_BUSY_SNAPSHOT when another thread committed in between; with
 *   IMMEDIATE the writer waits (busy_timeout 5 s) for the other thread's short page transaction instead.
 * - Logs and progress go back to the main thread's logger and progress; an abort of the run's signal
 *   reaches every worker (each stops after its page in flight).
 * - Never used for PostgreSQL, in-memory SQLite, a handle that is not the configured database file, dry
 *   runs (previews stay in one process), or injected connector factories (tests).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { setMaxListeners } from 'node:events';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Level } from '../log.ts';
import { emptyHarvestCounts, type ConnectionResult } from './types.ts';
import type { HarvestEnv, HarvestOptions } from './harvest-connection.ts';

const MARK = 'sigmine-harvest-thread';

type ToWorker =
  { type: 'harvest'; req: number; id: string; opts: HarvestOptions } | { type: 'abort' } | { type: 'close' };
type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; req: number; result: ConnectionResult }
  | { type: 'log'; level: Level; event: string; fields?: Record<string, unknown> }
  | { type: 'progress'; key: string; patch: Record<string, unknown> }
  | { type: 'progress-stop' };

interface WorkerInit {
  mark: typeof MARK;
  config: Readonly<Config>;
  holder: string;
  leaseTtlMs?: number;
  demo?: boolean;
}

/** Harvest threads are on unless SIGMINE_HARVEST_THREADS (`Config.harvestThreads`) is 0 or 1. */
export function threadsWanted(config: Pick<Config, 'harvestThreads'>): boolean {
  const v = config.harvestThreads;
  return v === null || v === undefined || v >= 2;
}

/**
 * How many harvest threads this run should use (0: harvest in this thread). Threads open the database
 * named by the configuration, so they are only used when `env.db` IS that SQLite file (tests and tools
 * may hand in another handle).
 */
export async function harvestThreads(
  env: HarvestEnv,
  connections: number,
  concurrency: number,
  dryRun: boolean,
): Promise<number> {
  if (dryRun || env.factoryFor || connections < 2 || concurrency < 2) return 0;
  const url = env.config.database;
  if (/^postgres(ql)?:\/\//i.test(url)) return 0;
  const cap = env.config.harvestThreads ?? availableParallelism();
  const n = Math.min(
    Number.isFinite(cap) ? Math.floor(cap) : 0,
    availableParallelism(),
    connections,
    concurrency,
  );
  if (n < 2) return 0;
  try {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(env.db);
    const file = rows.find((r) => r.name === 'main')?.file;
    return file && resolve(file) === resolve(url.replace(/^sqlite:/i, '')) ? n : 0;
  } catch {
    return 0;
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A pool of harvest threads; `harvest(id, account)` runs `harvestConnection` in the account's thread. */
export class HarvestThreads {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (r: ConnectionResult) => void; reject: (e: Error) => void }
  >();
  private req = 0;
  private readonly onAbort = () => {
    for (const w of this.workers) w.postMessage({ type: 'abort' } satisfies ToWorker);
  };

  private constructor(private readonly env: HarvestEnv) {}

  static async start(env: HarvestEnv, n: number): Promise<HarvestThreads> {
    const pool = new HarvestThreads(env);
    const file = fileURLToPath(import.meta.url);
    // From sources (tests, bin/run-ts.js) a worker registers tsx before loading us; dist/ needs no loader.
    const boot = file.endsWith('.ts')
      ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`
      : `import(${JSON.stringify(import.meta.url)});`;
    const init: WorkerInit = {
      mark: MARK,
      config: env.config,
      holder: env.holder,
      leaseTtlMs: env.leaseTtlMs,
      demo: env.demo,
    };
    try {
      await Promise.all(
        Array.from({ length: n }, async () => {
          const w = new Worker(boot, { eval: true, workerData: init });
          pool.workers.push(w);
          await new Promise<void>((resolve, reject) => {
            const first = (m: FromWorker) => {
              w.off('message', first);
              if (m.type === 'ready') resolve();
              else reject(new Error(m.type === 'failed' ? m.message : 'harvest thread did not start'));
            };
            w.on('message', first);
            w.once('error', reject);
          });
          w.on('message', (m: FromWorker) => pool.receive(m));
          w.on('error', (err) => pool.failAll(err));
          w.on('exit', () => pool.failAll(new Error('harvest thread exited')));
        }),
      );
    } catch (err) {
      await pool.close();
      throw err;
    }
    env.signal?.addEventListener('abort', pool.onAbort, { once: true });
    if (env.signal?.aborted) pool.onAbort();
    return pool;
  }

  harvest(id: string, account: string, opts: HarvestOptions): Promise<ConnectionResult> {
    const req = ++this.req;
    const w = this.workers[hash(account.toLowerCase()) % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      w.postMessage({ type: 'harvest', req, id, opts } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    this.env.signal?.removeEventListener('abort', this.onAbort);
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.removeAllListeners('exit');
            w.removeAllListeners('error');
            w.once('exit', () => resolve());
            w.postMessage({ type: 'close' } satisfies ToWorker);
          }),
      ),
    );
  }

  private receive(m: FromWorker): void {
    if (m.type === 'result') {
      const p = this.pending.get(m.req);
      this.pending.delete(m.req);
      p?.resolve(m.result);
    } else if (m.type === 'log') this.env.logger.log(m.level, m.event, m.fields);
    else if (m.type === 'progress') this.env.progress.update(m.key, m.patch);
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/** The worker side: one database handle, harvests what the main thread asks, one result per request. */
async function serve(init: WorkerInit): Promise<void> {
  const port = parentPort!;
  const send = (m: FromWorker) => port.postMessage(m);
  try {
    const { CompiledQuery, SqliteDriver } = await import('kysely');
    // This thread's Kysely copy only: see the header (BEGIN IMMEDIATE between threads).
    SqliteDriver.prototype.beginTransaction = async function (connection) {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    const { openDatabase } = await import('../db/database.ts');
    const { harvestConnection } = await import('./harvest-connection.ts');
    const d = await openDatabase(init.config.database, { migrate: false });
    const abort = new AbortController();
    // Every connection in flight here listens on it (connectors, sleeps).
    setMaxListeners(0, abort.signal);
    const env: HarvestEnv = {
      db: d.db,
      config: init.config,
      holder: init.holder,
      leaseTtlMs: init.leaseTtlMs,
      demo: init.demo,
      signal: abort.signal,
      logger: { log: (level, event, fields) => send({ type: 'log', level, event, fields }) },
      progress: {
        update: (key, patch) => send({ type: 'progress', key, patch }),
        stop: () => {},
      },
    };
    let running = 0;
    let closing = false;
    const finish = async () => {
      await d.close();
      port.close();
    };
    port.on('message', (m: ToWorker) => {
      if (m.type === 'abort') abort.abort();
      else if (m.type === 'close') {
        closing = true;
        if (running === 0) void finish();
      } else if (m.type === 'harvest') {
        running++;
        void harvestConnection(env, m.id, m.opts)
          .then(
            (result) => send({ type: 'result', req: m.req, result }),
            (err: unknown) =>
              send({
                type: 'result',
                req: m.req,
                result: {
                  connectionId: m.id,
                  kind: '',
                  contributor: '',
                  status: 'error',
                  code: 'internal',
                  message: err instanceof Error ? err.message : String(err),
                  counts: emptyHarvestCounts(),
                  durationMs: 0,
                } satisfies ConnectionResult,
              }),
          )
          .finally(() => {
            running--;
            if (closing && running === 0) void finish();
          });
      }
    });
    send({ type: 'ready' });
  } catch (err) {
    send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

if (!isMainThread && (workerData as WorkerInit | null)?.mark === MARK) await serve(workerData as WorkerInit);
