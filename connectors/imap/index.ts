/**
 * IMAP connector (kind `imap`) on imapflow: read-only, headers plus the first bytes of one text part.
 *
 * Per run: LOGIN (password) or AUTHENTICATE XOAUTH2/OAUTHBEARER with an access token refreshed for this
 * run from the stored refresh token (oauth.ts; Gmail and Exchange Online over IMAP); LIST to find INBOX and the
 * special-use \Sent folder (RFC 6154) plus any `config.mailboxes`; per mailbox EXAMINE
 * (`mailboxOpen(path, { readOnly: true })`, RFC 3501 6.3.2: nothing, not even \Recent or \Seen, changes),
 * `UID SEARCH UID last+1:*`, then per page of 100 UIDs:
 *   1. `UID SEARCH UID <page> OR HEADER List-Id "" OR ...`: which messages carry any bulk, list or automation
 *      header (header-search.ts; checked once per run against headers the server sent, dropped when refused);
 *   2. `UID FETCH (BODYSTRUCTURE BODY.PEEK[HEADER.FIELDS (...)])`, collected completely: five identity fields
 *      for the messages the search cleared, every field the sender class reads for the others;
 *      INTERNALDATE only for a message without a readable Date;
 *   3. headers first (connectors/headers-first.ts): a message whose sender the headers rule out (free-mail,
 *      bulk, role account, no sender) or that this connection already processed is handed over with its
 *      headers only, and no byte of its body is fetched;
 *   4. for the others, one `UID FETCH (BODY.PEEK[part]<0.N>)` per distinct set of parts: the plain parts,
 *      or the HTML part only when there is no plain one, the first head of the first one (FIRST_BYTES, then
 *      what the run learnt from its heads: head-steps.ts);
 *   5. only where that head was cut before the newest part ended (no quoted history begins in it), one
 *      more `UID FETCH (BODY.PEEK[part]<N.M>)` per step of HEAD_STEPS (1.5 KiB, 4 KiB, then HEAD_BYTES).
 * No command is ever issued inside a running fetch iterator (imapflow would deadlock): `fetchAll` collects
 * each response before the next command. PEEK never sets \Seen; the connector never sends STORE, COPY,
 * MOVE, EXPUNGE, APPEND or SELECT.
 *
 * Head, not tail: the signature sits at the end of the NEWEST part, which in a reply is at the TOP of the
 * body, above the quoted history. Measured on the 150-message dev corpus (88 with a signature): the
 * signature ends p50 583 B, p95 2.4 KB, max 7.1 KB into the decoded text, while whole bodies reach
 * p99 11.6 KB and max 24.8 KB; so the first HEAD_BYTES = 16 KiB of decoded text hold every signature with
 * a 2x margin, and a tail fetch would have returned quoted history for long threads. Most messages need
 * far less: a reply whose quoted history starts inside the first FIRST_BYTES = 512 B has its whole newest
 * part there, and the others grow step by step (HEAD_STEPS, chosen from the same corpus: fetch-page.ts).
 * After half a page, a run chooses its first step from the heads it has read (head-steps.ts).
 *
 * Cursor: UIDVALIDITY + last UID per mailbox (see cursor.ts); HIGHESTMODSEQ kept where CONDSTORE is
 * offered. A changed UIDVALIDITY voids that mailbox's UIDs: it is read again from the start (bounded),
 * and the store's message-key idempotency absorbs the repeats. The first run of a mailbox reads at most
 * its newest INITIAL_LIMIT messages.
 */
import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import type {
  Connector,
  ConnectorDeps,
  ConnectionInfo,
  ConnectorFactory,
  ConnectorStats,
  Cursor,
  Page,
  SlotGate,
} from '../types.ts';
import { ConnectorError } from '../types.ts';
import { holdSlot } from '../slots.ts';
import { readCursor, snapshot, type ImapCursor } from './cursor.ts';
import { imapError, type ImapLogin } from './errors.ts';
import { freshHeaderSearch } from './header-search.ts';
import { HeadLearner } from './head-steps.ts';
import { imapAccessTokens, readImapOAuthSecret, revokeImapOAuth } from './oauth.ts';
import {
  FIRST_BYTES,
  HEAD_BYTES,
  HEAD_STEPS,
  fetchPageSkippingBad,
  type PageFetchContext,
} from './fetch-page.ts';

export { FIRST_BYTES, HEAD_BYTES, HEAD_STEPS };
/** A run's head learner: FIRST_BYTES until it has seen enough heads, the later steps fixed. */
const freshHeads = () => new HeadLearner(HEAD_STEPS.slice(1), FIRST_BYTES);
/** Messages per page (one store transaction each). */
export const PAGE_SIZE = 100;
/** First run (or resync) of a mailbox: only its newest messages, so a 200k-message archive stays bounded. */
export const INITIAL_LIMIT = 10_000;
/**
 * IMAP sessions one mailbox gets from sigmine at once, across every worker process (connectors/slots.ts).
 * Servers cap sessions per user: Gmail 15 per account, Dovecot 10 per user and address by default
 * (`mail_max_userip_connections`), Exchange Online about 20; the owner's own mail apps use some of them
 * (a desktop client opens up to 5). A harvest needs one; 3 leaves the rest to the owner.
 */
export const MAX_SESSIONS_PER_MAILBOX = 3;
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

/** Reads the PEM file of a private CA, when the settings name one. */
function readCa(settings: ImapSettings): string | null {
  if (!settings.caFile) return null;
  try {
    return readFileSync(settings.caFile, 'utf8');
  } catch (err) {
    throw new ConnectorError('config', 'cannot read the IMAP CA file', { cause: err });
  }
}

/** The imapflow options of one login: TLS policy, credentials and the time budgets of a batch read. */
function clientOptions(
  settings: ImapSettings,
  credential: { pass: string } | { accessToken: string },
  ca: string | null,
): ConstructorParameters<typeof ImapFlow>[0] {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.tls,
    // true: STARTTLS or no login (imapflow throws `tlsFailed` before AUTHENTICATE/LOGIN); false: never.
    ...(settings.tls ? {} : { doSTARTTLS: !settings.insecurePlaintext }),
    auth: { user: settings.user, ...credential },
    tls: { rejectUnauthorized: settings.rejectUnauthorized, ...(ca ? { ca } : {}) },
    logger: false,
    disableAutoIdle: true, // IDLE is useless for a batch read and would hold the connection
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  };
}

/** INBOX, the \Sent folder and the configured mailboxes that exist and can be opened, minus junk. */
function mailboxesToRead(listed: Awaited<ReturnType<ImapClient['list']>>, settings: ImapSettings): string[] {
  const wanted = new Set(settings.mailboxes);
  return listed
    .filter((m) => !m.flags.has('\\Noselect') && !m.flags.has('\\NonExistent'))
    .filter((m) => m.path.toUpperCase() === 'INBOX' || m.specialUse === '\\Sent' || wanted.has(m.path))
    .filter((m) => !(m.specialUse && SKIP_SPECIAL.has(m.specialUse)) || wanted.has(m.path))
    .map((m) => m.path);
}

type OpenMailbox = Awaited<ReturnType<ImapClient['mailboxOpen']>>;

/**
 * The UIDs of one open mailbox to read this run, oldest first: above the cursor's last UID (and since
 * `since`), the newest INITIAL_LIMIT on a first run, the newest `limit` for a preview.
 */
async function uidsToRead(
  call: PageFetchContext['call'],
  c: ImapClient,
  lastUid: number,
  firstRun: boolean,
  since: Date | undefined,
  limit: number | undefined,
): Promise<number[]> {
  const found = await call(() =>
    c.search({ uid: `${lastUid + 1}:*`, ...(since ? { since } : {}) }, { uid: true }),
  );
  // `N:*` includes the highest UID even when it is below N (RFC 3501 6.4.8): filter.
  let uids = (Array.isArray(found) ? found : []).filter((u) => u > lastUid).sort((a, b) => a - b);
  if (firstRun && uids.length > INITIAL_LIMIT) uids = uids.slice(uids.length - INITIAL_LIMIT);
  // A preview's cap: the newest `limit` messages of each folder (UIDs grow with arrival).
  if (limit && limit > 0 && uids.length > limit) uids = uids.slice(uids.length - limit);
  return uids;
}

/** What one run reads: where it starts, and the page options of `pages()`. */
interface RunOptions {
  since: Date | undefined;
  signal: AbortSignal | undefined;
  limit: number | undefined;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

/**
 * Reads one mailbox after the cursor, a page at a time, updating `cursor.mailboxes[path]` before each
 * page is yielded. A mailbox deleted between LIST and EXAMINE is forgotten.
 */
async function* readMailbox(
  ctx: PageFetchContext,
  c: ImapClient,
  path: string,
  cursor: ImapCursor,
  o: RunOptions,
): AsyncGenerator<Page> {
  let mb: OpenMailbox;
  try {
    mb = await ctx.call(() => c.mailboxOpen(path, { readOnly: true }));
  } catch (err) {
    // Deleted between LIST and EXAMINE: forget it, read the others.
    if (err instanceof ConnectorError && err.code === 'not-found' && c.usable) {
      delete cursor.mailboxes[path];
      return;
    }
    throw err;
  }
  const uidValidity = String(mb.uidValidity);
  let prev = cursor.mailboxes[path];
  if (prev && prev.uidValidity !== uidValidity) {
    ctx.deps.onEvent?.({ type: 'resync', reason: `UIDVALIDITY of ${path} changed` });
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
  const uids =
    mb.exists === 0 || unchanged ? [] : await uidsToRead(ctx.call, c, lastUid, !prev, o.since, o.limit);
  if (uids.length === 0) {
    cursor.mailboxes[path] = state(Math.max(lastUid, top));
    return;
  }
  for (let i = 0; i < uids.length; i += PAGE_SIZE) {
    throwIfAborted(o.signal);
    const chunk = uids.slice(i, i + PAGE_SIZE);
    const messages = await fetchPageSkippingBad(ctx, c, path, uidValidity, chunk);
    const isLast = i + PAGE_SIZE >= uids.length;
    const maxUid = chunk[chunk.length - 1]!;
    cursor.mailboxes[path] = isLast ? state(Math.max(maxUid, top)) : state(maxUid, false);
    yield { messages, contacts: [], cursor: snapshot(cursor), done: false };
  }
}

/**
 * The connector's one IMAP session: one of its mailbox's MAX_SESSIONS_PER_MAILBOX slots (connectors/slots.ts,
 * shared with other processes through ConnectorDeps.slots) is taken before the login and given back after the
 * logout, so the server never sees more sessions from sigmine than it allows.
 */
class MailboxSession {
  private client: ImapClient | null = null;
  private release: (() => Promise<void>) | null = null;

  constructor(
    private readonly settings: ImapSettings,
    private readonly slots: SlotGate | undefined,
  ) {}

  async open(login: () => Promise<ImapClient>, signal: AbortSignal | undefined): Promise<ImapClient> {
    await this.end(); // a run started again without close(): one session per connector at a time
    const { host, port, user } = this.settings;
    try {
      this.release = await holdSlot(
        this.slots,
        `imap:mailbox:${host}:${port}:${user}`,
        MAX_SESSIONS_PER_MAILBOX,
        signal,
      );
    } catch (err) {
      throwIfAborted(signal);
      throw new ConnectorError('unavailable', 'mailbox session slots unavailable', { cause: err });
    }
    try {
      this.client = await login();
      return this.client;
    } catch (err) {
      await this.giveBack();
      throw err;
    }
  }

  /** Logs out (or drops the socket) and gives the slot back. */
  async end(): Promise<void> {
    const c = this.client;
    this.client = null;
    try {
      if (c?.usable) await c.logout();
    } catch {
      c?.close();
    } finally {
      await this.giveBack();
    }
  }

  private async giveBack(): Promise<void> {
    const release = this.release;
    this.release = null;
    await release?.().catch(() => {}); // an unreturned shared slot expires by itself
  }
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
  const session = new MailboxSession(settings, deps.slots);

  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    stats.apiCalls++;
    try {
      return await fn();
    } catch (err) {
      throw imapError(err, login);
    }
  };
  const ctx: PageFetchContext = { call, deps, headerSearch: freshHeaderSearch(), heads: freshHeads() };

  /** Logs in; a new access token for every login (one refresh per run, never one left from an earlier run). */
  const logIn = async (): Promise<ImapClient> => {
    const make = opts.makeClient ?? ((o) => new ImapFlow(o));
    const ca = readCa(settings);
    const accessToken = tokens ? await tokens.get() : secret;
    const c = make(clientOptions(settings, oauth ? { accessToken } : { pass: secret }, ca));
    await call(() => c.connect());
    return c;
  };

  async function* run(start: Cursor | null, o: RunOptions): AsyncGenerator<Page> {
    const cursor: ImapCursor = readCursor(start);
    ctx.headerSearch = freshHeaderSearch(); // each run checks its server's search anew
    ctx.heads = freshHeads(); // and learns its first head size from its own mail
    const c = await session.open(logIn, o.signal);
    const boxes = mailboxesToRead(await call(() => c.list()), settings);
    // Forget mailboxes that no longer exist (renamed or deleted): their UIDs mean nothing now.
    for (const path of Object.keys(cursor.mailboxes))
      if (!boxes.includes(path)) delete cursor.mailboxes[path];
    for (const path of boxes) {
      throwIfAborted(o.signal);
      yield* readMailbox(ctx, c, path, cursor, o);
    }
    yield { messages: [], contacts: [], cursor: snapshot(cursor), done: true };
  }

  return {
    pages(cursor, o) {
      return run(cursor, { since: o?.since, signal: o?.signal, limit: o?.limit });
    },
    stats: () => ({ ...stats }),
    close: () => session.end(),
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
