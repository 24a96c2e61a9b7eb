/**
 * Gmail connector (kind `gmail`), read-only by construction: it only ever calls users.getProfile,
 * users.messages.list, users.messages.get, users.history.list and users.labels.list, all GETs. Label ids
 * are handed over with the names of user labels (connectors/gmail/labels.ts), so a member's folder
 * exclusion "Clients" matches messages labelled `Label_12`.
 *
 * Headers first, body only for survivors (issue 10). Per page: list the ids (`q` leaves out chats,
 * drafts and the promotions, social, updates and forums categories), then `format=metadata` with exactly
 * the header fields the parser keeps (connectors/header-fields.ts), then classify the sender and ask the
 * store's processed set (connectors/headers-first.ts), then ONE `format=full` request, without the root
 * headers already read, only for a message that can still yield a signature. A ruled-out or processed
 * message is handed over with its headers only and costs no body download. Quota: list 5 units per page,
 * metadata 5 per message, full 5 more per survivor (Gmail quota reference); the API has no way to fetch
 * a single part or a byte range, so a survivor's body comes whole (all its text parts) and is cut here.
 *
 * First run: record the profile's historyId, then list and fetch page by page (bounded by `since` and
 * `maxMessages`). Later runs: history.list (messageAdded and labelAdded: a message moved to the Inbox,
 * e.g. rescued from Spam, is read like a new one) from the saved historyId; history records carry only
 * ids, so labels are checked on the metadata answer. A 404 there means the id is too old: `resync` and one
 * bounded full listing instead of failing. A saved page token the server refuses (400) restarts that walk
 * from its start (history from the saved historyId; a listing from its first page): what was already
 * handed over is in the processed set, so the restart downloads no body twice and stores nothing twice.
 */
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import type { MinimalMessage } from '../../parsers/types.ts';
import type {
  Connector,
  ConnectorDeps,
  ConnectorFactory,
  ConnectionInfo,
  Cursor,
  Page,
  PageOptions,
} from '../types.ts';
import { ConnectorError } from '../types.ts';
import { clientOptions } from '../google/caller.ts';
import { revokeGoogleToken } from '../google/oauth.ts';
import { mapPool } from '../google/pool.ts';
import { googleSession, type GoogleSession } from '../google/session.ts';
import { gmailCursor, parseGmailCursor, type GmailCursor } from './cursor.ts';
import { gmailToMinimal } from './message.ts';
import { HEADER_FIELDS } from '../header-fields.ts';
import { planBodies } from '../headers-first.ts';
import { googleConsent } from '../google/consent.ts';
import { hasUserLabels, labelFolders, labelNames } from './labels.ts';

/** Quota units per method (Gmail quota reference). */
const UNITS = { profile: 1, list: 5, get: 5, history: 2, labels: 1 } as const;
/**
 * Labels whose messages carry nothing for us: drafts are unsent, spam/trash untrusted, chats not mail, and
 * Gmail's promotions, social, updates and forums categories are machine mail and notifications. History
 * records come without labels, so this is checked on the metadata answer (and mirrors LIST_QUERY).
 */
const SKIP_LABELS = new Set([
  'DRAFT',
  'SPAM',
  'TRASH',
  'CHAT',
  'CATEGORY_PROMOTIONS',
  'CATEGORY_SOCIAL',
  'CATEGORY_UPDATES',
  'CATEGORY_FORUMS',
]);
/** messages.list search: the same exclusions, server side, so excluded mail costs no request at all. */
export const LIST_QUERY =
  '-in:chats -in:drafts -category:promotions -category:social -category:updates -category:forums';
/** metadataHeaders: the parser's header set, plus the root part's own headers the text decoding reads. */
const METADATA_HEADERS = [...HEADER_FIELDS, 'content-type', 'content-disposition'];
/** Partial responses (Gmail `fields`): never `snippet` (body text), never the root headers twice. */
const METADATA_FIELDS = 'id,labelIds,internalDate,payload/headers';
const BODY_FIELDS = 'id,payload(partId,mimeType,filename,body,parts)';
const DEFAULT_MAX_MESSAGES = 10_000;

class GmailConnector implements Connector {
  private readonly api: gmail_v1.Gmail;
  private readonly session: GoogleSession;
  private readonly pageSize: number;
  private readonly maxMessages: number;
  /** User label names, asked once per run (`pages()`), when a message first carries a user label. */
  private labels: Promise<ReadonlyMap<string, string>> | null = null;

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

  async *pages(cursor: Cursor | null, opts: PageOptions = {}): AsyncIterable<Page> {
    const startedAt = new Date().toISOString();
    this.labels = null; // a label renamed since the last run is seen under its new name
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
    // A preview's cap: messages.list answers newest first, so the first `limit` listed are the newest.
    yield* this.full(c, c ? c.after : since, startedAt, opts.signal, opts.limit);
  }

  private call<T>(units: number, fn: () => Promise<{ data: T }>, signal?: AbortSignal): Promise<T> {
    return this.session.caller.call(units, async () => (await fn()).data, signal);
  }

  private async *full(
    c: GmailCursor | null,
    after: number | null,
    startedAt: string,
    signal?: AbortSignal,
    limit?: number,
  ): AsyncGenerator<Page> {
    const maxMessages = limit && limit > 0 ? Math.min(limit, this.maxMessages) : this.maxMessages;
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
    let restarted = false;
    // Epoch seconds: `after:YYYY/MM/DD` would mean midnight PST (Gmail filtering guide).
    const q = after === null ? LIST_QUERY : `${LIST_QUERY} after:${after}`;
    for (;;) {
      let res: gmail_v1.Schema$ListMessagesResponse;
      try {
        res = await this.call(
          UNITS.list,
          () =>
            this.api.users.messages.list(
              {
                userId: 'me',
                q,
                maxResults: Math.max(1, Math.min(this.pageSize, maxMessages - listed)),
                pageToken,
              },
              { signal },
            ),
          signal,
        );
      } catch (err) {
        // A saved page token refused (400): list again from the first page, once per run.
        if (!refusedToken(err, pageToken) || restarted) throw err;
        restarted = true;
        this.deps.onEvent?.({ type: 'resync', reason: 'page token refused (400)' });
        pageToken = undefined;
        listed = 0;
        continue;
      }
      const ids = (res.messages ?? []).map((m) => m.id).filter((id): id is string => !!id);
      const messages = await this.fetch(ids, signal);
      listed += ids.length;
      const next = res.nextPageToken ?? null;
      const done = !next || listed >= maxMessages;
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
    let restarted = false;
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
                historyTypes: ['messageAdded', 'labelAdded'],
                maxResults: this.pageSize,
                pageToken,
              },
              { signal },
            ),
          signal,
        );
      } catch (err) {
        if (err instanceof ConnectorError && err.code === 'not-found') return 'expired';
        // A saved history page token refused (400): walk again from the saved historyId, once per run.
        if (!refusedToken(err, pageToken) || restarted) throw err;
        restarted = true;
        this.deps.onEvent?.({ type: 'resync', reason: 'page token refused (400)' });
        pageToken = undefined;
        continue;
      }
      const ids = new Set<string>();
      for (const h of res.history ?? []) {
        // Records usually carry only id and threadId: labels are checked on the metadata answer.
        for (const added of h.messagesAdded ?? []) {
          const m = added.message;
          if (m?.id && !(m.labelIds ?? []).some((l) => SKIP_LABELS.has(l))) ids.add(m.id);
        }
        // Moved into the Inbox (rescued from Spam, un-archived): read like a new message.
        for (const added of h.labelsAdded ?? []) {
          if (added.message?.id && (added.labelIds ?? []).includes('INBOX')) ids.add(added.message.id);
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

  /**
   * Headers first: `format=metadata` for each id, then `format=full` only for the messages that can still
   * yield a signature (planBodies); the others are handed over with their headers only.
   */
  private async fetch(ids: string[], signal?: AbortSignal): Promise<MinimalMessage[]> {
    const metas = await mapPool(ids, 5, (id) =>
      this.get(
        { id, format: 'metadata', metadataHeaders: METADATA_HEADERS, fields: METADATA_FIELDS },
        signal,
      ),
    );
    const kept = metas.filter(
      (m): m is gmail_v1.Schema$Message => m !== null && !(m.labelIds ?? []).some((l) => SKIP_LABELS.has(l)),
    );
    const heads = kept.map((m) => gmailToMinimal(m));
    const plan = await planBodies(heads, this.deps);
    const bodies = await mapPool(kept, 5, async (m) => {
      if (!plan.wanted.has(m.id ?? '')) return null;
      const full = await this.get({ id: m.id!, format: 'full', fields: BODY_FIELDS }, signal);
      // The root headers come from the metadata answer (the body request leaves them out).
      return full
        ? gmailToMinimal({ ...m, payload: { ...full.payload, headers: m.payload?.headers ?? [] } })
        : null;
    });
    const names = hasUserLabels(kept) ? await this.labelNames(signal) : null;
    return heads.map((h, i) => {
      const m = bodies[i] ?? h;
      return names && m.folders ? { ...m, folders: labelFolders(m.folders, names) } : m;
    });
  }

  /** users.labels.list, once per run; a failed answer is asked again by the next page that needs it. */
  private labelNames(signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
    if (!this.labels) {
      this.labels = this.call(
        UNITS.labels,
        () => this.api.users.labels.list({ userId: 'me' }, { signal }),
        signal,
      ).then(labelNames);
      this.labels.catch(() => (this.labels = null));
    }
    return this.labels;
  }

  /** One messages.get; a message deleted between listing and fetching is null (nothing to read). */
  private async get(
    params: Omit<gmail_v1.Params$Resource$Users$Messages$Get, 'userId'>,
    signal?: AbortSignal,
  ): Promise<gmail_v1.Schema$Message | null> {
    try {
      return await this.call(
        UNITS.get,
        () => this.api.users.messages.get({ userId: 'me', ...params }, { signal }),
        signal,
      );
    } catch (err) {
      if (err instanceof ConnectorError && err.code === 'not-found') return null;
      throw err;
    }
  }
}

/** True when `err` is the server refusing a page token we sent (400), as opposed to any other failure. */
function refusedToken(err: unknown, pageToken: string | undefined): boolean {
  return pageToken !== undefined && err instanceof ConnectorError && err.code === 'bad-input';
}

export const factory: ConnectorFactory = {
  kinds: ['gmail'],
  oauth: googleConsent('gmail'),
  create: (conn, deps) => new GmailConnector(conn, deps),
  async revoke(conn, deps) {
    if (conn.secret) await revokeGoogleToken(deps.endpoints, conn.secret);
  },
};
