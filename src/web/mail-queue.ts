/**
 * Link mails are queued, not awaited: the page answers before we look the address up or talk to the mail
 * transport, so how long the answer takes says nothing about whether we hold the address (or whether the
 * transport is slow). Jobs run one at a time in this process; a failure is logged (code only) and does not
 * reach the visitor, who sees the same page either way.
 *
 * Bounded: at most `maxPending` jobs wait. The database rate limits already cap mails per address and per
 * client, so a full queue means a flood from many clients; dropping then is better than growing without
 * bound. `idle()` lets the server drain the queue before it closes the database, and tests wait on it.
 */
import type { Logger } from '../log.ts';

export interface MailQueue {
  /** Queues `job`; false when the queue is full and the job was dropped. */
  enqueue(name: string, job: () => Promise<void>): boolean;
  /** Resolves once every queued job has run. */
  idle(): Promise<void>;
}

/** 200 waiting mails at a few ms each is well under a minute of backlog. */
const DEFAULT_MAX_PENDING = 200;

export function createMailQueue(logger: Logger, maxPending = DEFAULT_MAX_PENDING): MailQueue {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  return {
    enqueue(name, job) {
      if (pending >= maxPending) {
        logger.log('warn', 'mail-queue-full', { job: name, pending });
        return false;
      }
      pending += 1;
      tail = tail
        .then(job)
        .catch((err: unknown) => {
          const e = err as { code?: unknown; name?: unknown };
          logger.log('error', 'mail-job-failed', { job: name, code: String(e?.code ?? e?.name ?? 'error') });
        })
        .finally(() => {
          pending -= 1;
        });
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
  };
}
