/**
 * Waiting between retries: exponential backoff with jitter, a sleep that a stop signal cuts short, and
 * one signal out of several (stop requested, lease or job lost).
 * Jitter matters here because a restarted PostgreSQL sees every worker's pool retry at once; spreading
 * the retries over half the delay keeps them from arriving in one burst (AWS Architecture Blog,
 * "Exponential Backoff And Jitter", the "equal jitter" variant: never less than half the delay).
 */

/** Delay before retry `attempt` (1-based): base * 2^(attempt-1), capped, the upper half drawn at random. */
export function backoffMs(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const d = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  return Math.round(d / 2 + (d / 2) * random());
}

/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** One signal that aborts when any of `signals` does (AbortSignal.any, which Node 20's types lack). */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  const ac = new AbortController();
  for (const s of signals) {
    if (s.aborted) ac.abort();
    else s.addEventListener('abort', () => ac.abort(), { once: true });
  }
  return ac.signal;
}
