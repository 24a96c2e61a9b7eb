/**
 * The Microsoft Graph client every Outlook source uses: the official SDK (@microsoft/microsoft-graph-client
 * v3) with our own middleware chain, so that we, not the SDK's RetryHandler, decide about retries:
 *
 *   GuardHandler (GET only, paced to Graph's per-mailbox request rate and <= 4 in flight per mailbox, both across
 *   processes, Retry-After within a total budget, one token refresh after 401) -> SDK AuthenticationHandler (bearer only for https Graph/custom hosts)
 *   -> FetchHandler (global fetch, or an injected one).
 *
 * TLS trust for test servers: Node 20's global fetch reads NODE_EXTRA_CA_CERTS at process start only and
 * cannot take a CA per request without the undici package (not a dependency). So a child process started
 * with NODE_EXTRA_CA_CERTS uses the default transport; in-process tests inject a fetch that trusts the CA.
 */
import {
  AuthenticationHandler,
  Client,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import {
  ConnectorError,
  type ConnectorEvent,
  type ConnectorStats,
  type QuotaGate,
  type SlotGate,
} from '../types.ts';
import { holdSlot } from '../slots.ts';
import { limiterFor } from '../google/limiter.ts';
import { classifyGraphError } from './errors.ts';
import type { MsTokenSource } from './token-source.ts';

/** Graph allows 4 concurrent requests per app per mailbox (throttling-limits, Outlook service). */
export const MAX_CONCURRENT_PER_MAILBOX = 4;

/** Requests per second and burst of a token bucket: the pace of Graph requests for one mailbox. */
export interface GraphPace {
  requestsPerSecond: number;
  burst: number;
}

/**
 * Graph's Outlook limit is 10,000 requests per 10 minutes per app per mailbox (throttling-limits, Outlook
 * service), whatever the number of processes calling. A bucket of 15 requests/s with a burst of 500 lets
 * through at most 500 + 15 x 600 = 9,500 requests in any 10 minutes: 5% under the limit, and a harvest of a
 * few hundred messages (50 per delta page) never waits. Retries count: every attempt is a request.
 */
export const GRAPH_MAILBOX_PACE: GraphPace = { requestsPerSecond: 15, burst: 500 };

/** A pacing wait this long is worth an event (contention between connectors or workers of one mailbox). */
const REPORTED_WAIT_MS = 10_000;

/**
 * Largest page we accept: 50 messages x (uniqueBody of a long thread ~ 100 KiB + all internet headers
 * ~ 20 KiB) is ~6 MiB; 32 MiB leaves room and still bounds memory for a broken or hostile server.
 */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

export interface GraphClientOptions {
  /** SIGMINE_GRAPH_API_URL, https only. */
  graphUrl: string;
  /** Mailbox key for the concurrency limit (the account address). */
  mailbox: string;
  /** The mailbox's concurrency cap shared with other processes (PostgreSQL); absent: this process only. */
  slots?: SlotGate;
  /** The mailbox's request bucket shared with other processes (PostgreSQL); absent: this process only. */
  quota?: QuotaGate;
  /** Request pace per mailbox. Default GRAPH_MAILBOX_PACE; tests and benches pass a faster or slower one. */
  pace?: GraphPace;
  tokens: MsTokenSource;
  fetch?: typeof fetch;
  /** Total time this client may spend waiting on Retry-After / backoff. Default 120 s. */
  retryBudgetMs?: number;
  /** Attempts per request, first one included. Default 6. */
  maxAttempts?: number;
  /** Time budget of one HTTP attempt (connect + full response). Default 60 s. */
  requestTimeoutMs?: number;
  onEvent?: (e: ConnectorEvent) => void;
  signal?: AbortSignal;
}

export interface GraphGetter {
  /** GET a Graph path or an absolute @odata link (followed as given), with extra headers. */
  get<T>(pathOrLink: string, headers?: Record<string, string>): Promise<T>;
  stats(): ConnectorStats;
}

class GuardHandler implements Middleware {
  private next!: Middleware;
  private budgetLeft: number;
  /** The ConnectorError behind a failure: the SDK re-wraps thrown errors and would lose it. */
  lastError: ConnectorError | null = null;
  readonly counters: ConnectorStats = { apiCalls: 0, rateLimitWaits: 0 };

  constructor(private readonly o: GraphClientOptions) {
    this.budgetLeft = o.retryBudgetMs ?? 120_000;
  }

  setNext(next: Middleware) {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const method = (context.options?.method ?? 'GET').toUpperCase();
    if (method !== 'GET') {
      // sigmine is read-only by construction: nothing may PATCH, DELETE, POST or move mail.
      throw this.fail(new ConnectorError('bad-input', `refusing Graph ${method}: sigmine only reads`));
    }
    const key = `graph:mailbox:${this.o.mailbox.toLowerCase()}`;
    const maxAttempts = this.o.maxAttempts ?? 6;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const headers = context.options?.headers as Record<string, string> | undefined;
      if (headers) delete headers.Authorization; // the auth handler appends, never replaces
      await this.paced(key);
      // One of the mailbox's 4 slots, in this process and (PostgreSQL) among every worker process;
      // given back between attempts, so a Retry-After wait holds none.
      const release = await this.slot(key);
      try {
        this.counters.apiCalls++;
        // A hung server must not hang the harvest: each attempt gets its own deadline, and the run's
        // abort signal (SIGINT) cancels the request in flight.
        const timeout = AbortSignal.timeout(this.o.requestTimeoutMs ?? 60_000);
        context.options = {
          ...context.options,
          signal: this.o.signal ? AbortSignal.any([this.o.signal, timeout]) : timeout,
        };
        await this.next.execute(context);
      } catch (err) {
        if (err instanceof ConnectorError) throw this.fail(err);
        throw this.fail(new ConnectorError('unavailable', 'Graph unreachable', { cause: err }));
      } finally {
        await release().catch(() => {}); // an unreturned shared slot expires by itself
      }
      const res = context.response as Response;
      const length = Number(res.headers.get('content-length') ?? 0);
      if (length > MAX_PAGE_BYTES) {
        await res.body?.cancel();
        throw this.fail(
          new ConnectorError('bad-input', `Graph response of ${length} bytes exceeds ${MAX_PAGE_BYTES}`),
        );
      }
      if (res.status === 401 && !refreshed) {
        // Expired or server-side invalidated access token: refresh once, then give up (auth-expired).
        refreshed = true;
        await res.body?.cancel();
        this.o.tokens.invalidate();
        this.o.onEvent?.({ type: 'retry', attempt, code: 'auth-expired' });
        continue;
      }
      if ((res.status === 429 || res.status === 503 || res.status === 504) && attempt < maxAttempts) {
        const wait = retryDelay(res.headers.get('retry-after'), attempt);
        if (wait <= this.budgetLeft) {
          this.budgetLeft -= wait;
          this.counters.rateLimitWaits++;
          await res.body?.cancel();
          this.o.onEvent?.({ type: 'rate-limit-wait', ms: wait, reason: `graph ${res.status}` });
          await sleep(wait, this.o.signal);
          continue;
        }
      }
      return;
    }
  }

  /**
   * Waits for one request of the mailbox's pace: the bucket of this process (shared by the mail, calendar and
   * contacts sources of the mailbox), then, on PostgreSQL, the one every worker process reserves from
   * (src/quota/shared-bucket.ts; rows keyed by a digest of the name, never the address).
   */
  private async paced(key: string): Promise<void> {
    const pace = this.o.pace ?? GRAPH_MAILBOX_PACE;
    const limiter = limiterFor(key, {
      concurrency: MAX_CONCURRENT_PER_MAILBOX, // held only while waiting here: the slots cap what is in flight
      unitsPerSecond: pace.requestsPerSecond,
      burst: pace.burst,
    });
    let waited = 0;
    try {
      waited = await limiter.acquire(1, this.o.signal);
      limiter.release();
      if (this.o.quota) {
        const bucket = { key, unitsPerSecond: pace.requestsPerSecond, burst: pace.burst };
        waited += await this.o.quota.reserve([bucket], 1, this.o.signal);
      }
    } catch (err) {
      if (this.o.signal?.aborted) throw this.fail(new ConnectorError('unavailable', 'aborted'));
      throw this.fail(new ConnectorError('unavailable', 'mailbox request quota unavailable', { cause: err }));
    }
    if (waited >= REPORTED_WAIT_MS)
      this.o.onEvent?.({ type: 'rate-limit-wait', ms: waited, reason: 'local quota' });
  }

  private async slot(key: string): Promise<() => Promise<void>> {
    try {
      return await holdSlot(this.o.slots, key, MAX_CONCURRENT_PER_MAILBOX, this.o.signal);
    } catch (err) {
      if (this.o.signal?.aborted) throw this.fail(new ConnectorError('unavailable', 'aborted'));
      throw this.fail(
        new ConnectorError('unavailable', 'mailbox concurrency slots unavailable', { cause: err }),
      );
    }
  }

  private fail(e: ConnectorError): ConnectorError {
    this.lastError = e;
    return e;
  }
}

class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}
  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options);
  }
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); without it, 1 s, 2 s, 4 s ... capped at 60 s. */
export function retryDelay(header: string | null, attempt: number): number {
  if (header) {
    const s = Number(header);
    if (Number.isFinite(s) && s >= 0) return Math.min(s, 3600) * 1000;
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.max(0, at - Date.now());
  }
  return Math.min(60_000, 1000 * 2 ** (attempt - 1));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ConnectorError('unavailable', 'aborted'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => (clearTimeout(t), reject(new ConnectorError('unavailable', 'aborted'))),
      {
        once: true,
      },
    );
  });
}

/** Builds the SDK client for one mailbox. Throws ConnectorError('config') for a non-https Graph URL. */
export function createGraphClient(o: GraphClientOptions): GraphGetter {
  let base: URL;
  try {
    base = new URL(o.graphUrl);
  } catch (err) {
    throw new ConnectorError('config', `SIGMINE_GRAPH_API_URL is not a URL`, { cause: err });
  }
  // The SDK sends the bearer only to https URLs whose hostname is a Graph host or a custom host
  // (GraphRequestUtil.isValidEndpoint): over http every request would go out unauthenticated.
  if (base.protocol !== 'https:') throw new ConnectorError('config', 'SIGMINE_GRAPH_API_URL must be https');
  const guard = new GuardHandler(o);
  const auth = new AuthenticationHandler({ getAccessToken: () => o.tokens.getAccessToken() });
  guard.setNext(auth);
  auth.setNext(new FetchHandler(o.fetch ?? fetch));
  const client = Client.initWithMiddleware({
    middleware: guard,
    baseUrl: base.origin + base.pathname.replace(/\/+$/, ''),
    defaultVersion: 'v1.0',
    customHosts: new Set([base.hostname]),
  });
  return {
    async get<T>(pathOrLink: string, headers: Record<string, string> = {}): Promise<T> {
      if (/^https?:\/\//i.test(pathOrLink) && new URL(pathOrLink).host !== base.host) {
        // A link pointing elsewhere would carry our bearer token to a stranger.
        throw new ConnectorError('bad-input', 'Graph returned a link to another host');
      }
      guard.lastError = null;
      try {
        const req = client.api(pathOrLink);
        for (const [k, v] of Object.entries(headers)) req.header(k, v);
        return (await req.get()) as T;
      } catch (err) {
        throw guard.lastError ?? classifyGraphError(err);
      }
    },
    stats: () => ({ ...guard.counters }),
  };
}
