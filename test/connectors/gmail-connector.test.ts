import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { loadConfig } from '../../src/config.ts';
import { factory } from '../../connectors/gmail/index.ts';
import type { ConnectorEvent, Cursor, Page } from '../../connectors/types.ts';
import { ConnectorError } from '../../connectors/types.ts';
import {
  startGoogleServer,
  type GoogleServer,
  type FakeMessage,
  type FakePart,
} from '../fakes/google-server.ts';

let g: GoogleServer;
let n = 0;

beforeAll(async () => {
  g = await startGoogleServer();
});
afterAll(() => g.close());

/** A fresh mailbox user and a connector for it (accounts are unique so limiters are not shared). */
function mailbox(config: Record<string, unknown> = {}) {
  const account = `member${++n}-${Date.now()}@acme.test`;
  const { refreshToken } = g.addUser(account);
  const events: ConnectorEvent[] = [];
  const make = () =>
    factory.create(
      { id: `c${n}`, kind: 'gmail', account, config: { backoffBaseMs: 20, ...config }, secret: refreshToken },
      { endpoints: loadConfig(g.env()), onEvent: (e) => events.push(e) },
    );
  return { account, refreshToken, events, make };
}

async function collect(pages: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const p of pages) out.push(p);
  return out;
}

const requestsFor = (account: string) => g.requests.filter((r) => r.user === account);

const SIG = 'Best regards,\nDana Whitfield\nHead of Procurement\nNorthwind Traders\nTel: +44 20 7946 0018';

function business(i: number, extra: Partial<FakeMessage> = {}): FakeMessage {
  return {
    headers: [
      ['From', `Dana Whitfield <dana${i}@northwind.example>`],
      ['To', 'member@acme.test'],
      ['Subject', `Shipment ${i} secret subject`],
      ['Date', 'Tue, 3 Mar 2026 09:15:00 +0000'],
      ['Message-ID', `<n${i}@northwind.example>`],
    ],
    text: `Hello,\n\nConfidential pricing details for shipment ${i}.\n\n${SIG}\n\nOn Mon, 2 Mar 2026, Bob <bob@acme.test> wrote:\n> older quoted text ${i}\n`,
    ...extra,
  };
}

describe('Gmail connector', () => {
  it('hands over page by page only selected headers and the signature tail, never quoted history or other headers', async () => {
    const mb = mailbox({ pageSize: 2 });
    for (let i = 0; i < 5; i++) g.addMessage(mb.account, business(i));
    const pages = await collect(mb.make().pages(null));
    expect(pages.map((p) => p.messages.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.done)).toEqual([false, false, true]);
    const all = pages.flatMap((p) => p.messages);
    expect(all.map((m) => m.headers['message-id']).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `<n${i}@northwind.example>`),
    );
    for (const m of all) {
      expect(m.tail).toContain('Head of Procurement');
      expect(m.tail).not.toContain('older quoted text');
      expect(m.headers['subject']).toBeUndefined();
      expect(m.date).toBe('2026-03-03T09:15:00.000Z');
    }
    // Full listings save a resumable cursor; the last one switches to incremental history.
    expect(pages[0]!.cursor).toMatchObject({ kind: 'gmail', v: 1, mode: 'full' });
    expect(pages[2]!.cursor).toMatchObject({ kind: 'gmail', v: 1, mode: 'history', pageToken: null });
  });

  it('decodes base64url bodies in their own charset (windows-1252 0x92 is a right quote) and RFC 2047 headers', async () => {
    const mb = mailbox();
    const body = iconv.encode(
      `We\x92ll ship Monday.\n\n-- \nJos\xe9 N\xfa\xf1ez\nDirector de Ventas\nAcme Ib\xe9rica S.L.\n`,
      'latin1',
    );
    g.addMessage(mb.account, {
      headers: [
        ['From', '=?windows-1252?Q?Jos=E9_N=FA=F1ez?= <jose@acme-iberica.example>'],
        ['Date', 'Wed, 4 Mar 2026 10:00:00 +0100'],
      ],
      root: { mimeType: 'text/plain', charset: 'windows-1252', body },
    });
    const [page] = await collect(mb.make().pages(null));
    const m = page!.messages[0]!;
    expect(m.headers['from']).toBe('José Núñez <jose@acme-iberica.example>');
    expect(m.tail).toContain('We\u2019ll ship Monday.');
    expect(m.tail).toContain('Director de Ventas\nAcme Ibérica S.L.');
    expect(m.signatureHint).toContain('José Núñez');
  });

  it('reads the text part of nested multiparts and never fetches attachments or forwarded messages', async () => {
    const mb = mailbox();
    g.addMessage(mb.account, {
      headers: [['From', 'Ravi Menon <ravi@contoso.example>']],
      root: {
        mimeType: 'multipart/mixed',
        parts: [
          {
            mimeType: 'multipart/related',
            parts: [
              {
                mimeType: 'multipart/alternative',
                parts: [
                  {
                    mimeType: 'text/plain',
                    charset: 'utf-8',
                    body: 'See attached.\n\nRavi Menon\nVP Engineering\nContoso Pharma\n',
                  },
                  {
                    mimeType: 'text/html',
                    charset: 'utf-8',
                    body: '<p>See attached.</p><div class="gmail_signature">Ravi Menon<br>VP Engineering<br>Contoso Pharma</div>',
                  },
                ],
              },
              { mimeType: 'image/png', filename: 'logo.png', body: new Uint8Array([137, 80, 78, 71]) },
            ],
          },
          { mimeType: 'application/pdf', filename: 'secret-contract.pdf', body: 'PDF BODY TEXT' },
          {
            mimeType: 'message/rfc822',
            parts: [{ mimeType: 'text/plain', body: 'Forwarded body with Someone Else\nCEO\nOther Corp' }],
          },
        ],
      },
    });
    const [page] = await collect(mb.make().pages(null));
    const m = page!.messages[0]!;
    expect(m.tail).toBe('See attached.\n\nRavi Menon\nVP Engineering\nContoso Pharma');
    expect(m.signatureHint).toContain('VP Engineering');
    expect(JSON.stringify(m)).not.toContain('Forwarded body');
    expect(requestsFor(mb.account).some((r) => r.path.includes('attachments'))).toBe(false);
  });

  it('hands over only the last few KiB of a huge newest part', async () => {
    const mb = mailbox();
    const filler = Array.from(
      { length: 2000 },
      (_, i) => `Paragraph ${i} of the body that is not a signature.`,
    ).join('\n');
    g.addMessage(mb.account, business(1, { text: `OPENING LINE\n${filler}\n\n${SIG}\n` }));
    const [page] = await collect(mb.make().pages(null));
    const m = page!.messages[0]!;
    expect(m.tail.length).toBeLessThanOrEqual(8 * 1024);
    expect(m.tail).toContain('Northwind Traders');
    expect(m.tail).not.toContain('OPENING LINE');
  });

  it('stays within budget on hostile messages: thousand-level nesting, a 6 MB text part, 5,000 headers', async () => {
    const mb = mailbox();
    let deep: FakePart = { mimeType: 'text/plain', body: 'Deep Signature\nCEO\nDeep Corp' };
    for (let i = 0; i < 1000; i++) deep = { mimeType: 'multipart/mixed', parts: [deep] };
    g.addMessage(mb.account, { headers: [['From', 'Deep <deep@deep.example>']], root: deep });
    const huge = 'x'.repeat(200) + '\n';
    g.addMessage(mb.account, {
      headers: [
        ['From', 'Huge <huge@huge.example>'],
        ...Array.from({ length: 5000 }, (_, i): [string, string] => [`X-Junk-${i}`, 'y'.repeat(100)]),
      ],
      text: `TOP LINE\n${huge.repeat(30_000)}`,
    });
    const t0 = Date.now();
    const [page] = await collect(mb.make().pages(null));
    expect(Date.now() - t0).toBeLessThan(10_000);
    const byFrom = new Map(page!.messages.map((m) => [m.headers['from'], m]));
    expect(byFrom.get('Deep <deep@deep.example>')!.tail).toBe('');
    const h = byFrom.get('Huge <huge@huge.example>')!;
    expect(h.tail.length).toBeLessThanOrEqual(8 * 1024);
    expect(Object.keys(h.headers)).toEqual(['from']);
  });

  it('never modifies the mailbox: only GETs to Gmail, POSTs only to the token endpoint, snippet never requested', async () => {
    const mb = mailbox();
    for (let i = 0; i < 3; i++) g.addMessage(mb.account, business(i));
    let cursor: Cursor | null = null;
    for await (const p of mb.make().pages(null)) cursor = p.cursor;
    g.addMessage(mb.account, business(9));
    await collect(mb.make().pages(cursor));
    const mine = g.requests.filter((r) => r.user === mb.account);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      if (r.path.startsWith('/gmail/')) {
        expect(r.method).toBe('GET');
        expect(r.path).toMatch(/^\/gmail\/v1\/users\/me\/(profile|messages|messages\/[0-9a-f]+|history)$/);
      } else {
        expect(r).toMatchObject({ method: 'POST', path: '/oauth/token' });
      }
      if (/\/messages\/[0-9a-f]+$/.test(r.path)) {
        // Headers first (format=metadata), then the body without the root headers; never the snippet.
        expect([
          { format: 'metadata', fields: 'id,labelIds,internalDate,payload/headers' },
          { format: 'full', fields: 'id,payload(partId,mimeType,filename,body,parts)' },
        ]).toContainEqual({ format: r.query['format'], fields: r.query['fields'] });
      }
    }
  });

  it('a second harvest with no new mail makes one history.list call and nothing else; new mail arrives through history', async () => {
    const mb = mailbox();
    for (let i = 0; i < 3; i++) g.addMessage(mb.account, business(i));
    const first = await collect(mb.make().pages(null));
    const cursor = first.at(-1)!.cursor;
    const before = requestsFor(mb.account).length;
    const second = await collect(mb.make().pages(cursor));
    const calls = requestsFor(mb.account)
      .slice(before)
      .filter((r) => r.path.startsWith('/gmail/'));
    expect(calls.map((r) => r.path)).toEqual(['/gmail/v1/users/me/history']);
    expect(second).toHaveLength(1);
    expect(second[0]!.messages).toEqual([]);
    expect(second[0]!.done).toBe(true);

    g.addMessage(mb.account, business(7));
    const third = await collect(mb.make().pages(second[0]!.cursor));
    expect(third.flatMap((p) => p.messages).map((m) => m.headers['message-id'])).toEqual([
      '<n7@northwind.example>',
    ]);
  });

  it('an expired history id (404) triggers one bounded full resync with a resync event, not an error loop', async () => {
    const mb = mailbox({ maxMessages: 3, pageSize: 2 });
    for (let i = 0; i < 2; i++) g.addMessage(mb.account, business(i));
    const cursor = (await collect(mb.make().pages(null))).at(-1)!.cursor;
    for (let i = 2; i < 6; i++) g.addMessage(mb.account, business(i));
    g.expireHistory(mb.account);
    const before = requestsFor(mb.account).length;
    const pages = await collect(mb.make().pages(cursor));
    expect(mb.events).toContainEqual({ type: 'resync', reason: expect.stringContaining('404') });
    expect(pages.flatMap((p) => p.messages)).toHaveLength(3);
    expect(pages.at(-1)).toMatchObject({ done: true, cursor: { mode: 'history' } });
    const history = requestsFor(mb.account)
      .slice(before)
      .filter((r) => r.path.endsWith('/history'));
    expect(history).toHaveLength(1);
    // The relisting is bounded to two days before the last complete sync.
    const list = requestsFor(mb.account)
      .slice(before)
      .find((r) => r.path.endsWith('/messages'))!;
    const after = Number(/after:(\d+)/.exec(String(list.query['q']))?.[1]);
    expect(Math.abs(after - (Date.now() / 1000 - 2 * 86_400))).toBeLessThan(120);
  });

  it('resumes an interrupted first harvest from the saved page cursor, replaying nothing already handed over', async () => {
    const mb = mailbox({ pageSize: 2 });
    for (let i = 0; i < 6; i++) g.addMessage(mb.account, business(i));
    const seen: string[] = [];
    let saved: Cursor | null = null;
    for await (const p of mb.make().pages(null)) {
      seen.push(...p.messages.map((m) => m.sourceId));
      saved = p.cursor;
      break; // the process "crashes" after storing the first page with its cursor
    }
    const rest = await collect(mb.make().pages(saved));
    const later = rest.flatMap((p) => p.messages.map((m) => m.sourceId));
    expect(seen).toHaveLength(2);
    expect(later).toHaveLength(4);
    expect(new Set([...seen, ...later]).size).toBe(6);
  });

  it('incremental runs page through history and resume mid-way from the saved history page', async () => {
    const mb = mailbox({ pageSize: 2 });
    g.addMessage(mb.account, business(0));
    const cursor = (await collect(mb.make().pages(null))).at(-1)!.cursor;
    for (let i = 1; i <= 5; i++) g.addMessage(mb.account, business(i));
    let saved: Cursor | null = null;
    const seen: string[] = [];
    for await (const p of mb.make().pages(cursor)) {
      seen.push(...p.messages.map((m) => m.headers['message-id']!));
      saved = p.cursor;
      break; // crash after the first history page was stored
    }
    expect(saved).toMatchObject({ mode: 'history', pageToken: expect.any(String) });
    const rest = await collect(mb.make().pages(saved));
    const all = [...seen, ...rest.flatMap((p) => p.messages.map((m) => m.headers['message-id']!))];
    expect(all.sort()).toEqual([1, 2, 3, 4, 5].map((i) => `<n${i}@northwind.example>`));
    expect(rest.at(-1)).toMatchObject({ done: true, cursor: { mode: 'history', pageToken: null } });
  });

  it('retries a 503 from Google and reports the retry', async () => {
    const mb = mailbox();
    g.addMessage(mb.account, business(1));
    g.failNext(/\/messages$/, 503, {
      error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' },
    });
    const pages = await collect(mb.make().pages(null));
    expect(pages.flatMap((p) => p.messages)).toHaveLength(1);
    expect(mb.events).toContainEqual({ type: 'retry', attempt: 1, code: '503' });
  });

  it('refreshes an access token invalidated before its expiry once, and carries on', async () => {
    const mb = mailbox({ pageSize: 1 });
    for (let i = 0; i < 2; i++) g.addMessage(mb.account, business(i));
    const pages: Page[] = [];
    for await (const p of mb.make().pages(null)) {
      pages.push(p);
      if (pages.length === 1) g.invalidateAccessTokens(); // server-side, long before expires_in
    }
    expect(pages.flatMap((p) => p.messages)).toHaveLength(2);
    expect(requestsFor(mb.account).filter((r) => r.path === '/oauth/token')).toHaveLength(2);
    expect(mb.events).toContainEqual(expect.objectContaining({ type: 'retry', code: 'auth-refresh' }));
  });

  it('fails with code "revoked" when the refresh token was revoked (invalid_grant)', async () => {
    const mb = mailbox();
    g.addMessage(mb.account, business(1));
    g.revokeUser(mb.account);
    const err = await collect(mb.make().pages(null)).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).code).toBe('revoked');
  });

  it('a grant poisoned by gmail.metadata (403 on format=full) needs a reconnect instead of failing forever', async () => {
    const mb = mailbox();
    g.addMessage(mb.account, business(1));
    g.failNext(/\/messages\/[0-9a-f]+$/, 403, {
      error: {
        code: 403,
        message: "Metadata scope doesn't allow format FULL",
        errors: [
          { message: "Metadata scope doesn't allow format FULL", domain: 'global', reason: 'forbidden' },
        ],
        status: 'PERMISSION_DENIED',
      },
    });
    const err = await collect(mb.make().pages(null)).catch((e) => e);
    expect((err as ConnectorError).code).toBe('revoked');
    expect((err as ConnectorError).message).toContain('Metadata scope');
  });

  it('fails with code "auth-expired" when a fresh token is still refused', async () => {
    const mb = mailbox();
    const unauth = {
      error: {
        code: 401,
        message: 'Request had invalid authentication credentials.',
        errors: [{ reason: 'authError' }],
        status: 'UNAUTHENTICATED',
      },
    };
    g.failNext(/\/profile$/, 401, unauth);
    g.failNext(/\/profile$/, 401, unauth);
    const err = await collect(mb.make().pages(null)).catch((e) => e);
    expect((err as ConnectorError).code).toBe('auth-expired');
  });

  it('waits out 429 with Retry-After and 403 userRateLimitExceeded, reporting the waits', async () => {
    const mb = mailbox();
    g.addMessage(mb.account, business(1));
    g.failNext(
      /\/messages$/,
      429,
      {
        error: {
          code: 429,
          message: 'Too many concurrent requests for user.',
          errors: [{ reason: 'rateLimitExceeded', domain: 'usageLimits' }],
          status: 'RESOURCE_EXHAUSTED',
        },
      },
      { 'retry-after': '1' },
    );
    g.failNext(/\/messages\/[0-9a-f]+$/, 403, {
      error: {
        code: 403,
        message: 'User Rate Limit Exceeded',
        errors: [{ reason: 'userRateLimitExceeded', domain: 'usageLimits' }],
        status: 'PERMISSION_DENIED',
      },
    });
    const c = mb.make();
    const t0 = Date.now();
    const pages = await collect(c.pages(null));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(pages.flatMap((p) => p.messages)).toHaveLength(1);
    const waits = mb.events.filter((e) => e.type === 'rate-limit-wait');
    expect(waits).toContainEqual({ type: 'rate-limit-wait', ms: 1000, reason: 'rateLimitExceeded' });
    expect(waits).toContainEqual(expect.objectContaining({ reason: 'userRateLimitExceeded' }));
    expect(c.stats()).toEqual({ apiCalls: 6, rateLimitWaits: 2 }); // profile, list x2, metadata x2, full
  });

  it('gives up with code "rate-limited" once the total retry budget is spent', async () => {
    const mb = mailbox({ retryBudget: 2 });
    const body = {
      error: {
        code: 429,
        message: 'Resource has been exhausted',
        errors: [{ reason: 'rateLimitExceeded' }],
        status: 'RESOURCE_EXHAUSTED',
      },
    };
    for (let i = 0; i < 3; i++) g.failNext(/\/profile$/, 429, body, { 'retry-after': '0' });
    const err = await collect(mb.make().pages(null)).catch((e) => e);
    expect((err as ConnectorError).code).toBe('rate-limited');
    expect(requestsFor(mb.account).filter((r) => r.path.endsWith('/profile'))).toHaveLength(3);
  });

  it('revoking a connection POSTs the refresh token as a form to the revoke endpoint', async () => {
    const mb = mailbox();
    await factory.revoke!(
      { id: 'x', kind: 'gmail', account: mb.account, config: {}, secret: mb.refreshToken },
      { endpoints: loadConfig(g.env()) },
    );
    const revoke = g.requests.filter((r) => r.path === '/oauth/revoke').at(-1)!;
    expect(revoke).toMatchObject({ method: 'POST', status: 200, form: ['token'] });
    const err = await collect(mb.make().pages(null)).catch((e) => e);
    expect((err as ConnectorError).code).toBe('revoked');
  });
});
