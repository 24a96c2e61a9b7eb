/**
 * Link mails are queued, not awaited: the page answers before we look the address up or talk to the mail
 * transport, so how long the answer takes says nothing about whether we hold the address (or whether the
 * transport is slow). Jobs run one at a time in this process; a failure is logged (code only) and does not
 * reach the visitor, who sees the same page either way.
 *
 * A temporary failure (the transport says `later`: a 4xx reply, a relay that cannot be reached; see
 * src/notices/transport.ts) is tried again with backoff, as notices are (src/notices/send.ts), but on a
 * shorter scale: a link is asked for by someone waiting at their inbox, and works for one hour. The delays
 * (`LINK_RETRY_DELAYS_MS`, 30 s doubling to 16 min, 31 min in all) ride out a relay restart or a
 * greylisting server (5-15 minutes) and end within the hour. Each attempt runs the whole job again, so the
 * link is signed afresh and works for an hour from the mail that arrives. The retry lives in memory only:
 * a link token is never written to the database (whoever reads it must not be able to open sessions), so a
 * restart drops the retries still waiting (logged with their count); the person asks again. A refusal for
 * good (a 5xx reply for the recipient) or any other error is not retried.
 *
 * Bounded: at most `maxPending` jobs wait, retries included. The database rate limits already cap mails per
 * address and per client, so a full queue means a flood from many clients; dropping then is better than
 * growing without bound. `idle()` lets the server drain the queue before it closes the database, and tests
 * wait on it; `close()` then drops the retries still waiting.
 */
import type { Logger } from '../log.ts';
import { failureOf } from '../notices/transport.ts';

export interface MailQueue {
  /** Queues `job`; false when the queue is full and the job was dropped. */
  enqueue(name: string, job: () => Promise<void>): boolean;
  /** Resolves once every queued job has run (retries still waiting out their delay are not waited for). */
  idle(): Promise<void>;
  /** Jobs waiting to be tried again, after a temporary failure. */
  retrying(): number;
  /** Drops the retries still waiting (server shutdown); returns how many were dropped. */
  close(): number;
}

/** 200 waiting mails at a few ms each is well under a minute of backlog. */
const DEFAULT_MAX_PENDING = 200;

/** Waits before the 2nd, 3rd... attempt after a temporary failure: 30 s doubling, 31 minutes in all. */
export const LINK_RETRY_DELAYS_MS: readonly number[] = Object.freeze(
  [0.5, 1, 2, 4, 8, 16].map((m) => m * 60_000),
);

export interface MailQueueOptions {
  maxPending?: number;
  /** Delays before each retry of a temporary failure; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
}

export function createMailQueue(logger: Logger, opts: number | MailQueueOptions = {}): MailQueue {
  const o = typeof opts === 'number' ? { maxPending: opts } : opts;
  const maxPending = o.maxPending ?? DEFAULT_MAX_PENDING;
  const delays = o.retryDelaysMs ?? LINK_RETRY_DELAYS_MS;
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  const timers = new Set<NodeJS.Timeout>();

  const codeOf = (err: unknown) => {
    const e = err as { code?: unknown; name?: unknown };
    return String(e?.code ?? e?.name ?? 'error');
  };
  /** Runs attempt `attempt` (0 = first) of a job already counted in `pending`. */
  const run = (name: string, job: () => Promise<void>, attempt: number) => {
    tail = tail.then(job).then(
      () => {
        pending -= 1;
      },
      (err: unknown) => {
        const delay = delays[attempt];
        if (failureOf(err) === 'later' && delay !== undefined) {
          logger.log('warn', 'mail-job-retry', { job: name, code: codeOf(err), attempt: attempt + 1, delay });
          const timer = setTimeout(() => {
            timers.delete(timer);
            run(name, job, attempt + 1);
          }, delay);
          // A waiting retry never keeps the process alive; `close()` drops it on shutdown.
          timer.unref();
          timers.add(timer);
          return;
        }
        pending -= 1;
        logger.log('error', 'mail-job-failed', { job: name, code: codeOf(err), attempts: attempt + 1 });
      },
    );
  };

  return {
    enqueue(name, job) {
      if (pending >= maxPending) {
        logger.log('warn', 'mail-queue-full', { job: name, pending });
        return false;
      }
      pending += 1;
      run(name, job, 0);
      return true;
    },
    idle() {
      // A job may queue another while we wait: wait until the chain stops growing.
      const wait = (): Promise<void> => {
        const seen = tail;
        return seen.then(() => (seen === tail ? undefined : wait()));
      };
      return wait();
    },
    retrying: () => timers.size,
    close() {
      const dropped = timers.size;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      pending -= dropped;
      if (dropped) logger.log('warn', 'mail-retries-dropped', { count: dropped });
      return dropped;
    },
  };
}
