/**
 * A local stand-in for Microsoft Graph v1.0 and the Microsoft identity platform token endpoint, following
 * the documented wire formats (provider-facts.md §4-5): HTTPS with a self-signed certificate, bearer
 * tokens that expire (401 InvalidAuthenticationToken), refresh tokens that rotate on every refresh and die
 * with `invalid_grant` + AADSTS codes, delta rounds (`@odata.nextLink` with percent-encoded `%24skip`,
 * `@odata.deltaLink`, 410 SyncStateNotFound), throttling (429 + Retry-After) and the
 * `Prefer: outlook.body-content-type="text"` header, without which bodies come back as HTML.
 *
 * Only what the connectors use is implemented; anything else is 405/404, and every request is recorded
 * so tests can assert that nothing but GETs (and token POSTs) ever reached it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { TestCertificate } from './tls.ts';

export interface FakeAddress {
  name: string;
  address: string;
}

export interface FakeMessage {
  id: string;
  from?: FakeAddress;
  sender?: FakeAddress;
  to?: FakeAddress[];
  cc?: FakeAddress[];
  replyTo?: FakeAddress[];
  sentDateTime: string;
  receivedDateTime?: string;
  internetMessageId?: string;
  /** The message's unique (unquoted) text; served as `uniqueBody`, and as `body` with quoted history. */
  text: string;
  /** internetMessageHeaders beyond the standard ones (List-Unsubscribe, Precedence...). */
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  prefer: string | null;
  authorization: string | null;
}

export interface TokenRequest {
  grantType: string;
  refreshToken?: string;
  code?: string;
  codeVerifier?: string;
  scope?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
}

export interface GraphServerOptions {
  cert: TestCertificate;
  messages?: FakeMessage[];
  /** Graph `contact` resources (displayName, emailAddresses, jobTitle...); `id` required. */
  contacts?: Record<string, unknown>[];
  /** Graph `event` resources (start, organizer, attendees...); `id` required. */
  events?: Record<string, unknown>[];
  /** The refresh token the connection starts with. Default `rt-0`. */
  refreshToken?: string;
  clientId?: string;
  /** Page size when the client sends no `Prefer: odata.maxpagesize`. Graph's default is 10. */
  defaultPageSize?: number;
  /** Delay before each Graph response, to make concurrency observable. */
  responseDelayMs?: number;
  /**
   * Keep accepting earlier refresh tokens after a rotation (real Microsoft behaviour within their
   * lifetime). Default false: only the newest works, which proves the caller stores the rotated one.
   */
  acceptOldRefreshTokens?: boolean;
  /** Behave as if `Prefer: outlook.body-content-type` were absent: bodies come back as HTML. */
  ignorePrefer?: boolean;
  /** Misbehaving server: nextLinks point at this origin instead of the server's own. */
  nextLinkOrigin?: string;
  /** The signed-in user `GET /v1.0/me` describes. Default `me@contoso.example`, UPN at contoso.onmicrosoft.com. */
  me?: FakeUser;
  /** Messages a first round filtered by receivedDateTime returns at most (Graph: 5,000). */
  firstRoundCap?: number;
  /**
   * Graph's per-app per-mailbox concurrency limit (4, throttling-limits): a request arriving while this many
   * are in flight gets 429 `ApplicationThrottled` "over its MailboxConcurrency limit" with Retry-After: 1.
   * Default: no limit.
   */
  maxConcurrent?: number;
}

/** The `user` resource's identity fields (`mail` is null for accounts without an Exchange address). */
export interface FakeUser {
  mail: string | null;
  userPrincipalName: string;
}

export interface GraphServer {
  /** Value for SIGMINE_GRAPH_API_URL. */
  graphUrl: string;
  /** Value for SIGMINE_MS_LOGIN_URL (same server). */
  loginUrl: string;
  requests: RecordedRequest[];
  tokenRequests: TokenRequest[];
  /** Highest number of Graph requests in flight at once. */
  maxInFlight(): number;
  /** Requests refused with 429 for going over `maxConcurrent`. */
  concurrencyRefusals(): number;
  /** The only refresh token currently accepted (rotates on every refresh). */
  currentRefreshToken(): string;
  addMessages(...m: FakeMessage[]): void;
  addContacts(...c: Record<string, unknown>[]): void;
  /** Every access token issued so far now gets 401 InvalidAuthenticationToken. */
  expireAccessTokens(): void;
  /** The refresh token dies: next refresh gets 400 invalid_grant with this AADSTS code. */
  revokeRefreshToken(aadsts?: number): void;
  /** Every delta/skip token issued so far now gets 410 SyncStateNotFound. */
  expireDeltaTokens(): void;
  /**
   * The owner reads, flags or moves a message: it changes, and a delta round without `changeType=created`
   * delivers it again.
   */
  touchMessage(id: string): void;
  /** The owner deletes a message: delta rounds without `changeType=created` report `{id, @removed}`. */
  deleteMessage(id: string): void;
  /** Graph response body bytes sent so far (mail, contacts, events; not the token endpoint). */
  bytesSent(): number;
  /** The next `count` Graph requests get 429 with `Retry-After: seconds` (or an HTTP date). */
  throttle(count: number, retryAfter: number | string): void;
  /** The next `count` Graph requests never get an answer. */
  hang(count: number): void;
  /** Authorization codes the fake authorize page issues (CLI loopback tests). */
  authorizeRequests: URLSearchParams[];
  /** Who consents from now on (what `GET /v1.0/me` answers). */
  setMe(user: FakeUser): void;
  close(): Promise<void>;
}

interface TokenState {
  c: string;
  g: number;
  /** Watermark: items with seq > w are "new" for a delta token. */
  w: number;
  /** Offset into the round (skip token). */
  o: number;
  sel: string | null;
  since: string | null;
  delta: boolean;
  /** `changeType` baked into the token (created | updated | deleted), null: every change. */
  ct?: string | null;
  /** `$orderby=receivedDateTime desc` baked into the token. */
  desc?: boolean;
}

interface Item {
  /** Sequence number of the last change (creation, update or deletion). */
  seq: number;
  /** Sequence number of the creation. */
  created: number;
  json: Record<string, unknown>;
  when: string | null;
  deleted?: boolean;
}

export async function startGraphServer(opts: GraphServerOptions): Promise<GraphServer> {
  const clientId = opts.clientId ?? 'test-client';
  let refreshToken = opts.refreshToken ?? 'rt-0';
  const issuedRefresh = new Set([refreshToken]);
  let revokedCode: number | null = null;
  let rtCounter = 0;
  let atCounter = 0;
  const validAccess = new Set<string>();
  /** Scopes each access token was issued for (`/me` needs User.Read, as on Graph). */
  const accessScopes = new Map<string, string[]>();
  let me: FakeUser = opts.me ?? {
    mail: 'me@contoso.example',
    userPrincipalName: 'me@contoso.onmicrosoft.com',
  };
  const expiredAccess = new Set<string>();
  let generation = 1;
  let throttleLeft = 0;
  let throttleSeconds: number | string = 1;
  let hangLeft = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let concurrencyRefusals = 0;
  let seq = 0;
  const requests: RecordedRequest[] = [];
  const tokenRequests: TokenRequest[] = [];
  const authorizeRequests: URLSearchParams[] = [];
  const pkce = new Map<string, string>();
  const collections: Record<string, Item[]> = { messages: [], contacts: [], events: [] };

  let bytesOut = 0;
  const addMessage = (m: FakeMessage) => {
    const n = ++seq;
    collections.messages!.push({
      seq: n,
      created: n,
      json: m as never,
      when: m.receivedDateTime ?? m.sentDateTime,
    });
  };
  (opts.messages ?? []).forEach(addMessage);
  for (const c of opts.contacts ?? []) {
    const n = ++seq;
    collections.contacts!.push({ seq: n, created: n, json: c, when: null });
  }
  for (const e of opts.events ?? []) {
    const start = (e.start as { dateTime?: string } | undefined)?.dateTime ?? null;
    const n = ++seq;
    collections.events!.push({ seq: n, created: n, json: e, when: start });
  }

  let base = '';
  const server = createServer({ key: opts.cert.key, cert: opts.cert.cert }, (req, res) => {
    handle(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'InternalServerError', message: String(err) } }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, base);
    const path = url.pathname;
    if (/^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) return token(req, res);
    if (/^\/[^/]+\/oauth2\/v2\.0\/authorize$/.test(path)) return authorize(url, res);
    if (/^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/.test(path)) {
      const tenantBase = `${base}${path.split('/v2.0/')[0]}`;
      return json(res, 200, {
        token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
        authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
        issuer: `${tenantBase}/v2.0`,
        jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
        end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
      });
    }

    requests.push({
      method: req.method ?? '',
      url: rawUrl,
      prefer: header(req, 'prefer'),
      authorization: header(req, 'authorization'),
    });
    // Graph response bytes, as sent (what a harvest downloads).
    const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
    res.end = ((chunk?: unknown) => {
      if (chunk) bytesOut += Buffer.byteLength(chunk as Buffer);
      return end(chunk);
    }) as typeof res.end;
    if (opts.maxConcurrent !== undefined && inFlight >= opts.maxConcurrent) {
      concurrencyRefusals++;
      res.setHeader('retry-after', '1');
      return graphError(
        res,
        429,
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
      );
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (hangLeft > 0) {
      hangLeft--;
      inFlight--;
      return; // never answered; the client's deadline must fire
    }
    try {
      if (opts.responseDelayMs) await new Promise((r) => setTimeout(r, opts.responseDelayMs));
      return graph(req, url, rawUrl, res);
    } finally {
      inFlight--;
    }
  }

  function graph(req: IncomingMessage, url: URL, rawUrl: string, res: ServerResponse) {
    if (req.method !== 'GET')
      return graphError(res, 405, 'ErrorInvalidRequest', 'The OData request is not supported.');
    const auth = header(req, 'authorization');
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
    if (!bearer) return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (!validAccess.has(bearer)) {
      res.setHeader(
        'www-authenticate',
        `Bearer realm="", authorization_uri="${base}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
      );
      const msg = expiredAccess.has(bearer)
        ? 'Lifetime validation failed, the token is expired.'
        : 'Access token validation failure.';
      return graphError(res, 401, 'InvalidAuthenticationToken', msg);
    }
    if (throttleLeft > 0) {
      throttleLeft--;
      res.setHeader('retry-after', String(throttleSeconds));
      return graphError(
        res,
        429,
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
      );
    }
    const prefer = header(req, 'prefer') ?? '';
    const p = url.pathname;
    const q = rawQuery(rawUrl);
    if (p === '/v1.0/me') return user(bearer, q, res);
    let collection: string;
    if (
      /^\/v1\.0\/me\/mailFolders(\/inbox|\('[A-Za-z0-9_-]{1,200}'\)|%28'[A-Za-z0-9_-]{1,200}'%29)\/messages\/delta$/i.test(
        p,
      )
    )
      collection = 'messages';
    else if (p === '/v1.0/me/contacts/delta') collection = 'contacts';
    else if (p === '/v1.0/me/calendarView/delta') collection = 'events';
    else return graphError(res, 404, 'ResourceNotFound', 'Resource not found for the segment.');

    let state: TokenState;
    const tok = q.get('$skiptoken') ?? q.get('$deltatoken');
    if (tok) {
      const s = decodeToken(tok);
      if (!s || s.c !== collection) return graphError(res, 400, 'BadRequest', 'Invalid token.');
      if (s.g !== generation)
        return graphError(res, 410, 'SyncStateNotFound', 'The sync state generation is not found.');
      // Query options are baked into the token: sending them again is an error on real Graph.
      if (q.has('$select') || q.has('$filter') || q.has('$orderby') || q.has('changeType'))
        return graphError(res, 400, 'BadRequest', 'Query options not allowed with a state token.');
      state = s.delta ? { ...s, delta: false, o: 0, w: s.w } : s;
      if (s.delta) state = { ...s, delta: false, o: 0 };
    } else {
      if (collection === 'events' && (!q.get('startDateTime') || !q.get('endDateTime'))) {
        return graphError(
          res,
          400,
          'ErrorInvalidParameter',
          'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
        );
      }
      const filter = q.get('$filter');
      const m = filter ? /^receivedDateTime ge (\S+)$/.exec(filter) : null;
      if (filter && !m) return graphError(res, 400, 'BadRequest', 'Unsupported filter.');
      const since = m?.[1] ?? (collection === 'events' ? (q.get('startDateTime') as string) : null);
      const orderby = q.get('$orderby');
      if (orderby && orderby !== 'receivedDateTime desc')
        return graphError(res, 400, 'BadRequest', 'Unsupported orderby.');
      state = {
        c: collection,
        g: generation,
        w: 0,
        o: 0,
        sel: q.get('$select'),
        since,
        delta: false,
        ct: q.get('changeType'),
        desc: orderby !== null,
      };
    }

    const pageSize = Math.max(
      1,
      Number(/odata\.maxpagesize=(\d+)/.exec(prefer)?.[1] ?? opts.defaultPageSize ?? 10),
    );
    // A round after a watermark: what changed since (changeType=created: only what was created since,
    // so reads and flags are not re-delivered and deletions not reported). A first round: what exists.
    let items = collections[collection]!.filter((it) =>
      state.w === 0
        ? !it.deleted
        : (state.ct === 'created' ? it.created > state.w : it.seq > state.w) &&
          !(it.deleted && it.created > state.w),
    ).filter((it) => !state.since || !it.when || it.when >= state.since);
    if (state.desc) items = [...items].sort((a, b) => ((b.when ?? '') > (a.when ?? '') ? 1 : -1));
    // A round bounded by receivedDateTime ends after 5,000 messages (delta-query-messages).
    if (state.w === 0 && state.since && collection === 'messages')
      items = items.slice(0, opts.firstRoundCap ?? 5000);
    const slice = items.slice(state.o, state.o + pageSize);
    const wantsText = !opts.ignorePrefer && /outlook\.body-content-type="?text"?/.test(prefer);
    const value = slice.map((it) =>
      it.deleted
        ? { id: (it.json as { id: string }).id, '@removed': { reason: 'deleted' } }
        : collection === 'messages'
          ? renderMessage(it.json as never, state.sel, wantsText)
          : it.json,
    );
    const body: Record<string, unknown> = {
      '@odata.context': `${base}/v1.0/$metadata#Collection(${collection})`,
      value,
    };
    const folder =
      collection === 'messages'
        ? `me/mailFolders('AQMkADAwATM0MDAAMS1iNTcwLWI2NTItMDACLTAwCgAuAAAD')/messages`
        : `me/${collection === 'events' ? 'calendarView' : 'contacts'}`;
    if (state.o + pageSize < items.length) {
      const next = encodeToken({ ...state, o: state.o + pageSize });
      body['@odata.nextLink'] =
        `${opts.nextLinkOrigin ?? base}/v1.0/${folder}/delta?%24skip=${state.o + pageSize}&%24skiptoken=${next}`;
    } else {
      const w = collections[collection]!.reduce((mx, it) => Math.max(mx, it.seq), state.w);
      body['@odata.deltaLink'] =
        `${base}/v1.0/${folder}/delta?%24deltatoken=${encodeToken({ ...state, w, o: 0, delta: true, since: null })}`;
    }
    if (collection === 'messages' && wantsText)
      res.setHeader('preference-applied', 'outlook.body-content-type="text"');
    return json(res, 200, body);
  }

  /** GET /me (user-get): 403 without User.Read; `$select` keeps only the fields asked for. */
  function user(bearer: string, q: URLSearchParams, res: ServerResponse) {
    if (!accessScopes.get(bearer)?.some((s) => s.toLowerCase() === 'user.read'))
      return graphError(
        res,
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    const full: Record<string, unknown> = {
      id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
      displayName: 'Fake User',
      ...me,
    };
    const sel = q.get('$select');
    const body = sel ? Object.fromEntries(sel.split(',').map((f) => [f, full[f] ?? null])) : full;
    return json(res, 200, { '@odata.context': `${base}/v1.0/$metadata#users/$entity`, ...body });
  }

  function renderMessage(m: FakeMessage, sel: string | null, text: boolean): Record<string, unknown> {
    const ea = (a: FakeAddress) => ({ emailAddress: { name: a.name, address: a.address } });
    const html = (s: string) =>
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').split('\n').join('<br>')}</div></body></html>`;
    const full: Record<string, unknown> = {
      id: m.id,
      subject: 'Subject that must never be stored',
      bodyPreview: m.text.slice(0, 255),
      from: m.from ? ea(m.from) : undefined,
      sender: m.sender ? ea(m.sender) : m.from ? ea(m.from) : undefined,
      toRecipients: (m.to ?? []).map(ea),
      ccRecipients: (m.cc ?? []).map(ea),
      replyTo: (m.replyTo ?? []).map(ea),
      receivedDateTime: m.receivedDateTime ?? m.sentDateTime,
      sentDateTime: m.sentDateTime,
      internetMessageId: m.internetMessageId ?? `<${m.id}@example.test>`,
      uniqueBody: { contentType: text ? 'text' : 'html', content: text ? m.text : html(m.text) },
      body: {
        contentType: text ? 'text' : 'html',
        content: text ? `${m.text}\n\n-----Original Message-----\nQUOTED HISTORY` : html(m.text),
      },
      internetMessageHeaders: Object.entries(m.headers ?? {}).map(([name, value]) => ({ name, value })),
    };
    if (!sel) {
      delete full.uniqueBody;
      delete full.internetMessageHeaders;
      return full;
    }
    const out: Record<string, unknown> = { '@odata.etag': `W/"${m.id}"`, id: m.id };
    for (const f of sel.split(',')) if (f in full) out[f] = full[f];
    return out;
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') return json(res, 405, { error: 'invalid_request' });
    const form = new URLSearchParams(await readBody(req));
    const t: TokenRequest = {
      grantType: form.get('grant_type') ?? '',
      refreshToken: form.get('refresh_token') ?? undefined,
      code: form.get('code') ?? undefined,
      codeVerifier: form.get('code_verifier') ?? undefined,
      scope: form.get('scope') ?? undefined,
      clientId: form.get('client_id') ?? undefined,
      clientSecret: form.get('client_secret') ?? undefined,
      redirectUri: form.get('redirect_uri') ?? undefined,
    };
    tokenRequests.push(t);
    if (t.clientId !== clientId)
      return aadError(res, 400, 'unauthorized_client', 700016, 'Application was not found in the directory.');
    if (t.grantType === 'refresh_token') {
      const known =
        t.refreshToken === refreshToken ||
        (opts.acceptOldRefreshTokens && issuedRefresh.has(t.refreshToken ?? ''));
      if (revokedCode !== null || !known) {
        const code = revokedCode ?? 70008;
        return aadError(
          res,
          400,
          'invalid_grant',
          code,
          code === 50173
            ? 'The provided grant has expired due to it being revoked, a fresh auth token is needed.'
            : 'The provided authorization code or refresh token has expired due to inactivity.',
        );
      }
    } else if (t.grantType === 'authorization_code') {
      const challenge = t.code ? pkce.get(t.code) : undefined;
      if (challenge === undefined)
        return aadError(
          res,
          400,
          'invalid_grant',
          70000,
          'The provided value for the code parameter is not valid.',
        );
      const got = createHash('sha256')
        .update(t.codeVerifier ?? '')
        .digest('base64url');
      if (challenge !== got)
        return aadError(
          res,
          400,
          'invalid_grant',
          501481,
          'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        );
      pkce.delete(t.code!);
    } else {
      return aadError(
        res,
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    }
    const access = `at-${++atCounter}`;
    validAccess.add(access);
    accessScopes.set(access, (t.scope ?? '').split(' ').filter(Boolean));
    refreshToken = `rt-${++rtCounter}-${Math.random().toString(36).slice(2, 8)}`;
    issuedRefresh.add(refreshToken);
    return json(res, 200, {
      token_type: 'Bearer',
      scope: (t.scope ?? '')
        .split(' ')
        .filter((s) => s !== 'offline_access')
        .join(' '),
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: access,
      refresh_token: refreshToken,
    });
  }

  function authorize(url: URL, res: ServerResponse) {
    authorizeRequests.push(url.searchParams);
    const redirect = url.searchParams.get('redirect_uri');
    if (!redirect || url.searchParams.get('client_id') !== clientId)
      return json(res, 400, { error: 'invalid_request' });
    const code = `code-${Math.random().toString(36).slice(2)}`;
    pkce.set(code, url.searchParams.get('code_challenge') ?? '');
    const to = new URL(redirect);
    to.searchParams.set('code', code);
    const state = url.searchParams.get('state');
    if (state) to.searchParams.set('state', state);
    res.writeHead(302, { location: to.toString() });
    res.end();
  }

  function aadError(res: ServerResponse, status: number, error: string, code: number, text: string) {
    return json(res, status, {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: 0000 Correlation ID: 0000 Timestamp: 2026-11-29 01:00:00Z`,
      error_codes: [code],
      timestamp: '2026-11-29 01:00:00Z',
      trace_id: '00000000-0000-0000-0000-000000000000',
      correlation_id: '00000000-0000-0000-0000-000000000000',
      error_uri: `${base}/error?code=${code}`,
    });
  }

  function graphError(res: ServerResponse, status: number, code: string, message: string) {
    return json(res, status, {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString(), 'request-id': 'fake', 'client-request-id': 'fake' },
      },
    });
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    graphUrl: base,
    loginUrl: base,
    requests,
    tokenRequests,
    authorizeRequests,
    maxInFlight: () => maxInFlight,
    concurrencyRefusals: () => concurrencyRefusals,
    setMe(user) {
      me = user;
    },
    currentRefreshToken: () => refreshToken,
    addMessages: (...m) => m.forEach(addMessage),
    addContacts: (...c) =>
      c.forEach((json) => {
        const n = ++seq;
        collections.contacts!.push({ seq: n, created: n, json, when: null });
      }),
    touchMessage(id) {
      const it = collections.messages!.find((x) => (x.json as { id: string }).id === id);
      if (it) it.seq = ++seq;
    },
    deleteMessage(id) {
      const it = collections.messages!.find((x) => (x.json as { id: string }).id === id);
      if (it) {
        it.seq = ++seq;
        it.deleted = true;
      }
    },
    bytesSent: () => bytesOut,
    expireAccessTokens() {
      for (const t of validAccess) expiredAccess.add(t);
      validAccess.clear();
    },
    revokeRefreshToken(aadsts = 50173) {
      revokedCode = aadsts;
    },
    expireDeltaTokens() {
      generation++;
    },
    throttle(count, retryAfter) {
      throttleLeft = count;
      throttleSeconds = retryAfter;
    },
    hang(count) {
      hangLeft = count;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
}

/** Query parameters with percent-decoded names (`%24skip` and `$skip` are the same option). */
function rawQuery(rawUrl: string): URLSearchParams {
  const i = rawUrl.indexOf('?');
  return new URLSearchParams(i === -1 ? '' : rawUrl.slice(i + 1));
}

/**
 * The deltaLink a round started WITHOUT `changeType=created` would have given (a cursor saved by an
 * earlier version of the connector): later rounds from it re-deliver changed messages and report deletions.
 */
export function legacyDeltaLink(link: string): string {
  const u = new URL(link);
  const tok = u.searchParams.get('$deltatoken');
  const s = tok ? decodeToken(tok) : null;
  if (!s) throw new Error('not a deltaLink of the fake Graph');
  const { ct: _ct, ...rest } = s;
  return `${u.origin}${u.pathname}?%24deltatoken=${encodeToken(rest)}`;
}

function encodeToken(s: TokenState): string {
  return Buffer.from(JSON.stringify(s)).toString('base64url');
}

function decodeToken(t: string): TokenState | null {
  try {
    return JSON.parse(Buffer.from(t, 'base64url').toString('utf8')) as TokenState;
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(bytes);
}
