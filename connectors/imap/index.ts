/**
 * IMAP connector (kind `imap`) on imapflow: read-only, headers plus the first bytes of one text part.
 *
 * Per run: LOGIN (password) or AUTHENTICATE XOAUTH2/OAUTHBEARER with an access token refreshed for this
 * run from the stored refresh token (oauth.ts; Gmail and Exchange Online over IMAP); LIST to find INBOX and the
 * special-use \Sent folder (RFC 6154) plus any `config.mailboxes`; per mailbox EXAMINE
 * (`mailboxOpen(path, { readOnly: true })`, RFC 3501 6.3.2: nothing, not even \Recent or \Seen, changes),
 * `UID SEARCH UID last+1:*`, then per page of 100 UIDs:
 *   1. `UID FETCH (BODYSTRUCTURE INTERNALDATE BODY.PEEK[HEADER.FIELDS (...)])`, collected completely;
 *   2. headers first (connectors/headers-first.ts): a message whose sender the headers rule out (free-mail,
 *      bulk, role account, no sender) or that this connection already processed is handed over with its
 *      headers only, and no byte of its body is fetched;
 *   3. for the others, one `UID FETCH (BODY.PEEK[part]<0.N>)` per distinct set of parts: the plain parts,
 *      or the HTML part only when there is no plain one, FIRST_BYTES of the first one;
 *   4. only where that head was cut before the newest part ended (no quoted history begins in it), one
 *      more `UID FETCH (BODY.PEEK[part]<N.M>)` for the rest of HEAD_BYTES.
 * No command is ever issued inside a running fetch iterator (imapflow would deadlock): `fetchAll` collects
 * each response before the next command. PEEK never sets \Seen; the connector never sends STORE, COPY,
 * MOVE, EXPUNGE, APPEND or SELECT.
 *
 * Head, not tail: the signature sits at the end of the NEWEST part, which in a reply is at the TOP of the
 * body, above the quoted history. Measured on the 150-message dev corpus (88 with a signature): the
 * signature ends p50 583 B, p95 2.4 KB, max 7.1 KB into the decoded text, while whole bodies reach
 * p99 11.6 KB and max 24.8 KB; so the first HEAD_BYTES = 16 KiB of decoded text hold every signature with
 * a 2x margin, and a tail fetch would have returned quoted history for long threads. Most messages need
 * far less: FIRST_BYTES = 2 KiB covers most signature ends, and a reply whose quoted history starts
 * inside those 2 KiB has its whole newest part there, so only the rest is extended to HEAD_BYTES.
 *
 * Cursor: UIDVALIDITY + last UID per mailbox (see cursor.ts); HIGHESTMODSEQ kept where CONDSTORE is
 * offered. A changed UIDVALIDITY voids that mailbox's UIDs: it is read again from the start (bounded),
 * and the store's message-key idempotency absorbs the repeats. The first run of a mailbox reads at most
 * its newest INITIAL_LIMIT messages.
 */
import { readFileSync } from 'node:fs';
import { ImapFlow, type FetchMessageObject } from 'imapflow';
import type {
  Connector,
  ConnectorDeps,
  ConnectionInfo,
  ConnectorFactory,
  ConnectorStats,
  Cursor,
  Page,
} from '../types.ts';
import { ConnectorError } from '../types.ts';
import { readCursor, snapshot, type ImapCursor } from './cursor.ts';
import { imapError, type ImapLogin } from './errors.ts';
import { imapAccessTokens, readImapOAuthSecret, revokeImapOAuth } from './oauth.ts';
import { planBodies } from '../headers-first.ts';
import {
  IMAP_HEADER_FIELDS,
  buildMinimal,
  chooseTextParts,
  newestPartComplete,
  rawFetchBytes,
  type ImapMinimalMessage,
  type StructureNode,
  type TextPart,
  type TextParts,
} from './message.ts';

/** Decoded bytes of the text part fetched per message at most (see the module comment for the numbers). */
export const HEAD_BYTES = 16 * 1024;
/**
 * Decoded bytes fetched first: past the p90 signature end of the dev corpus (p50 583 B, p95 2.4 KB), and a
 * reply's quoted history usually starts inside it. Extended to HEAD_BYTES only when no quoted history starts
 * in it (the newest part may go on): the first quote start found is the same with more bytes, so a message
 * yields the same tail as with a HEAD_BYTES fetch, for one more FETCH per page at most.
 */
export const FIRST_BYTES = 2 * 1024;
/** Messages per page (one store transaction each). */
export const PAGE_SIZE = 100;
/** First run (or resync) of a mailbox: only its newest messages, so a 200k-message archive stays bounded. */
export const INITIAL_LIMIT = 10_000;
/** Special-use folders that never hold correspondence worth reading. */
const SKIP_SPECIAL = new Set(['\\Junk', '\\Trash', '\\Drafts']);

/** The slice of ImapFlow this connector uses (tests may pass a client with extra logging). */
export type ImapClient = Pick<
  ImapFlow,
  'connect' | 'list' | 'mailboxOpen' | 'search' | 'fetchAll' | 'logout' | 'close' | 'usable'
>;

export interface ImapSettings {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  auth: 'password' | 'xoauth2';
  mailboxes: string[];
  rejectUnauthorized: boolean;
  /** PEM file of a private CA to trust for this server (replaces the system roots for this connection). */
  caFile: string | null;
  /**
   * Without implicit TLS, STARTTLS (RFC 9051 7.1.4 / RFC 3501 6.2.1) is REQUIRED before the login: a server
   * that does not offer it (or a man in the middle that strips it from the cleartext CAPABILITY) never
   * receives the password or token. Only `connect imap --insecure-plaintext` (stored as
   * `insecurePlaintext: true`) lets a connection log in over clear text, and it warns when saved.
   */
  insecurePlaintext: boolean;
}

/** Validates `conn.config` (host, port, tls, user, auth, mailboxes). */
export function imapSettings(conn: ConnectionInfo): ImapSettings {
  const c = conn.config;
  const host = typeof c.host === 'string' ? c.host.trim() : '';
  const port = typeof c.port === 'number' ? c.port : Number(c.port);
  const tls = c.tls === undefined ? port === 993 : c.tls === true || c.tls === 'true';
  const user = typeof c.user === 'string' && c.user ? c.user : conn.account;
  const auth = c.auth === 'xoauth2' ? 'xoauth2' : 'password';
  if (!host) throw new ConnectorError('config', 'IMAP connection has no host');
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new ConnectorError('config', 'IMAP port must be 1-65535');
  const mailboxes = Array.isArray(c.mailboxes)
    ? c.mailboxes.filter((m): m is string => typeof m === 'string')
    : [];
  const caFile = typeof c.tlsCaFile === 'string' && c.tlsCaFile ? c.tlsCaFile : null;
  return {
    host,
    port,
    tls,
    user,
    auth,
    mailboxes,
    rejectUnauthorized: c.tlsRejectUnauthorized !== false,
    caFile,
    insecurePlaintext: c.insecurePlaintext === true,
  };
}

export interface ImapConnectorOptions {
  /** Builds the client (default: a real ImapFlow). Tests use it to add a protocol logger. */
  makeClient?: (options: ConstructorParameters<typeof ImapFlow>[0]) => ImapClient;
}

export function createImapConnector(
  conn: ConnectionInfo,
  deps: ConnectorDeps,
  opts: ImapConnectorOptions = {},
): Connector {
  const settings = imapSettings(conn);
  if (!conn.secret) throw new ConnectorError('config', 'IMAP connection has no password or token');
  const secret = conn.secret;
  const oauth = settings.auth === 'xoauth2';
  // xoauth2: a refresh-token grant (a fresh access token per run), or a bare access token stored by
  // older versions, used until it is rejected.
  const grant = oauth ? readImapOAuthSecret(secret) : null;
  const tokens = grant ? imapAccessTokens(conn, grant, deps) : null;
  const login: ImapLogin = !oauth ? 'password' : grant ? 'oauth-fresh' : 'oauth-stored';
  const stats: ConnectorStats = { apiCalls: 0, rateLimitWaits: 0 };
  let client: ImapClient | null = null;

  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    stats.apiCalls++;
    try {
      return await fn();
    } catch (err) {
      throw imapError(err, login);
    }
  };

  const open = async (): Promise<ImapClient> => {
    const make = opts.makeClient ?? ((o) => new ImapFlow(o));
    let ca: string | null = null;
    if (settings.caFile) {
      try {
        ca = readFileSync(settings.caFile, 'utf8');
      } catch (err) {
        throw new ConnectorError('config', 'cannot read the IMAP CA file', { cause: err });
      }
    }
    // A new access token for every login: one refresh per run, never a token left over from an earlier run.
    const accessToken = tokens ? await tokens.get() : secret;
    const c = make({
      host: settings.host,
      port: settings.port,
      secure: settings.tls,
      // true: STARTTLS or no login (imapflow throws `tlsFailed` before AUTHENTICATE/LOGIN); false: never.
      ...(settings.tls ? {} : { doSTARTTLS: !settings.insecurePlaintext }),
      auth: oauth ? { user: settings.user, accessToken } : { user: settings.user, pass: secret },
      tls: { rejectUnauthorized: settings.rejectUnauthorized, ...(ca ? { ca } : {}) },
      logger: false,
      disableAutoIdle: true, // IDLE is useless for a batch read and would hold the connection
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      socketTimeout: 120_000,
    });
    await call(() => c.connect());
    return c;
  };

  async function* run(
    start: Cursor | null,
    since: Date | undefined,
    signal: AbortSignal | undefined,
    limit?: number,
  ): AsyncGenerator<Page> {
    const cursor: ImapCursor = readCursor(start);
    client = await open();
    const c = client;
    const listed = await call(() => c.list());
    const wanted = new Set(settings.mailboxes);
    const boxes = listed
      .filter((m) => !m.flags.has('\\Noselect') && !m.flags.has('\\NonExistent'))
      .filter((m) => m.path.toUpperCase() === 'INBOX' || m.specialUse === '\\Sent' || wanted.has(m.path))
      .filter((m) => !(m.specialUse && SKIP_SPECIAL.has(m.specialUse)) || wanted.has(m.path))
      .map((m) => m.path);
    // Forget mailboxes that no longer exist (renamed or deleted): their UIDs mean nothing now.
    for (const path of Object.keys(cursor.mailboxes))
      if (!boxes.includes(path)) delete cursor.mailboxes[path];

    for (const path of boxes) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      let mb: Awaited<ReturnType<ImapClient['mailboxOpen']>>;
      try {
        mb = await call(() => c.mailboxOpen(path, { readOnly: true }));
      } catch (err) {
        // Deleted between LIST and EXAMINE: forget it, read the others.
        if (err instanceof ConnectorError && err.code === 'not-found' && c.usable) {
          delete cursor.mailboxes[path];
          continue;
        }
        throw err;
      }
      const uidValidity = String(mb.uidValidity);
      let prev = cursor.mailboxes[path];
      if (prev && prev.uidValidity !== uidValidity) {
        deps.onEvent?.({ type: 'resync', reason: `UIDVALIDITY of ${path} changed` });
        prev = undefined;
      }
      const lastUid = prev?.lastUid ?? 0;
      const top = typeof mb.uidNext === 'number' && mb.uidNext > 0 ? mb.uidNext - 1 : 0;
      const modseq = mb.highestModseq !== undefined ? String(mb.highestModseq) : undefined;
      // HIGHESTMODSEQ is recorded only once the whole mailbox was read: a mid-mailbox page cursor with the
      // final modseq would make the next run believe nothing is left.
      const state = (last: number, complete = true) => ({
        uidValidity,
        lastUid: last,
        ...(modseq && complete ? { highestModseq: modseq } : {}),
      });
      const unchanged = prev && (top <= lastUid || (modseq !== undefined && prev.highestModseq === modseq));
      if (mb.exists === 0 || unchanged) {
        cursor.mailboxes[path] = state(Math.max(lastUid, top));
        continue;
      }
      const found = await call(() =>
        c.search({ uid: `${lastUid + 1}:*`, ...(since ? { since } : {}) }, { uid: true }),
      );
      // `N:*` includes the highest UID even when it is below N (RFC 3501 6.4.8): filter.
      let uids = (Array.isArray(found) ? found : []).filter((u) => u > lastUid).sort((a, b) => a - b);
      if (!prev && uids.length > INITIAL_LIMIT) uids = uids.slice(uids.length - INITIAL_LIMIT);
      // A preview's cap: the newest `limit` messages of each folder (UIDs grow with arrival).
      if (limit && limit > 0 && uids.length > limit) uids = uids.slice(uids.length - limit);
      if (uids.length === 0) {
        cursor.mailboxes[path] = state(Math.max(lastUid, top));
        continue;
      }
      for (let i = 0; i < uids.length; i += PAGE_SIZE) {
        if (signal?.aborted) throw signal.reason ?? new Error('aborted');
        const chunk = uids.slice(i, i + PAGE_SIZE);
        const messages = await fetchPageSkippingBad(c, path, uidValidity, chunk);
        const isLast = i + PAGE_SIZE >= uids.length;
        const maxUid = chunk[chunk.length - 1]!;
        cursor.mailboxes[path] = isLast ? state(Math.max(maxUid, top)) : state(maxUid, false);
        yield { messages, contacts: [], cursor: snapshot(cursor), done: false };
      }
    }
    yield { messages: [], contacts: [], cursor: snapshot(cursor), done: true };
  }

  /**
   * Parts to fetch and the decoded bytes wanted from each, first round: the plain parts (the first one
   * FIRST_BYTES, later inline ones, signature parts, 4 KiB), or the HTML part alone (2 x FIRST_BYTES: markup
   * roughly doubles the text) when there is no plain part. The HTML of a message with a plain part is never
   * fetched: its text is the plain part's, and its signature marker is a hint the plain text rarely needs.
   */
  const fetchPlan = (tps: TextParts): Array<{ tp: TextPart; bytes: number }> =>
    tps.plain.length > 0
      ? tps.plain.map((tp, i) => ({
          tp,
          bytes: rawFetchBytes(tp.encoding, i === 0 ? FIRST_BYTES : 4 * 1024),
        }))
      : tps.html
        ? [{ tp: tps.html, bytes: rawFetchBytes(tps.html.encoding, 2 * FIRST_BYTES) }]
        : [];

  /** The raw bytes the first part may grow to when its head was cut (HEAD_BYTES decoded, twice for HTML). */
  const fullBytes = (tp: TextPart): number =>
    rawFetchBytes(tp.encoding, tp.html ? 2 * HEAD_BYTES : HEAD_BYTES);

  /** One FETCH per distinct set of (part, range); returns each message's raw part bytes by part. */
  async function fetchRanges(
    c: ImapClient,
    wanted: Map<number, Array<{ key: string; start: number; maxLength: number }>>,
  ): Promise<Map<number, Map<string, Buffer>>> {
    const groups = new Map<
      string,
      { query: Array<{ key: string; start: number; maxLength: number }>; uids: number[] }
    >();
    for (const [uid, query] of wanted) {
      if (query.length === 0) continue;
      const key = query.map((q) => `${q.key}<${q.start}.${q.maxLength}>`).join(' ');
      const g = groups.get(key);
      if (g) g.uids.push(uid);
      else groups.set(key, { query, uids: [uid] });
    }
    const out = new Map<number, Map<string, Buffer>>();
    for (const g of groups.values()) {
      const rows: FetchMessageObject[] = await call(() =>
        c.fetchAll(g.uids.join(','), { uid: true, bodyParts: g.query }, { uid: true }),
      );
      for (const r of rows) if (r.bodyParts) out.set(r.uid, r.bodyParts);
    }
    return out;
  }

  /**
   * A page whose response imapflow rejects (one hostile message can poison a whole FETCH) is fetched again
   * message by message, and messages that still fail are skipped, so one bad message cannot stop every
   * later harvest of the mailbox at the same page. Connection and login errors still end the run.
   */
  async function fetchPageSkippingBad(
    c: ImapClient,
    path: string,
    uidValidity: string,
    uids: number[],
  ): Promise<ImapMinimalMessage[]> {
    try {
      return await fetchPage(c, path, uidValidity, uids);
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.code !== 'bad-input' || !c.usable) throw err;
    }
    const out: ImapMinimalMessage[] = [];
    for (const uid of uids) {
      try {
        out.push(...(await fetchPage(c, path, uidValidity, [uid])));
      } catch (err) {
        if (!(err instanceof ConnectorError) || err.code !== 'bad-input' || !c.usable) throw err;
        deps.onEvent?.({ type: 'retry', attempt: 1, code: 'skipped-unreadable-message' });
      }
    }
    return out;
  }

  async function fetchPage(
    c: ImapClient,
    path: string,
    uidValidity: string,
    uids: number[],
  ): Promise<ImapMinimalMessage[]> {
    const metas = await call(() =>
      c.fetchAll(
        uids.join(','),
        { uid: true, bodyStructure: true, internalDate: true, headers: [...IMAP_HEADER_FIELDS] },
        { uid: true },
      ),
    );
    const sourceId = (uid: number) => `${path}:${uidValidity}:${uid}`;
    const heads = new Map(
      metas.map((m) => [
        m.uid,
        buildMinimal({
          sourceId: sourceId(m.uid),
          headers: m.headers,
          internalDate: m.internalDate,
          texts: [],
        }),
      ]),
    );
    // Headers first: no body byte for a ruled-out or already-processed message.
    const { wanted } = await planBodies([...heads.values()], deps);
    const plans = new Map<number, Array<{ tp: TextPart; bytes: number }>>();
    for (const m of metas) {
      if (!wanted.has(sourceId(m.uid))) continue;
      plans.set(m.uid, fetchPlan(chooseTextParts(m.bodyStructure as StructureNode | undefined)));
    }
    const first = await fetchRanges(
      c,
      new Map(
        [...plans].map(([uid, plan]) => [
          uid,
          plan.map((p) => ({ key: p.tp.part, start: 0, maxLength: p.bytes })),
        ]),
      ),
    );
    const rawOf = (uid: number, part: string, got = first) =>
      got.get(uid)?.get(part.toLowerCase()) ?? got.get(uid)?.get(part);
    // Extend the first part where its head was cut before the newest part ended.
    const more = new Map<number, Array<{ key: string; start: number; maxLength: number }>>();
    for (const [uid, plan] of plans) {
      const p = plan[0];
      const raw = p ? rawOf(uid, p.tp.part) : undefined;
      if (!p || !raw || raw.length < p.bytes || fullBytes(p.tp) <= p.bytes) continue;
      if (newestPartComplete(raw, p.tp)) continue;
      more.set(uid, [{ key: p.tp.part, start: p.bytes, maxLength: fullBytes(p.tp) - p.bytes }]);
    }
    const rest = more.size ? await fetchRanges(c, more) : new Map<number, Map<string, Buffer>>();
    return metas
      .sort((a, b) => a.uid - b.uid)
      .map((m) => {
        const plan = plans.get(m.uid);
        if (!plan) return heads.get(m.uid)!;
        return buildMinimal({
          sourceId: sourceId(m.uid),
          headers: m.headers,
          internalDate: m.internalDate,
          texts: plan.map((p, i) => {
            const head = rawOf(m.uid, p.tp.part);
            const tail = i === 0 && more.has(m.uid) ? rawOf(m.uid, p.tp.part, rest) : undefined;
            return tail && head
              ? { part: p.tp, raw: Buffer.concat([head, tail]), requested: fullBytes(p.tp) }
              : { part: p.tp, raw: head, requested: p.bytes };
          }),
        });
      });
  }

  return {
    pages(cursor, o) {
      return run(cursor, o?.since, o?.signal, o?.limit);
    },
    stats: () => ({ ...stats }),
    async close() {
      const c = client;
      client = null;
      if (!c) return;
      try {
        if (c.usable) await c.logout();
      } catch {
        c.close();
      }
    },
  };
}

export const factory: ConnectorFactory = {
  kinds: ['imap'],
  create: (conn, deps) => createImapConnector(conn, deps),
  /**
   * Opt-out, per connection (oauth.ts): a Google OAuth grant is revoked at the endpoint that issued it; a
   * Microsoft grant or a password has nothing to revoke at a provider (opt-out deletes the secret and
   * records it `discarded`, naming the provider or none: src/connections/token-issuer.ts).
   */
  revoke: (conn, deps) => revokeImapOAuth(conn, deps),
};
