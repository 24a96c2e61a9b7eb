import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRaw } from '../../parsers/message.ts';
import { parseAddress } from '../../parsers/sender-class.ts';
import { createOutlookMail } from '../../connectors/outlook/index.ts';
import { createOutlookCalendar } from '../../connectors/outlook/calendar.ts';
import { createOutlookContacts } from '../../connectors/outlook/contacts.ts';
import { connectorFactory } from '../../connectors/registry.ts';
import {
  ConnectorError,
  type Connector,
  type ConnectorEvent,
  type Cursor,
  type Page,
} from '../../connectors/types.ts';
import { loadConfig } from '../../src/config.ts';
import { startGraphServer, type FakeMessage, type GraphServer } from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';
import { sampleMail } from '../helpers/corpus.ts';

const MAIL = sampleMail('test/connectors/outlook-mail.test.ts');
const ACCOUNT = 'owner@contoso.example';

/**
 * Real corpus messages (or the fixtures, repeated to `n`) served as Graph messages (uniqueBody = the
 * decoded text part).
 */
function corpusMessages(n: number): FakeMessage[] {
  const files = Array.from({ length: n }, (_, i) => MAIL.files[i % MAIL.files.length]!);
  return files.map((f, i) => {
    const parsed = parseRaw(new Uint8Array(readFileSync(f)));
    const from = parseAddress(parsed.rawHeaders.get('from'));
    return {
      id: `AAMk-${i}`,
      from: { name: from.name ?? '', address: from.email ?? 'unknown@example.com' },
      to: [{ name: 'Owner', address: ACCOUNT }],
      sentDateTime: new Date(Date.UTC(2026, 9, 1, 8, i)).toISOString(),
      internetMessageId: `<corpus-${i}@example.test>`,
      text: parsed.text,
      headers: parsed.rawHeaders.get('list-id')
        ? { 'List-Id': parsed.rawHeaders.get('list-id')! }
        : undefined,
    };
  });
}

let cert: TestCertificate;
beforeAll(() => {
  cert = makeSelfSignedCertificate();
});
afterAll(() => cert.dispose());

interface Rig {
  server: GraphServer;
  rotated: string[];
  events: ConnectorEvent[];
  mail(opts?: { retryBudgetMs?: number; pageSize?: number }): Connector;
}

async function rig(
  messages: FakeMessage[],
  extra: Parameters<typeof startGraphServer>[0] extends infer O ? Partial<O> : never = {},
): Promise<Rig> {
  const server = await startGraphServer({ cert, messages, ...extra });
  const rotated: string[] = [];
  const events: ConnectorEvent[] = [];
  const config = loadConfig({
    SIGMINE_GRAPH_API_URL: server.graphUrl,
    SIGMINE_MS_LOGIN_URL: server.loginUrl,
    SIGMINE_MS_CLIENT_ID: 'test-client',
    SIGMINE_MS_CLIENT_SECRET: 'test-secret',
    SIGMINE_MS_TENANT: 'organizations',
  });
  const conn = { id: 'c1', kind: 'outlook', account: ACCOUNT, config: {}, secret: 'rt-0' };
  const deps = {
    endpoints: config,
    fetch: fetchTrusting(cert.cert),
    onSecretRotated: async (s: string) => {
      rotated.push(s); // the caller stores it; the connector keeps using it for its next runs
    },
    onEvent: (e: ConnectorEvent) => events.push(e),
  };
  return {
    server,
    rotated,
    events,
    mail: (o = {}) => createOutlookMail(conn, deps, { pageSize: 10, ...o }),
  };
}

async function harvest(
  c: Connector,
  cursor: Cursor | null,
  since = new Date('2026-01-01T00:00:00Z'),
): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const p of c.pages(cursor, { since })) pages.push(p);
  return pages;
}

const last = (pages: Page[]) => pages[pages.length - 1]!.cursor;

describe('Outlook mail through Microsoft Graph', () => {
  it('pages through the inbox by following nextLinks verbatim, re-sending Prefer on every page, and ends with a deltaLink cursor', async () => {
    const r = await rig(corpusMessages(25));
    try {
      const pages = await harvest(r.mail(), null);
      expect(pages.map((p) => p.messages.length)).toEqual([10, 10, 5]);
      expect(pages.map((p) => p.done)).toEqual([false, false, true]);
      expect(last(pages)).toMatchObject({ kind: 'outlook', v: 1, phase: 'delta' });
      expect(String(last(pages).link)).toContain('%24deltatoken=');

      const graph = r.server.requests;
      expect(graph).toHaveLength(3);
      expect(graph[0]!.url).toMatch(
        /^\/v1\.0\/me\/mailFolders\/inbox\/messages\/delta\?\$select=from,sender,/,
      );
      // New messages only in later rounds: no re-delivery when a message is read or flagged.
      expect(graph[0]!.url).toContain('changeType=created');
      expect(decodeURIComponent(graph[0]!.url)).toContain('$filter=receivedDateTime ge 2026-01-01T00:00:00Z');
      // A defined order for a capped first round: newest first.
      expect(decodeURIComponent(graph[0]!.url)).toContain('$orderby=receivedDateTime desc');
      // Page 2 and 3 are exactly the previous page's @odata.nextLink (percent-encoded %24skip kept).
      expect(graph[1]!.url).toBe(
        new URL(String(pages[0]!.cursor.link)).pathname + new URL(String(pages[0]!.cursor.link)).search,
      );
      expect(graph[1]!.url).toContain('%24skip=10');
      expect(graph[2]!.url).toContain('%24skip=20');
      for (const q of graph) {
        expect(q.method).toBe('GET');
        expect(q.prefer).toContain('outlook.body-content-type="text"');
        expect(q.authorization).toMatch(/^Bearer at-\d+$/);
      }
      const first = pages.flatMap((p) => p.messages).find((m) => m.sourceId === 'AAMk-0')!;
      expect(pages[0]!.messages[0]!.sourceId).toBe('AAMk-24'); // the newest first
      expect(first.headers['message-id']).toBe('<corpus-0@example.test>');
      expect(first.headers.to).toBe(`"Owner" <${ACCOUNT}>`);
      expect(first.date).toBe('2026-10-01T08:00:00.000Z');
      expect(first.tail.length).toBeGreaterThan(0);
      // The bearer was refreshed once through the token endpoint, with exactly the mail scopes.
      expect(r.server.tokenRequests.map((t) => [t.grantType, t.scope])).toEqual([
        ['refresh_token', 'offline_access Mail.Read'],
      ]);
    } finally {
      await r.server.close();
    }
  });

  it('a second harvest with no new mail makes only the delta call, and a new message arrives alone', async () => {
    const r = await rig(corpusMessages(12));
    try {
      const c = r.mail();
      const cursor = last(await harvest(c, null));
      const before = r.server.requests.length;
      const again = await harvest(c, cursor);
      expect(again).toHaveLength(1);
      expect(again[0]!.messages).toEqual([]);
      expect(again[0]!.done).toBe(true);
      const calls = r.server.requests.slice(before);
      expect(calls).toHaveLength(1);
      expect(calls[0]!.url).toContain('%24deltatoken=');

      r.server.addMessages({
        id: 'AAMk-new',
        from: { name: 'Dana Whitfield', address: 'dana.whitfield@fabrikam.example' },
        sentDateTime: '2026-11-28T10:00:00Z',
        text: 'Thanks, see you Monday.\n\nDana Whitfield\nHead of Procurement | Fabrikam Ltd\n+44 20 7946 0321',
      });
      const third = await harvest(c, last(again));
      expect(third.flatMap((p) => p.messages.map((m) => m.sourceId))).toEqual(['AAMk-new']);
      expect(third[0]!.messages[0]!.headers.from).toBe('"Dana Whitfield" <dana.whitfield@fabrikam.example>');
      expect(third[0]!.messages[0]!.tail).toContain('Head of Procurement | Fabrikam Ltd');
      expect(r.server.requests.every((q) => q.method === 'GET')).toBe(true);
    } finally {
      await r.server.close();
    }
  });

  it('resumes a round from the nextLink saved with the last stored page, so a crash replays at most one page', async () => {
    const r = await rig(corpusMessages(25));
    try {
      const c = r.mail();
      let saved: Cursor | null = null;
      for await (const p of c.pages(null, { since: new Date('2026-01-01T00:00:00Z') })) {
        saved = p.cursor; // stored with the page's messages...
        break; // ...then the process dies
      }
      expect(saved).toMatchObject({ kind: 'outlook', v: 1, phase: 'round' });
      const rest = await harvest(c, saved);
      expect(rest.flatMap((p) => p.messages.map((m) => m.sourceId))).toEqual(
        Array.from({ length: 15 }, (_, i) => `AAMk-${14 - i}`), // newest first: 24..15 came in page 1
      );
      expect(r.server.requests[1]!.url).toContain('%24skip=10');
    } finally {
      await r.server.close();
    }
  });

  it('starts over when the saved cursor points at another Graph host (national cloud move)', async () => {
    const r = await rig(corpusMessages(3));
    try {
      const pages = await harvest(r.mail(), {
        kind: 'outlook',
        v: 1,
        phase: 'delta',
        link: 'https://graph.microsoft.us/v1.0/me/mailFolders/inbox/messages/delta?$deltatoken=x',
      });
      expect(pages.flatMap((p) => p.messages)).toHaveLength(3);
      expect(r.events).toContainEqual({ type: 'resync', reason: 'cursor points at another Graph host' });
    } finally {
      await r.server.close();
    }
  });

  it('hands over only the tail of the newest text: no quoted history, no subject, no early body text', async () => {
    const early = 'CONFIDENTIAL-OPENING-PARAGRAPH';
    const filler = Array.from(
      { length: 200 },
      (_, i) => `Line ${i} of a long discussion about the quarterly plan.`,
    ).join('\n');
    const r = await rig([
      {
        id: 'AAMk-long',
        from: { name: 'Priya Raman', address: 'priya.raman@northwind.example' },
        sentDateTime: '2026-11-20T09:00:00Z',
        text: `${early}\n${filler}\n\nBest regards,\nPriya Raman\nVP Engineering, Northwind Traders\nTel +1 425 555 0142\n\n> quoted line from an earlier mail\n> QUOTED-OLD-TEXT`,
        headers: {
          Subject: 'Secret subject',
          'List-Id': '<eng.northwind.example>',
          Precedence: 'list',
          'X-Private': 'drop me',
        },
      },
    ]);
    try {
      const pages = await harvest(r.mail(), null);
      const m = pages[0]!.messages[0]!;
      const dump = JSON.stringify(pages);
      expect(m.tail).toContain('VP Engineering, Northwind Traders');
      expect(m.tail.length).toBeLessThanOrEqual(8 * 1024);
      expect(dump).not.toContain(early);
      expect(dump).not.toContain('QUOTED-OLD-TEXT');
      expect(dump).not.toContain('QUOTED HISTORY'); // the fake's full `body`: never selected
      expect(dump).not.toContain('Secret subject');
      expect(dump).not.toContain('Subject that must never be stored');
      expect(m.headers['list-id']).toBe('<eng.northwind.example>');
      expect(m.headers.precedence).toBe('list');
      expect(m.headers['x-private']).toBeUndefined();
    } finally {
      await r.server.close();
    }
  });

  it('after a 401 it refreshes once, hands the rotated refresh token to the caller and carries on', async () => {
    const r = await rig(corpusMessages(5));
    try {
      const c = r.mail();
      const cursor = last(await harvest(c, null));
      expect(r.rotated).toEqual([r.server.currentRefreshToken()]);
      r.server.expireAccessTokens();
      r.server.addMessages({
        id: 'AAMk-x',
        from: { name: 'A B', address: 'a.b@fabrikam.example' },
        sentDateTime: '2026-11-28T10:00:00Z',
        text: 'hi',
      });
      // Same connector: it still holds the (now invalid) access token and must recover from the 401.
      const pages = await harvest(c, cursor);
      expect(pages.flatMap((p) => p.messages.map((m) => m.sourceId))).toEqual(['AAMk-x']);
      const statuses = r.server.requests.slice(-2).map((q) => q.authorization);
      expect(statuses[0]).not.toBe(statuses[1]);
      expect(r.rotated).toHaveLength(2);
      expect(r.rotated[1]).toBe(r.server.currentRefreshToken());
      expect(r.server.tokenRequests[1]!.refreshToken).toBe(r.rotated[0]);
    } finally {
      await r.server.close();
    }
  });

  it('a revoked refresh token (invalid_grant, AADSTS50173) stops the harvest as "revoked" before touching Graph', async () => {
    const r = await rig(corpusMessages(3));
    try {
      r.server.revokeRefreshToken(50173);
      const err = await harvest(r.mail(), null).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectorError);
      expect((err as ConnectorError).code).toBe('revoked');
      expect((err as ConnectorError).message).toContain('AADSTS50173');
      expect(r.server.requests).toHaveLength(0);
    } finally {
      await r.server.close();
    }
  });

  it('an expired delta token (410 SyncStateNotFound) triggers one bounded resync from the start window', async () => {
    const r = await rig(corpusMessages(12));
    try {
      const c = r.mail();
      const cursor = last(await harvest(c, null));
      r.server.expireDeltaTokens();
      const pages = await harvest(c, cursor);
      expect(r.events).toContainEqual({ type: 'resync', reason: expect.stringContaining('410') });
      expect(pages.flatMap((p) => p.messages).length).toBe(12);
      expect(last(pages).phase).toBe('delta');
      const urls = r.server.requests.slice(-3).map((q) => q.url);
      expect(urls[0]).toContain('%24deltatoken=');
      expect(decodeURIComponent(urls[1]!)).toContain('$filter=receivedDateTime ge');
      // The fresh delta link works.
      expect(await harvest(c, last(pages))).toHaveLength(1);
    } finally {
      await r.server.close();
    }
  });

  it('waits out 429 Retry-After within its retry budget, and gives up as "rate-limited" beyond it', async () => {
    const r = await rig(corpusMessages(4));
    try {
      r.server.throttle(2, 1);
      const t0 = Date.now();
      const c = r.mail();
      const pages = await harvest(c, null);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
      expect(pages.flatMap((p) => p.messages)).toHaveLength(4);
      expect(c.stats().rateLimitWaits).toBe(2);
      expect(r.events.filter((e) => e.type === 'rate-limit-wait')).toEqual([
        { type: 'rate-limit-wait', ms: 1000, reason: 'graph 429' },
        { type: 'rate-limit-wait', ms: 1000, reason: 'graph 429' },
      ]);

      r.server.throttle(10, 30);
      const err = await harvest(r.mail({ retryBudgetMs: 5_000 }), null).catch((e: unknown) => e);
      expect((err as ConnectorError).code).toBe('rate-limited');
    } finally {
      await r.server.close();
    }
  });

  it('never has more than 4 requests in flight for one mailbox, even with mail, calendar and contacts running at once', async () => {
    const server = await startGraphServer({
      cert,
      messages: corpusMessages(30),
      contacts: Array.from({ length: 30 }, (_, i) => ({
        id: `ct${i}`,
        displayName: `P ${i}`,
        emailAddresses: [{ address: `p${i}@fabrikam.example` }],
      })),
      responseDelayMs: 40,
      acceptOldRefreshTokens: true,
    });
    try {
      const config = loadConfig({
        SIGMINE_GRAPH_API_URL: server.graphUrl,
        SIGMINE_MS_LOGIN_URL: server.loginUrl,
        SIGMINE_MS_CLIENT_ID: 'test-client',
      });
      const deps = { endpoints: config, fetch: fetchTrusting(cert.cert) };
      const runs: Promise<Page[]>[] = [];
      for (let i = 0; i < 6; i++) {
        const conn = {
          id: `c${i}`,
          kind: 'outlook',
          account: i % 2 ? 'Shared@Contoso.example' : 'shared@contoso.example',
          config: {},
          secret: 'rt-0',
        };
        const make =
          i % 3 === 0 ? createOutlookMail : i % 3 === 1 ? createOutlookContacts : createOutlookCalendar;
        runs.push(harvest(make(conn, deps, { pageSize: 2 }), null));
      }
      const results = await Promise.all(runs);
      expect(results.flat().length).toBeGreaterThan(20);
      expect(server.maxInFlight()).toBe(4);
    } finally {
      await server.close();
    }
  });

  it('refuses a Graph URL that is not https (the SDK would send requests without the bearer)', async () => {
    const config = loadConfig({ SIGMINE_GRAPH_API_URL: 'http://127.0.0.1:9', SIGMINE_MS_CLIENT_ID: 'x' });
    const factory = await connectorFactory('outlook');
    const c = factory.create(
      { id: 'c', kind: 'outlook', account: ACCOUNT, config: {}, secret: 'rt' },
      { endpoints: config },
    );
    const err = await harvest(c, null).catch((e: unknown) => e);
    expect((err as ConnectorError).code).toBe('config');
  });

  it('rejects a cursor that belongs to another source', async () => {
    const config = loadConfig({ SIGMINE_MS_CLIENT_ID: 'x' });
    const c = createOutlookMail(
      { id: 'c', kind: 'outlook', account: ACCOUNT, config: {}, secret: 'rt' },
      { endpoints: config },
    );
    const err = await harvest(c, { kind: 'gmail', v: 1, historyId: '5' }).catch((e: unknown) => e);
    expect((err as ConnectorError).code).toBe('bad-input');
  });
});
