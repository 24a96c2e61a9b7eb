/**
 * Per-user request limits: at most N requests in flight and a token bucket of quota units.
 * Gmail's per-user quota is 250 units/s as a moving average (15,000/min); messages.get and
 * messages.list cost 5, history.list 2, getProfile 1 (Gmail quota reference). Each API picks its
 * rate and burst (connectors/gmail/index.ts: 240 units/s, burst 50).
 */
export interface LimiterOptions {
  concurrency: number;
  unitsPerSecond: number;
  burst: number;
}

export class UserLimiter {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private tokens: number;
  private last = Date.now();

  constructor(readonly opts: LimiterOptions) {
    this.tokens = opts.burst;
  }

  /** Waits for a concurrency slot and `units` of quota; returns how long the quota wait was (ms). */
  async acquire(units: number, signal?: AbortSignal): Promise<number> {
    if (this.inFlight >= this.opts.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.inFlight++;
    }
    try {
      return await this.take(units, signal);
    } catch (err) {
      this.release();
      throw err;
    }
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }

  /** Empties the bucket (after a rate-limit answer): the next callers wait for fresh quota. */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(
      this.opts.burst,
      this.tokens + ((now - this.last) / 1000) * this.opts.unitsPerSecond,
    );
    this.last = now;
  }

  private async take(units: number, signal?: AbortSignal): Promise<number> {
    const cost = Math.min(units, this.opts.burst);
    let waited = 0;
    for (;;) {
      this.refill();
      if (this.tokens >= cost) {
        this.tokens -= cost;
        return waited;
      }
      const ms = Math.ceil(((cost - this.tokens) / this.opts.unitsPerSecond) * 1000);
      await sleep(ms, signal);
      waited += ms;
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const shared = new Map<string, UserLimiter>();

/** One limiter per (API, account) in this process, so parallel connectors of one user share it. */
export function limiterFor(key: string, opts: LimiterOptions): UserLimiter {
  let l = shared.get(key);
  if (
    !l ||
    l.opts.concurrency !== opts.concurrency ||
    l.opts.unitsPerSecond !== opts.unitsPerSecond ||
    l.opts.burst !== opts.burst
  ) {
    l = new UserLimiter(opts);
    shared.set(key, l);
  }
  return l;
}
