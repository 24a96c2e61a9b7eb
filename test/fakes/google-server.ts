/**
 * A local Google: OAuth token/revoke/consent, Gmail v1 (profile, labels.list, messages.list/get, history.list),
 * Calendar v3 events.list and calendars.get(primary), People v1 connections/otherContacts and people/me
 * (own addresses only for tokens granted an email scope), on node:http at 127.0.0.1
 * (random port), following the documented request and response formats (see
 * ../shared/recipes/provider-facts.md). Per-user quota (250 units/s moving average) and concurrency
 * are enforced with 429/403 answers, so benchmarks (bench/harvest.ts) can reuse it with many users.
 *
 *   const g = await startGoogleServer();
 *   const { refreshToken } = g.addUser('ann@acme.test');
 *   g.addMessages('ann@acme.test', 5000);
 *   env: SIGMINE_GOOGLE_API_URL=g.url SIGMINE_GOOGLE_OAUTH_URL=g.oauthUrl SIGMINE_GOOGLE_AUTH_URL=g.authUrl
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { emlToGmailPayload } from './eml-to-gmail.ts';
import { COST, gError, handleApi, partTree, UNAUTH, type Stored, type UserState } from './google-apis.ts';
import { syntheticMessage } from './synthetic-mail.ts';

export { syntheticMessage };

export interface FakePart {
  mimeType: string;
  /** Extra part headers (Content-Type is generated from mimeType + charset). */
  headers?: [string, string][];
  charset?: string;
  /** Transfer-decoded bytes of a leaf part (a string is UTF-8). */
  body?: string | Uint8Array;
  filename?: string;
  parts?: FakePart[];
}

export interface FakeMessage {
  /** Top-level headers in order (From, To, Subject, Date...). Values as sent (RFC 2047 allowed). */
  headers: [string, string][];
  /** Root part; default a text/plain UTF-8 part with `text`. */
  root?: FakePart;
  text?: string;
  labelIds?: string[];
  internalDate?: number;
}

export interface FakeEvent {
  id?: string;
  summary?: string;
  start: string;
  status?: 'confirmed' | 'cancelled';
  organizer?: { email: string; displayName?: string; self?: boolean };
  attendees?: {
    email: string;
    displayName?: string;
    self?: boolean;
    resource?: boolean;
    responseStatus?: string;
  }[];
}

/** A People API `Person` (only the fields we serve). */
export type FakePerson = Record<string, unknown> & { resourceName?: string };

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  user: string | null;
  status: number;
  /** Form body field names of OAuth POSTs (values never logged). */
  form?: string[];
  /** Response body bytes: as JSON, and as sent (gzip when the client asked for it, as googleapis does). */
  bytes?: number;
  wireBytes?: number;
}

export interface GoogleServerOptions {
  /** Per-user quota in units per second (Gmail: 250, moving average). Default 250. */
  unitsPerSecond?: number;
  /** Requests in flight per user before "Too many concurrent requests for user". Default 5. */
  maxConcurrent?: number;
  /** How a quota overrun is answered: 429 rateLimitExceeded (default) or 403 userRateLimitExceeded. */
  rateLimitStatus?: 429 | 403;
  /** Retry-After seconds sent with rate-limit answers; null: none. Default 1. */
  retryAfterSeconds?: number | null;
  /** Access-token lifetime (expires_in). Default 3599. */
  accessTokenTtl?: number;
  /** Artificial latency per API request, ms. Default 0. */
  latencyMs?: number;
  /** Scopes the consent page grants on top of the requested ones (e.g. gmail.metadata). */
  extraGrantedScopes?: string[];
}

interface Fault {
  match: (path: string) => boolean;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function startGoogleServer(opts: GoogleServerOptions = {}) {
  const unitsPerSecond = opts.unitsPerSecond ?? 250;
  const maxConcurrent = opts.maxConcurrent ?? 5;
  const users = new Map<string, UserState>();
  const refreshTokens = new Map<string, string>(); // token -> user
  const accessTokens = new Map<string, { user: string; exp: number; scope?: string }>();
  const codes = new Map<
    string,
    { user: string; redirectUri: string; challenge: string | null; scope: string }
  >();
  const faults: Fault[] = [];
  const requests: RequestLogEntry[] = [];
  let consentUser: string | null = null;
  let peopleSyncGeneration = 0;
  let idSeq = 0x18c0000000000000n;

  const user = (email: string): UserState => {
    const u = users.get(email);
    if (!u) throw new Error(`fake google: unknown user ${email}`);
    return u;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(gError(500, String(err), 'backendError', 'INTERNAL')));
    });
  });

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function send(
    res: ServerResponse,
    log: RequestLogEntry,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    log.status = status;
    const json = Buffer.from(JSON.stringify(body));
    // Google serves gzip to clients that ask (googleapis sends Accept-Encoding: gzip and "(gzip)" in its
    // User-Agent), so the bytes that cross the wire are the compressed ones.
    const gzip = /\bgzip\b/.test(String(res.req.headers['accept-encoding'] ?? ''));
    const wire = gzip ? gzipSync(json) : json;
    log.bytes = json.length;
    log.wireBytes = wire.length;
    res.writeHead(status, {
      'content-type': 'application/json; charset=UTF-8',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'Origin, X-Origin, Referer' } : {}),
      ...headers,
    });
    res.end(wire);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query: Record<string, string | string[]> = {};
    for (const k of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(k);
      query[k] = all.length > 1 ? all : all[0]!;
    }
    const log: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      user: null,
      status: 0,
    };
    requests.push(log);
    const path = url.pathname;

    // ---- OAuth ----
    if (path === '/oauth/token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      log.form = [...form.keys()];
      const grant = form.get('grant_type');
      if (grant === 'refresh_token') {
        const u = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!u)
          return send(res, log, 400, {
            error: 'invalid_grant',
            error_description: 'Token has been expired or revoked.',
          });
        log.user = u;
        return send(res, log, 200, issue(u, null));
      }
      if (grant === 'authorization_code') {
        const c = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!c || c.redirectUri !== form.get('redirect_uri'))
          return send(res, log, 400, { error: 'invalid_grant', error_description: 'Bad Request' });
        if (c.challenge) {
          const v = form.get('code_verifier') ?? '';
          if (createHash('sha256').update(v).digest('base64url') !== c.challenge)
            return send(res, log, 400, {
              error: 'invalid_grant',
              error_description: 'Invalid code verifier.',
            });
        }
        log.user = c.user;
        const rt = '1//' + randomBytes(24).toString('base64url');
        refreshTokens.set(rt, c.user);
        return send(res, log, 200, { ...issue(c.user, c.scope), refresh_token: rt });
      }
      return send(res, log, 400, {
        error: 'unsupported_grant_type',
        error_description: 'Invalid grant_type: ' + grant,
      });
    }
    if (path === '/oauth/revoke') {
      if (req.method !== 'POST') return send(res, log, 404, { error: 'not_found' });
      const form = new URLSearchParams(await readBody(req));
      log.form = [...form.keys()];
      const t = form.get('token') ?? '';
      const u = refreshTokens.get(t) ?? accessTokens.get(t)?.user;
      if (!u)
        return send(res, log, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
      for (const [k, v] of refreshTokens) if (v === u) refreshTokens.delete(k);
      for (const [k, v] of accessTokens) if (v.user === u) accessTokens.delete(k);
      return send(res, log, 200, {});
    }
    if (path === '/o/oauth2/v2/auth') {
      // Consent page stand-in: approves at once for `consentUser` and redirects (302) like Google.
      const redirect = url.searchParams.get('redirect_uri') ?? '';
      const target = new URL(redirect);
      const who = consentUser ?? [...users.keys()][0];
      if (!who) target.searchParams.set('error', 'access_denied');
      else {
        const code = '4/' + randomBytes(16).toString('base64url');
        const scope = [url.searchParams.get('scope') ?? '', ...(opts.extraGrantedScopes ?? [])]
          .join(' ')
          .trim();
        codes.set(code, {
          user: who,
          redirectUri: redirect,
          challenge: url.searchParams.get('code_challenge'),
          scope,
        });
        target.searchParams.set('code', code);
        target.searchParams.set('scope', scope);
      }
      target.searchParams.set('state', url.searchParams.get('state') ?? '');
      log.status = 302;
      res.writeHead(302, { location: target.toString() }).end();
      return;
    }

    // ---- APIs: bearer token, faults, quota, concurrency ----
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const at = bearer ? accessTokens.get(bearer) : undefined;
    if (!at || at.exp < Date.now())
      return send(res, log, 401, UNAUTH, {
        'www-authenticate': 'Bearer realm="https://accounts.google.com/"',
      });
    log.user = at.user;
    const u = user(at.user);
    const fi = faults.findIndex((f) => f.match(path));
    if (fi >= 0) {
      const f = faults.splice(fi, 1)[0]!;
      return send(res, log, f.status, f.body, f.headers);
    }
    if (req.method !== 'GET') {
      return send(
        res,
        log,
        403,
        gError(
          403,
          'Request had insufficient authentication scopes.',
          'insufficientPermissions',
          'PERMISSION_DENIED',
        ),
      );
    }
    const retryAfter: Record<string, string> =
      opts.retryAfterSeconds === null ? {} : { 'retry-after': String(opts.retryAfterSeconds ?? 1) };
    if (u.inFlight >= maxConcurrent) {
      return send(
        res,
        log,
        429,
        gError(
          429,
          'Too many concurrent requests for user.',
          'rateLimitExceeded',
          'RESOURCE_EXHAUSTED',
          'usageLimits',
        ),
        retryAfter,
      );
    }
    const cost = COST.find(([re]) => re.test(path))?.[1] ?? 1;
    const now = Date.now();
    u.tokens = Math.min(unitsPerSecond, u.tokens + ((now - u.last) / 1000) * unitsPerSecond);
    u.last = now;
    if (u.tokens < cost) {
      const body =
        opts.rateLimitStatus === 403
          ? gError(
              403,
              'User Rate Limit Exceeded',
              'userRateLimitExceeded',
              'PERMISSION_DENIED',
              'usageLimits',
            )
          : gError(
              429,
              "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'gmail.googleapis.com'.",
              'rateLimitExceeded',
              'RESOURCE_EXHAUSTED',
              'usageLimits',
            );
      return send(res, log, opts.rateLimitStatus ?? 429, body, retryAfter);
    }
    u.tokens -= cost;
    u.inFlight++;
    try {
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
      const scopes = at.scope === undefined ? null : at.scope.split(' ');
      const [status, body] = handleApi(u, path, url.searchParams, peopleSyncGeneration, scopes);
      return send(res, log, status, body);
    } finally {
      u.inFlight--;
    }
  }

  function issue(u: string, scope: string | null) {
    const token = 'ya29.' + randomBytes(24).toString('base64url');
    const ttl = opts.accessTokenTtl ?? 3599;
    accessTokens.set(token, { user: u, exp: Date.now() + ttl * 1000, ...(scope ? { scope } : {}) });
    return { access_token: token, expires_in: ttl, token_type: 'Bearer', ...(scope ? { scope } : {}) };
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const fake = {
    /** googleapis rootUrl (SIGMINE_GOOGLE_API_URL). */
    url: `${base}/`,
    /** Token + revoke base (SIGMINE_GOOGLE_OAUTH_URL). */
    oauthUrl: `${base}/oauth`,
    /** Consent page (SIGMINE_GOOGLE_AUTH_URL): approves at once and redirects. */
    authUrl: `${base}/o/oauth2/v2/auth`,
    requests,
    /** Environment for loadConfig(). */
    env(): Record<string, string> {
      return {
        SIGMINE_GOOGLE_API_URL: fake.url,
        SIGMINE_GOOGLE_OAUTH_URL: fake.oauthUrl,
        SIGMINE_GOOGLE_AUTH_URL: fake.authUrl,
        SIGMINE_GOOGLE_CLIENT_ID: 'sigmine-test.apps.googleusercontent.com',
        SIGMINE_GOOGLE_CLIENT_SECRET: 'test-secret',
      };
    },
    addUser(email: string): { refreshToken: string } {
      if (!users.has(email)) {
        const h = 1000 + Math.floor(Math.random() * 1000);
        users.set(email, {
          email,
          messages: [],
          byId: new Map(),
          history: [],
          historyId: h,
          minHistoryId: 0,
          tokenGeneration: 0,
          tokens: unitsPerSecond,
          last: Date.now(),
          inFlight: 0,
          events: [],
          eventSeq: 0,
          eventSyncFloor: 0,
          connections: [],
          otherContacts: [],
          labels: [],
        });
      }
      const refreshToken = '1//' + randomBytes(24).toString('base64url');
      refreshTokens.set(refreshToken, email);
      return { refreshToken };
    },
    /** Creates a user label (as the mailbox owner does in Gmail); returns its id, `Label_N` as Gmail gives. */
    addLabel(email: string, name: string): string {
      const u = user(email);
      const id = `Label_${u.labels.length + 1}`;
      u.labels.push({ id, name });
      return id;
    },
    /** Who the consent page signs in as (default: the first user). */
    setConsentUser(email: string) {
      consentUser = email;
    },
    /** Adds one message; returns its id. History ids grow but are not contiguous (as in Gmail). */
    addMessage(email: string, m: FakeMessage): string {
      const u = user(email);
      const root = m.root ?? { mimeType: 'text/plain', charset: 'UTF-8', body: m.text ?? '' };
      const tree = partTree(root, '');
      const payload = tree.json as Record<string, unknown>;
      payload['headers'] = [
        ...m.headers.map(([name, value]) => ({ name, value })),
        ...(payload['headers'] as unknown[]),
      ];
      idSeq += BigInt(1 + Math.floor(Math.random() * 4096));
      const id = idSeq.toString(16);
      u.historyId += 1 + Math.floor(Math.random() * 3);
      const labelIds = m.labelIds ?? ['INBOX', 'UNREAD'];
      const stored: Stored = {
        id,
        threadId: id,
        historyId: u.historyId,
        internalDate: m.internalDate ?? Date.now(),
        labelIds,
        payload,
        sizeEstimate: tree.size + 500,
        snippet: (m.text ?? '').slice(0, 100),
      };
      u.messages.push(stored);
      u.byId.set(id, stored);
      u.history.push({ id: u.historyId, type: 'messageAdded', message: { id, threadId: id } });
      return id;
    },
    /** Adds a raw RFC 5322 message (e.g. from the corpus), presented as Gmail presents it; returns its id. */
    addRawMessage(email: string, raw: Uint8Array, labelIds?: string[]): string {
      const id = fake.addMessage(email, { headers: [], labelIds });
      const stored = user(email).messages.at(-1)!;
      stored.payload = emlToGmailPayload(raw);
      stored.sizeEstimate = raw.length;
      return id;
    },
    /**
     * Adds n synthetic messages for benchmarks: by default business messages (signature, quoted history,
     * mixed charsets); `make` picks another kind (synthetic-mail.ts: long threads, mostly ruled-out mail).
     */
    addMessages(email: string, n: number, make: (i: number) => FakeMessage = syntheticMessage): string[] {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(fake.addMessage(email, make(i)));
      return ids;
    },
    /**
     * Gmail's label change (users.messages.modify, done by the mailbox owner in the Gmail UI): adds and
     * removes labels and records a labelAdded history record for the added ones, e.g. a message rescued
     * from Spam (add INBOX, remove SPAM).
     */
    changeLabels(email: string, id: string, add: string[], remove: string[] = []) {
      const u = user(email);
      const m = u.byId.get(id);
      if (!m) throw new Error(`fake google: no message ${id}`);
      m.labelIds = [...new Set([...m.labelIds.filter((l) => !remove.includes(l)), ...add])];
      u.historyId += 1 + Math.floor(Math.random() * 3);
      m.historyId = u.historyId;
      if (add.length)
        u.history.push({
          id: u.historyId,
          type: 'labelAdded',
          message: { id, threadId: m.threadId },
          labelIds: add,
        });
    },
    /** Page tokens issued so far (messages.list and history.list) are refused from now on (400 invalidArgument). */
    refusePageTokens(email: string) {
      user(email).tokenGeneration++;
    },
    /**
     * One user's Gmail API traffic so far: requests answered 200, the quota units they cost (Gmail quota
     * reference), and the response bytes as JSON and on the wire.
     */
    bytesFor(email: string): { requests: number; units: number; bytes: number; wireBytes: number } {
      const mine = requests.filter(
        (r) => r.user === email && r.path.startsWith('/gmail/') && r.status === 200,
      );
      return {
        requests: mine.length,
        units: mine.reduce((a, r) => a + (COST.find(([re]) => re.test(r.path))?.[1] ?? 1), 0),
        bytes: mine.reduce((a, r) => a + (r.bytes ?? 0), 0),
        wireBytes: mine.reduce((a, r) => a + (r.wireBytes ?? 0), 0),
      };
    },
    /** Makes every history id older than the current one "too old" (history.list answers 404). */
    expireHistory(email: string) {
      const u = user(email);
      u.minHistoryId = u.historyId + 1;
    },
    /** Invalidates all access tokens server-side (before their expiry): the next call gets 401. */
    invalidateAccessTokens() {
      accessTokens.clear();
    },
    /** Revokes every refresh token of a user: the next refresh gets invalid_grant. */
    revokeUser(email: string) {
      for (const [k, v] of refreshTokens) if (v === email) refreshTokens.delete(k);
      for (const [k, v] of accessTokens) if (v.user === email) accessTokens.delete(k);
    },
    /** The next request whose path matches gets this answer instead (one-shot, FIFO). */
    failNext(match: RegExp, status: number, body: unknown, headers?: Record<string, string>) {
      faults.push({ match: (p) => match.test(p), status, body, headers });
    },
    addEvents(email: string, events: FakeEvent[]) {
      const u = user(email);
      for (const e of events) {
        u.eventSeq++;
        const id = e.id ?? `ev${u.eventSeq}`;
        const existing = u.events.findIndex((x) => x.id === id);
        const rec = { ...e, id, seq: u.eventSeq, updated: new Date().toISOString() };
        if (existing >= 0) u.events.splice(existing, 1);
        u.events.push(rec);
      }
    },
    /** Calendar sync tokens issued so far become invalid (410 fullSyncRequired). */
    expireCalendarSync(email: string) {
      const u = user(email);
      u.eventSyncFloor = u.eventSeq + 1;
    },
    /** People sync tokens issued so far expire (400 FAILED_PRECONDITION, EXPIRED_SYNC_TOKEN). */
    expirePeopleSync() {
      peopleSyncGeneration++;
    },
    addConnections(email: string, people: FakePerson[]) {
      user(email).connections.push(...people);
    },
    addOtherContacts(email: string, people: FakePerson[]) {
      user(email).otherContacts.push(...people);
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
  return fake;
}

export type GoogleServer = Awaited<ReturnType<typeof startGoogleServer>>;
