/**
 * WAL checkpoints of a SQLite file database off the writer's thread. SQLite's automatic checkpoint runs
 * inside the COMMIT that crosses `wal_autocheckpoint`: copying ten thousand WAL frames back into the
 * database file and syncing both stalled that page for 55-60 ms every ~12 pages of bench:store (about 7%
 * of the new-contact time). Here a worker thread with its own connection runs a PASSIVE checkpoint
 * whenever the WAL file was written since the last look, while the writer keeps committing: a PASSIVE
 * checkpoint takes no lock a writer waits for, and copies only frames no reader still needs.
 *
 * What stays as it was: every commit is as durable as before (`synchronous = NORMAL` syncs the WAL at
 * checkpoints, whoever runs them); the writer's own `wal_autocheckpoint` stays as the backstop (it finds
 * little left to copy, or skips while the worker holds the checkpoint lock); erasure still runs its own
 * TRUNCATE checkpoint (src/privacy/scrub.ts), retrying while this one holds the lock (busy = 1).
 *
 * The thread starts only once the WAL has grown past `START_BYTES` (a test database that writes a few
 * rows never pays for a thread); `close()` ends it before the writer's connection closes.
 */
import { Worker } from 'node:worker_threads';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';

/** How often the worker looks at the WAL file (a stat; a checkpoint only when it changed). */
const TICK_MS = 50;
/** WAL size from which the thread is worth starting: 1,000 frames of 4 KiB. */
const START_BYTES = 4 * 1024 * 1024;

/**
 * The worker: one connection, and a PASSIVE checkpoint whenever the WAL file changed since the last look.
 * It keeps its own timer: the writer's thread may not return to its event loop for seconds (better-sqlite3
 * is synchronous, and a run of pages awaits only promises).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Sqlite = require(workerData.driver);
const db = new Sqlite(workerData.path, { fileMustExist: true });
let seen = '';
const timer = setInterval(() => {
  let stamp = '';
  try {
    const st = statSync(workerData.path + '-wal');
    stamp = st.size + ':' + st.mtimeMs;
  } catch {
    return;
  }
  if (stamp === seen) return;
  seen = stamp;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or interrupted: the next change asks again; the writer's wal_autocheckpoint remains.
  }
}, workerData.tickMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Called at each commit: starts the thread once the WAL is large enough to be worth one. */
  poke(): void;
  /** Ends the thread (its connection closed first); safe to call twice. */
  close(): Promise<void>;
}

/** Checkpoints for the database file at `path` (already opened in WAL mode by the caller). */
export function walCheckpointer(path: string): WalCheckpointer {
  const wal = `${path}-wal`;
  let worker: Worker | null = null;
  let closed = false;
  let exited = false;
  return {
    poke() {
      if (worker || closed) return;
      try {
        if (statSync(wal).size < START_BYTES) return;
      } catch {
        return; // no WAL file yet
      }
      worker = new Worker(WORKER, {
        eval: true,
        workerData: {
          path,
          tickMs: TICK_MS,
          driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        },
      });
      worker.unref();
      // A thread that fails leaves checkpoints to the writer's wal_autocheckpoint, as before.
      worker.on('error', () => {});
      worker.on('exit', () => {
        exited = true;
      });
    },
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (!w || exited) return;
      // Referenced again while it closes: an unreferenced thread alone would let the process exit (with
      // the caller's await unsettled) before it has.
      w.ref();
      const gone = new Promise<void>((res) => w.once('exit', () => res()));
      w.postMessage('close');
      await gone;
    },
  };
}
