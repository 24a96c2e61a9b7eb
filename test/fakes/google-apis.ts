/**
 * The local Google's API endpoints (Gmail v1, Calendar v3, People v1) as plain functions over one
 * user's state, answering in the documented JSON shapes (see test/fakes/google-server.ts).
 */
import { randomBytes } from 'node:crypto';
import type { FakeEvent, FakePart, FakePerson } from './google-server.ts';

export interface Stored {
  id: string;
  threadId: string;
  historyId: number;
  internalDate: number;
  labelIds: string[];
  payload: unknown;
  sizeEstimate: number;
  snippet: string;
}

export interface UserState {
  email: string;
  messages: Stored[]; // oldest first
  byId: Map<string, Stored>;
  /** History records: a message added, or labels added to one (real records carry only id and threadId). */
  history: {
    id: number;
    type: 'messageAdded' | 'labelAdded';
    message: { id: string; threadId: string };
    labelIds?: string[];
  }[];
  /** Page tokens (list and history) issued before this generation are refused with 400. */
  tokenGeneration: number;
  historyId: number;
  minHistoryId: number;
  tokens: number;
  last: number;
  inFlight: number;
  events: (FakeEvent & { id: string; seq: number; updated: string })[];
  eventSeq: number;
  eventSyncFloor: number;
  connections: FakePerson[];
  otherContacts: FakePerson[];
  /** The user's own labels (labels.list adds Gmail's system labels): ids `Label_N`, names as typed. */
  labels: { id: string; name: string }[];
}

/** Gmail's system labels: their id is their name (labels.list reference). */
const SYSTEM_LABELS = [
  'INBOX',
  'SENT',
  'DRAFT',
  'SPAM',
  'TRASH',
  'UNREAD',
  'STARRED',
  'IMPORTANT',
  'CHAT',
  'CATEGORY_PERSONAL',
  'CATEGORY_SOCIAL',
  'CATEGORY_PROMOTIONS',
  'CATEGORY_UPDATES',
  'CATEGORY_FORUMS',
];

export const COST: [RegExp, number][] = [
  [/\/users\/me\/profile$/, 1],
  [/\/users\/me\/history$/, 2],
  [/\/users\/me\/labels$/, 1],
  [/\/users\/me\/messages(\/[^/]+)?$/, 5],
];

export function gError(code: number, message: string, reason: string, status: string, domain = 'global') {
  return { error: { code, message, errors: [{ message, domain, reason }], status } };
}

export const UNAUTH = gError(
  401,
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  'authError',
  'UNAUTHENTICATED',
);

export function partTree(p: FakePart, partId: string): { json: unknown; size: number } {
  const ct =
    p.mimeType +
    (p.charset ? `; charset="${p.charset}"` : '') +
    (p.parts ? `; boundary="b${partId || 'root'}"` : '');
  const headers = [
    { name: 'Content-Type', value: ct },
    ...(p.headers ?? []).map(([name, value]) => ({ name, value })),
  ];
  if (p.filename)
    headers.push({ name: 'Content-Disposition', value: `attachment; filename="${p.filename}"` });
  if (p.parts) {
    const kids = p.parts.map((c, i) => partTree(c, partId === '' ? String(i) : `${partId}.${i}`));
    return {
      json: {
        partId,
        mimeType: p.mimeType,
        filename: '',
        headers,
        body: { size: 0 },
        parts: kids.map((k) => k.json),
      },
      size: kids.reduce((a, k) => a + k.size, 0),
    };
  }
  const bytes =
    typeof p.body === 'string' ? Buffer.from(p.body, 'utf8') : Buffer.from(p.body ?? new Uint8Array());
  // Attachments carry an opaque attachmentId instead of data; data is base64url WITHOUT padding.
  const body = p.filename
    ? { attachmentId: 'ANGjdJ' + randomBytes(24).toString('base64url'), size: bytes.length }
    : { size: bytes.length, data: bytes.toString('base64url') };
  return {
    json: { partId, mimeType: p.mimeType, filename: p.filename ?? '', headers, body },
    size: bytes.length,
  };
}

/**
 * Gmail, Calendar and People GET endpoints for one authenticated user. `scopes`: what the access token was
 * granted, when known (tokens from a code exchange); null = unknown, served as if every scope were granted.
 */
export function handleApi(
  u: UserState,
  path: string,
  q: URLSearchParams,
  peopleSyncGeneration: number,
  scopes: readonly string[] | null = null,
): [number, unknown] {
  const notFound: [number, unknown] = [
    404,
    gError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'),
  ];
  if (path === '/gmail/v1/users/me/profile') {
    return [
      200,
      {
        emailAddress: u.email,
        messagesTotal: u.messages.length,
        threadsTotal: u.messages.length,
        historyId: String(u.historyId),
      },
    ];
  }
  // users.labels.list: {labels: [{id, name, type, ...}]}, system labels first, no paging (Gmail caps a
  // mailbox at 10,000 labels and answers them in one response).
  if (path === '/gmail/v1/users/me/labels') {
    return [
      200,
      {
        labels: [
          ...SYSTEM_LABELS.map((id) => ({
            id,
            name: id,
            messageListVisibility: 'hide',
            labelListVisibility: 'labelHide',
            type: 'system',
          })),
          ...u.labels.map((l) => ({
            id: l.id,
            name: l.name,
            messageListVisibility: 'show',
            labelListVisibility: 'labelShow',
            type: 'user',
          })),
        ],
      },
    ];
  }
  if (path === '/gmail/v1/users/me/messages') {
    const max = Math.min(Number(q.get('maxResults') ?? 100) || 100, 500);
    const search = q.get('q') ?? '';
    const after = /after:(\d+)/.exec(search)?.[1];
    const spam = q.get('includeSpamTrash') === 'true';
    // The search operators the connector sends: -in:chats, -in:drafts, -category:NAME (Gmail's tabs are
    // the CATEGORY_* labels), after:EPOCH.
    const excluded = [
      ...(search.includes('-in:chats') ? ['CHAT'] : []),
      ...(search.includes('-in:drafts') ? ['DRAFT'] : []),
      ...[...search.matchAll(/-category:(\w+)/g)].map((m) => `CATEGORY_${m[1]!.toUpperCase()}`),
    ];
    const all = [...u.messages]
      .reverse()
      .filter((m) => spam || !m.labelIds.some((l) => l === 'SPAM' || l === 'TRASH'))
      .filter((m) => !m.labelIds.some((l) => excluded.includes(l)))
      .filter((m) => !after || m.internalDate >= Number(after) * 1000);
    // Page tokens are opaque; ours anchor on the next message id so arrivals don't shift pages.
    const token = q.get('pageToken');
    let start = 0;
    if (token) {
      const [gen, anchor] = Buffer.from(token, 'base64url').toString().split(':');
      start = Number(gen) === u.tokenGeneration ? all.findIndex((m) => m.id === anchor) : -1;
      if (start < 0) return [400, gError(400, 'Invalid pageToken', 'invalidArgument', 'INVALID_ARGUMENT')];
    }
    const page = all.slice(start, start + max);
    const next = all[start + max];
    return [
      200,
      {
        ...(page.length ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
        ...(next
          ? { nextPageToken: Buffer.from(`${u.tokenGeneration}:${next.id}`).toString('base64url') }
          : {}),
        resultSizeEstimate: all.length,
      },
    ];
  }
  const get = /^\/gmail\/v1\/users\/me\/messages\/([^/]+)$/.exec(path);
  if (get) {
    const m = u.byId.get(get[1]!);
    if (!m) return notFound;
    const format = q.get('format') ?? 'full';
    if (format === 'raw')
      return [400, gError(400, 'raw not served by the fake', 'invalidArgument', 'INVALID_ARGUMENT')];
    const full: Record<string, unknown> = {
      id: m.id,
      threadId: m.threadId,
      labelIds: m.labelIds,
      snippet: m.snippet,
      historyId: String(m.historyId),
      internalDate: String(m.internalDate),
      sizeEstimate: m.sizeEstimate,
      ...(format === 'full' ? { payload: m.payload } : {}),
      ...(format === 'metadata' ? { payload: metadataPayload(m.payload, q.getAll('metadataHeaders')) } : {}),
    };
    const fields = q.get('fields');
    return [200, fields ? partialResponse(full, fields) : full];
  }
  if (path === '/gmail/v1/users/me/history') {
    const start = Number(q.get('startHistoryId'));
    if (!Number.isFinite(start) || start < u.minHistoryId) return notFound;
    const max = Math.min(Number(q.get('maxResults') ?? 100) || 100, 500);
    const token = q.get('pageToken');
    let from = start;
    if (token) {
      const [gen, id] = Buffer.from(token, 'base64url').toString().split(':');
      if (Number(gen) !== u.tokenGeneration || !Number.isFinite(Number(id)))
        return [400, gError(400, 'Invalid pageToken', 'invalidArgument', 'INVALID_ARGUMENT')];
      from = Number(id);
    }
    // historyTypes filters the records returned (history.list reference); none given: every type.
    const types = q.getAll('historyTypes');
    const records = u.history.filter((h) => h.id > from && (types.length === 0 || types.includes(h.type)));
    const page = records.slice(0, max);
    const next = records.length > max ? page[page.length - 1]!.id : null;
    return [
      200,
      {
        ...(page.length
          ? {
              // As on the real service: the messages in records carry only id and threadId.
              history: page.map((h) => ({
                id: String(h.id),
                messages: [h.message],
                ...(h.type === 'messageAdded'
                  ? { messagesAdded: [{ message: h.message }] }
                  : { labelsAdded: [{ message: h.message, labelIds: h.labelIds ?? [] }] }),
              })),
            }
          : {}),
        ...(next !== null
          ? { nextPageToken: Buffer.from(`${u.tokenGeneration}:${next}`).toString('base64url') }
          : {}),
        historyId: String(u.historyId),
      },
    ];
  }
  if (path === '/calendar/v3/calendars/primary/events') return calendar(u, q);
  if (path === '/calendar/v3/calendars/primary') {
    // The primary calendar's id is the account's address (calendars.get).
    return [200, { kind: 'calendar#calendar', id: u.email, summary: u.email, timeZone: 'Europe/London' }];
  }
  if (path === '/v1/people/me') return me(u, q, scopes);
  if (path === '/v1/people/me/connections')
    return people(u.connections, q, 'personFields', 'connections', peopleSyncGeneration);
  if (path === '/v1/otherContacts')
    return people(u.otherContacts, q, 'readMask', 'otherContacts', peopleSyncGeneration);
  return notFound;
}

/** people.get('people/me'): the account's own addresses only with an email scope (contacts.readonly is not one). */
function me(u: UserState, q: URLSearchParams, scopes: readonly string[] | null): [number, unknown] {
  if (!q.get('personFields'))
    return [
      400,
      gError(
        400,
        'personFields mask is required. Please specify one or more valid paths.',
        'badRequest',
        'INVALID_ARGUMENT',
      ),
    ];
  const emails =
    scopes === null ||
    scopes.some((s) => /\/auth\/(userinfo\.email|user\.emails\.read)$/.test(s) || s === 'email');
  const id = String(100000 + (u.historyId % 1000));
  return [
    200,
    {
      resourceName: `people/${id}`,
      etag: '%EgUBAi43PRoEAQIFByIMR0xCc0ZQa2Z0dDA9',
      ...(emails && q.get('personFields')!.includes('emailAddresses')
        ? {
            emailAddresses: [
              {
                metadata: { primary: true, verified: true, source: { type: 'ACCOUNT', id } },
                value: u.email,
              },
            ],
          }
        : {}),
    },
  ];
}

function calendar(u: UserState, q: URLSearchParams): [number, unknown] {
  const max = Math.min(Number(q.get('maxResults') ?? 250) || 250, 2500);
  const sync = q.get('syncToken');
  let floor = 0;
  if (sync) {
    floor = Number(/^cal-(\d+)$/.exec(sync)?.[1] ?? NaN);
    if (!Number.isFinite(floor) || floor < u.eventSyncFloor) {
      return [
        410,
        gError(410, 'Sync token is no longer valid, a full sync is required.', 'fullSyncRequired', 'GONE'),
      ];
    }
  }
  const all = u.events.filter((e) => (sync ? e.seq > floor : e.status !== 'cancelled'));
  const offset = Number(q.get('pageToken') ? Buffer.from(q.get('pageToken')!, 'base64url').toString() : 0);
  const page = all.slice(offset, offset + max);
  const more = offset + max < all.length;
  return [
    200,
    {
      kind: 'calendar#events',
      summary: u.email,
      items: page.map(({ seq: _s, ...e }) => ({
        kind: 'calendar#event',
        ...e,
        start: { dateTime: e.start },
      })),
      ...(more
        ? { nextPageToken: Buffer.from(String(offset + max)).toString('base64url') }
        : { nextSyncToken: `cal-${u.eventSeq}` }),
    },
  ];
}

function people(
  list: FakePerson[],
  q: URLSearchParams,
  maskName: string,
  key: string,
  peopleSyncGeneration: number,
): [number, unknown] {
  if (!q.get(maskName)) {
    return [
      400,
      gError(
        400,
        `${maskName} mask is required. Please specify one or more valid paths.`,
        'badRequest',
        'INVALID_ARGUMENT',
      ),
    ];
  }
  // Sync tokens: `ppl-<generation>-<count>` (entries seen); an older generation has expired.
  const sync = q.get('syncToken');
  let from = 0;
  if (sync) {
    const m = /^ppl-(\d+)-(\d+)$/.exec(sync);
    from = Number(m?.[2] ?? NaN);
    if (!m || Number(m[1]) !== peopleSyncGeneration) {
      return [
        400,
        {
          error: {
            code: 400,
            message: 'Sync token is expired. Clear local cache and retry call without the sync token.',
            status: 'FAILED_PRECONDITION',
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason: 'EXPIRED_SYNC_TOKEN',
                domain: 'people.googleapis.com',
              },
            ],
          },
        },
      ];
    }
  }
  const all = list.slice(from);
  const size = Math.min(Number(q.get('pageSize') ?? 100) || 100, 1000);
  const offset = Number(q.get('pageToken') ? Buffer.from(q.get('pageToken')!, 'base64url').toString() : 0);
  const page = all.slice(offset, offset + size);
  const more = offset + size < all.length;
  return [
    200,
    {
      ...(page.length ? { [key]: page } : {}),
      ...(more ? { nextPageToken: Buffer.from(String(offset + size)).toString('base64url') } : {}),
      ...(!more && q.get('requestSyncToken') === 'true'
        ? { nextSyncToken: `ppl-${peopleSyncGeneration}-${list.length}` }
        : {}),
      totalItems: all.length,
    },
  ];
}

/** format=metadata: the root part's headers only, limited to `metadataHeaders` (case-insensitive) when given. */
function metadataPayload(payload: unknown, names: string[]): unknown {
  const p = payload as { partId?: string; mimeType?: string; headers?: { name: string; value: string }[] };
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const headers = (p.headers ?? []).filter((h) => wanted.size === 0 || wanted.has(h.name.toLowerCase()));
  return { partId: p.partId ?? '', mimeType: p.mimeType, filename: '', headers, body: { size: 0 } };
}

type Selection = Map<string, Selection | true>;

/**
 * Google's partial-response `fields` syntax (a subset: `a,b/c,d(e,f/g)`), applied as the real service
 * does: objects keep the selected keys, arrays apply the selection to each element.
 */
export function partialResponse(value: unknown, fields: string): unknown {
  return select(value, parseFields(fields));
}

function parseFields(spec: string): Selection {
  let i = 0;
  const list = (): Selection => {
    const out: Selection = new Map();
    for (;;) {
      const m = /^[A-Za-z0-9_@.]+(\/[A-Za-z0-9_@.]+)*/.exec(spec.slice(i));
      if (!m) throw new Error(`bad fields spec at ${i}: ${spec}`);
      i += m[0].length;
      let sub: Selection | true = true;
      if (spec[i] === '(') {
        i++;
        sub = list();
        if (spec[i] !== ')') throw new Error(`bad fields spec: ${spec}`);
        i++;
      }
      const names = m[0].split('/');
      let at = out;
      for (const [k, name] of names.entries()) {
        if (k === names.length - 1) {
          const prev = at.get(name);
          at.set(name, prev instanceof Map && sub instanceof Map ? new Map([...prev, ...sub]) : sub);
        } else {
          let next = at.get(name);
          if (!(next instanceof Map)) at.set(name, (next = new Map()));
          at = next;
        }
      }
      if (spec[i] !== ',') return out;
      i++;
    }
  };
  return list();
}

function select(value: unknown, sel: Selection): unknown {
  if (Array.isArray(value)) return value.map((v) => select(v, sel));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of sel) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sub === true ? v : select(v, sub);
  }
  return out;
}
