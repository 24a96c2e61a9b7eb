/**
 * The one small interface every source implements (Gmail, Outlook, IMAP, local mailbox files,
 * calendars, address books), chosen from a registry by connection kind.
 */
import { AppError } from '../src/errors.ts';
import type { MinimalMessage, Contact } from '../parsers/types.ts';
import type { ProviderEndpoints } from './endpoints.ts';

/**
 * A contact stated directly by a structured source (calendar attendee, address-book entry):
 * no parsing needed, but still classified (free-email and role addresses are discarded).
 */
export interface StructuredContact {
  sourceId: string;
  source: 'calendar' | 'address-book';
  email: string;
  fields: Partial<Contact>;
  /** ISO-8601 time the source last saw it (event start, contact update), or null. */
  date: string | null;
}

/** A versioned, provider-specific cursor. Validate `v` and `kind` before trusting it. */
export interface Cursor {
  kind: string;
  v: number;
  [key: string]: unknown;
}

export interface Page {
  messages: MinimalMessage[];
  contacts: StructuredContact[];
  /** Save this with the page's results, in the same transaction. */
  cursor: Cursor;
  /** True when this is the last page of the current run. */
  done: boolean;
  /**
   * Messages read but not usable, each with the budget or rule that stopped it (over 50 MiB, no text
   * within the 16 MiB walked, MIME bombs, a refused symlinked folder...): reported, never silently dropped.
   */
  unreadable?: Unreadable[];
}

export interface Unreadable {
  sourceId: string;
  reason: string;
}

/** Counters a connector keeps for the harvest summary. */
export interface ConnectorStats {
  apiCalls: number;
  rateLimitWaits: number;
}

export interface PageOptions {
  since?: Date;
  signal?: AbortSignal;
  /**
   * A preview's cap: read about this many of the NEWEST messages or entries and stop (page granularity).
   * Connectors that cannot pick the newest stop after this many; the harvest loop also stops there.
   */
  limit?: number;
}

export interface Connector {
  /** Pages of minimal messages after `cursor` (null: first run, full but bounded sync). */
  pages(cursor: Cursor | null, opts?: PageOptions): AsyncIterable<Page>;
  stats(): ConnectorStats;
  close(): Promise<void>;
}

/** Closed set of error causes, decided at the boundary; the original stays as `cause`. */
export type ConnectorErrorCode =
  | 'revoked'
  | 'auth-expired'
  | 'rate-limited'
  | 'cursor-expired'
  | 'not-found'
  | 'bad-input'
  | 'unavailable'
  | 'config';

export class ConnectorError extends AppError<ConnectorErrorCode> {
  constructor(code: ConnectorErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ConnectorError';
  }
}

/** A stored connection as a connector needs it; `secret` is already decrypted (never log it). */
export interface ConnectionInfo {
  id: string;
  kind: string;
  account: string;
  /** Non-secret settings (host, port, tls, path, ...). */
  config: Record<string, unknown>;
  /** Refresh token or password, decrypted; null for sources that need none (local files). */
  secret: string | null;
}

/** Events a connector reports while it works (progress bars, logs); never message content. */
export type ConnectorEvent =
  | { type: 'rate-limit-wait'; ms: number; reason: string }
  | { type: 'retry'; attempt: number; code: string }
  | { type: 'resync'; reason: string };

export interface ConnectorDeps {
  /** Provider endpoints and OAuth clients (src/config.ts `providerEndpoints`); nothing else of the app's config. */
  endpoints: Readonly<ProviderEndpoints>;
  /**
   * Providers that rotate refresh tokens (Microsoft) hand the new one here, with the secret it replaced;
   * the caller stores it encrypted, compare-and-set against `replaced` (a reconnect meanwhile wins).
   * Dry runs and previews pass nothing: they never write secrets.
   */
  onSecretRotated?: (newSecret: string, replaced: string) => Promise<void>;
  /**
   * Which of these messages (headers only, no body yet) this connection has already processed, as
   * the store remembers them (src/store/processed.ts); returns their `sourceId`s. Connectors ask before
   * downloading any body and hand a processed message over with its headers only. Absent (dry runs,
   * tests): nothing counts as processed.
   */
  alreadyProcessed?: (heads: readonly MinimalMessage[]) => Promise<ReadonlySet<string>>;
  /**
   * Provider quota shared by every process on the database (src/quota/shared-bucket.ts; PostgreSQL only).
   * Connectors reserve each call's units from it after their in-process limiter. Absent: this process only.
   */
  quota?: QuotaGate;
  /**
   * Concurrency caps shared by every process on the database (src/quota/shared-slots.ts; PostgreSQL only):
   * Graph requests in flight per mailbox, IMAP sessions per mailbox. Connectors take a slot here after
   * their in-process cap (connectors/slots.ts). Absent: this process only.
   */
  slots?: SlotGate;
  onEvent?: (e: ConnectorEvent) => void;
  /** HTTP transport for HTTP-API connectors (default: global fetch); tests pass one trusting their local CA. */
  fetch?: typeof fetch;
}

/** One entry of the connector registry (connectors/registry.ts). */
export interface ConnectorFactory {
  kinds: readonly string[];
  create(conn: ConnectionInfo, deps: ConnectorDeps): Connector;
  /** Revokes the connection's tokens at the provider (opt-out). Sources without tokens omit it. */
  revoke?(conn: ConnectionInfo, deps: ConnectorDeps): Promise<void>;
  /**
   * How a person consents to this source (OAuth authorization code with PKCE): sources connected with a
   * password or a path omit it. The CLI's loopback flow and the web member area drive it alike.
   */
  oauth?: ConnectorConsent;
}

/** What a consent page is opened with: where the provider sends the browser back, and the flow's secrets. */
export interface ConsentRequest {
  redirectUri: string;
  state: string;
  /** PKCE S256 challenge (RFC 7636). */
  codeChallenge: string;
  /** The address the person is expected to sign in with (pre-filled at the provider). */
  loginHint?: string;
}

/** A fresh grant from a code exchange. */
export interface ConsentGrant {
  /** The token to store (encrypted); null when the provider issued none. */
  refreshToken: string | null;
  /** Issued with the grant (about an hour), to ask the provider whose account it is; never stored. */
  accessToken: string;
}

/** The OAuth consent of one connection kind: exactly its scopes, its consent page, its code exchange, its account. */
export interface ConnectorConsent {
  /** Exactly the scopes a connect asks for: the source's own, plus what names the account. */
  readonly scopes: readonly string[];
  /** The environment variable whose absence keeps this consent from starting, or null when it can run. */
  missing(endpoints: Readonly<ProviderEndpoints>): string | null;
  consentUrl(endpoints: Readonly<ProviderEndpoints>, req: ConsentRequest): string;
  /** Exchanges the code from the redirect; refuses grants without the requested scopes (ConnectorError). */
  exchangeCode(
    endpoints: Readonly<ProviderEndpoints>,
    req: { code: string; redirectUri: string; codeVerifier: string },
    fetchImpl?: typeof fetch,
  ): Promise<ConsentGrant>;
  /** The address of the account the person consented to, lower-cased, asked of the provider. */
  account(
    endpoints: Readonly<ProviderEndpoints>,
    accessToken: string,
    fetchImpl?: typeof fetch,
  ): Promise<string>;
}

/** A token bucket of provider quota: a name, its refill rate and its burst. */
export interface QuotaKey {
  key: string;
  unitsPerSecond: number;
  burst: number;
}

/** Quota shared across processes: reserves `units` from every key's bucket; resolves when they may be spent. */
export interface QuotaGate {
  /** Returns the milliseconds waited. */
  reserve(keys: readonly QuotaKey[], units: number, signal?: AbortSignal): Promise<number>;
}

/** Concurrency shared across processes: at most `limit` holders of one key at once, whoever asks. */
export interface SlotGate {
  /**
   * Waits for one of the `limit` slots of `key` and takes it; resolves with the function that gives it back.
   * A slot is kept alive while held and expires by itself if its process dies.
   */
  acquire(key: string, limit: number, signal?: AbortSignal): Promise<() => Promise<void>>;
}
