/**
 * Gmail connector (kind `gmail`), read-only by construction: it only ever calls users.getProfile,
 * users.messages.list, users.messages.get (format=full) and users.history.list, all GETs.
 * First run: record the profile's historyId, then list and fetch page by page (bounded by
 * `since` and `maxMessages`). Later runs: history.list from the saved historyId; a 404 there means
 * the id is too old, so we emit `resync` and run one bounded full listing instead of failing.
 */
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import type { MinimalMessage } from '../../parsers/types.ts';
import type { Connector, ConnectorDeps, ConnectorFactory, ConnectionInfo, Cursor, Page } from '../types.ts';
import { ConnectorError } from '../types.ts';
import { clientOptions } from '../google/caller.ts';
import { revokeGoogleToken } from '../google/oauth.ts';
import { mapPool } from '../google/pool.ts';
import { googleSession, type GoogleSession } from '../google/session.ts';
import { gmailCursor, parseGmailCursor, type GmailCursor } from './cursor.ts';
import { gmailToMinimal } from './message.ts';

/** Quota units per method (Gmail quota reference). */
const UNITS = { profile: 1, list: 5, get: 5, history: 2 } as const;
/** Labels whose messages carry nothing for us (drafts are unsent, spam/trash untrusted, chats not mail). */
const SKIP_LABELS = new Set(['DRAFT', 'SPAM', 'TRASH', 'CHAT']);
const DEFAULT_MAX_MESSAGES = 10_000;

class GmailConnector implements Connector {
  private readonly api: gmail_v1.Gmail;
  private readonly session: GoogleSession;
  private readonly pageSize: number;
  private readonly maxMessages: number;

  constructor(
    conn: ConnectionInfo,
    private readonly deps: ConnectorDeps,
  ) {
    // 240 units/s with a 50-unit burst: under the 250/s per-user moving average, so the server's own
    // burst allowance (250 units) only ever grows while we run, yet 96% of the quota is used
    // (48 messages/s). 5 requests in flight per user.
    this.session = googleSession(conn, deps, 'gmail', { unitsPerSecond: 240, burst: 50, concurrency: 5 });
    // googleapis-common bundles its own google-auth-library copy: same runtime shape, distinct types.
    const auth = this.session.auth as unknown as gmail_v1.Options['auth'];
    this.api = gmail({ version: 'v1', auth, rootUrl: this.session.rootUrl, ...clientOptions });
    const n = (v: unknown, d: number) => (typeof v === 'number' && v > 0 ? Math.floor(v) : d);
    this.pageSize = Math.min(n(conn.config['pageSize'], 100), 500);
    this.maxMessages = n(conn.config['maxMessages'], DEFAULT_MAX_MESSAGES);
  }

  stats() {
    return this.session.caller.stats();
  }

  async close(): Promise<void> {}

  async *pages(
    cursor: Cursor | null,
    opts: { since?: Date; signal?: AbortSignal } = {},
  ): AsyncIterable<Page> {
    const startedAt = new Date().toISOString();
    const c = parseGmailCursor(cursor);
    if (cursor && !c) this.deps.onEvent?.({ type: 'resync', reason: 'unrecognised cursor' });
    const since = opts.since ? Math.floor(opts.since.getTime() / 1000) : null;
    if (c?.mode === 'history') {
      const outcome = yield* this.history(c, startedAt, opts.signal);
      if (outcome === 'ok') return;
      this.deps.onEvent?.({ type: 'resync', reason: 'history id expired (404)' });
      // Relist only what the lost history could have held: from two days before the last complete
      // sync (clock skew, late internalDate), and never more than maxMessages.
      const synced = c.syncedAt ? Math.floor(Date.parse(c.syncedAt) / 1000) - 2 * 86_400 : null;
      const after = synced === null ? since : since === null ? synced : Math.max(since, synced);
      yield* this.full(null, after, startedAt, opts.signal);
      return;
    }
    yield* this.full(c, c ? c.after : since, startedAt, opts.signal);
  }

  private call<T>(units: number, fn: () => Promise<{ data: T }>, signal?: AbortSignal): Promise<T> {
    return this.session.caller.call(units, async () => (await fn()).data, signal);
  }

  private async *full(
    c: GmailCursor | null,
    after: number | null,
    startedAt: string,
    signal?: AbortSignal,
  ): AsyncGenerator<Page> {
    let historyId = c?.historyId;
    if (!historyId) {
      const profile = await this.call(
        UNITS.profile,
        () => this.api.users.getProfile({ userId: 'me' }, { signal }),
        signal,
      );
      historyId = profile.historyId ?? undefined;
      if (!historyId) throw new ConnectorError('unavailable', 'Gmail profile has no historyId');
    }
    let pageToken = c?.pageToken ?? undefined;
    let listed = c?.listed ?? 0;
    // Epoch seconds: `after:YYYY/MM/DD` would mean midnight PST (Gmail filtering guide).
    const q = after === null ? '-in:chats' : `-in:chats after:${after}`;
    for (;;) {
      const res = await this.call(
        UNITS.list,
        () =>
          this.api.users.messages.list(
            {
              userId: 'me',
              q,
              maxResults: Math.max(1, Math.min(this.pageSize, this.maxMessages - listed)),
              pageToken,
            },
            { signal },
          ),
        signal,
      );
      const ids = (res.messages ?? []).map((m) => m.id).filter((id): id is string => !!id);
      const messages = await this.fetch(ids, signal);
      listed += ids.length;
      const next = res.nextPageToken ?? null;
      const done = !next || listed >= this.maxMessages;
      const cursor = done
        ? gmailCursor({ mode: 'history', historyId, pageToken: null, syncedAt: c?.syncedAt ?? startedAt })
        : gmailCursor({
            mode: 'full',
            historyId,
            pageToken: next,
            listed,
            after,
            syncedAt: c?.syncedAt ?? startedAt,
          });
      yield { messages, contacts: [], cursor, done };
      if (done) return;
      pageToken = next;
    }
  }

  private async *history(
    c: GmailCursor,
    startedAt: string,
    signal?: AbortSignal,
  ): AsyncGenerator<Page, 'ok' | 'expired'> {
    let pageToken = c.pageToken ?? undefined;
    for (;;) {
      let res: gmail_v1.Schema$ListHistoryResponse;
      try {
        res = await this.call(
          UNITS.history,
          () =>
            this.api.users.history.list(
              {
                userId: 'me',
                startHistoryId: c.historyId,
                historyTypes: ['messageAdded'],
                maxResults: this.pageSize,
                pageToken,
              },
              { signal },
            ),
          signal,
        );
      } catch (err) {
        if (err instanceof ConnectorError && err.code === 'not-found') return 'expired';
        throw err;
      }
      const ids = new Set<string>();
      for (const h of res.history ?? []) {
        for (const added of h.messagesAdded ?? []) {
          const m = added.message;
          if (m?.id && !(m.labelIds ?? []).some((l) => SKIP_LABELS.has(l))) ids.add(m.id);
        }
      }
      const messages = await this.fetch([...ids], signal);
      const next = res.nextPageToken ?? null;
      const cursor = next
        ? gmailCursor({ mode: 'history', historyId: c.historyId, pageToken: next, syncedAt: c.syncedAt })
        : gmailCursor({
            mode: 'history',
            historyId: res.historyId ?? c.historyId,
            pageToken: null,
            syncedAt: startedAt,
          });
      yield { messages, contacts: [], cursor, done: !next };
      if (!next) return 'ok';
      pageToken = next;
    }
  }

  /** messages.get format=full for each id; `fields` leaves out `snippet` (body text we never need). */
  private async fetch(ids: string[], signal?: AbortSignal): Promise<MinimalMessage[]> {
    const got = await mapPool(ids, 5, async (id) => {
      try {
        const msg = await this.call(
          UNITS.get,
          () =>
            this.api.users.messages.get(
              { userId: 'me', id, format: 'full', fields: 'id,labelIds,internalDate,payload' },
              { signal },
            ),
          signal,
        );
        if ((msg.labelIds ?? []).some((l) => SKIP_LABELS.has(l))) return null;
        return gmailToMinimal(msg);
      } catch (err) {
        // Deleted between listing and fetching: nothing to read.
        if (err instanceof ConnectorError && err.code === 'not-found') return null;
        throw err;
      }
    });
    return got.filter((m): m is MinimalMessage => m !== null);
  }
}

export const factory: ConnectorFactory = {
  kinds: ['gmail'],
  create: (conn, deps) => new GmailConnector(conn, deps),
  async revoke(conn, deps) {
    if (conn.secret) await revokeGoogleToken(deps.config, conn.secret);
  },
};
