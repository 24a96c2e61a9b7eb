/**
 * Why this file exists: a provider caps concurrent work per mailbox (Graph requests in flight, IMAP
 * sessions), and every connector of one mailbox in this process must share that cap, whatever its kind.
 * `holdSlot` takes a slot of the in-process cap first (exact where one process is all there is: SQLite),
 * then, where the database shares slots between processes (PostgreSQL, ConnectorDeps.slots), one of the
 * shared slots too, so N worker processes together stay within the provider's limit. Taking the local
 * slot first keeps a process from polling the database for more slots than it could use.
 */
import type { SlotGate } from './types.ts';

/** Counting semaphore, first come first served. */
class Semaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  constructor(readonly limit: number) {}

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const i = this.queue.indexOf(wake);
          if (i >= 0) this.queue.splice(i, 1);
          reject(signal?.reason ?? new Error('aborted'));
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        this.queue.push(wake);
      });
    } else {
      this.active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next)
        next(); // the slot passes straight to the next waiter
      else this.active--;
    };
  }
}

const local = new Map<string, Semaphore>();

/** This process's semaphore of a key (a new one if the limit changed). */
function localCap(key: string, limit: number): Semaphore {
  let s = local.get(key);
  if (!s || s.limit !== limit) local.set(key, (s = new Semaphore(limit)));
  return s;
}

/**
 * Waits for one of `limit` slots of `key` in this process and, when `shared` is given, among every process on
 * the database; resolves with the function that gives both back (safe to call twice).
 */
export async function holdSlot(
  shared: SlotGate | undefined,
  key: string,
  limit: number,
  signal?: AbortSignal,
): Promise<() => Promise<void>> {
  const k = key.toLowerCase();
  const releaseLocal = await localCap(k, limit).acquire(signal);
  if (!shared) {
    return async () => releaseLocal();
  }
  let releaseShared: () => Promise<void>;
  try {
    releaseShared = await shared.acquire(k, limit, signal);
  } catch (err) {
    releaseLocal();
    throw err;
  }
  return async () => {
    try {
      await releaseShared();
    } finally {
      releaseLocal();
    }
  };
}
