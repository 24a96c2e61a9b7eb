/**
 * The guards every request of the web app goes through: security headers, the body limit, the access log,
 * and the sign-in / privacy-link rate limits kept in the database (across restarts and processes, on
 * SQLite and PostgreSQL).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { createApp, type WebAppOptions } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { openDatabase } from '../../src/db/database.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, type Logger } from '../../src/log.ts';
import type { OutgoingNotice } from '../../src/notices/transport.ts';

const PUBLIC = 'http://guards.test';
const config = loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: 'c'.repeat(64) });

function harness(t: TestDatabase) {
  const sent: OutgoingNotice[] = [];
  const mails = createMailQueue(silentLogger);
  const transport = {
    name: 'memory',
    async send(n: OutgoingNotice) {
      sent.push(n);
      return { providerMessageId: 'x' };
    },
  };
  const make = (extra: Partial<WebAppOptions> = {}) =>
    createApp({ database: t, config, transport, mailQueue: mails, ...extra });
  return { sent, mails, make };
}

const signIn = (app: ReturnType<typeof createApp>, email: string, headers: Record<string, string> = {}) =>
  app.request(`${PUBLIC}/member/link`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PUBLIC, ...headers },
    body: new URLSearchParams({ email }).toString(),
  });

describe('web guards', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase('sqlite');
  });
  afterEach(async () => t.dispose());

  it('sends a strict Content-Security-Policy and the usual security headers, with the stylesheet from our origin', async () => {
    const app = harness(t).make();
    const res = await app.request(`${PUBLIC}/privacy`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Forms go to us, or (after a connect button's redirect) to the configured consent pages only.
    expect(csp).toMatch(
      /form-action 'self' https:\/\/accounts\.google\.com https:\/\/login\.microsoftonline\.com(;|$)/,
    );
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const html = await res.text();
    expect(html).not.toContain('<style');
    expect(html).toMatch(/<link rel="stylesheet" href="\/style\.css"\/?>/);
    const css = await app.request(`${PUBLIC}/style.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('font:16px');
  });

  it('answers 413 to a 1 MiB form post, from its Content-Length, before reading it', async () => {
    const { make, sent, mails } = harness(t);
    const app = make();
    const big = `email=a%40b.example&pad=${'x'.repeat(1024 * 1024)}`;
    const res = await app.request(`${PUBLIC}/member/link`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: PUBLIC,
        'Content-Length': String(big.length),
      },
      body: big,
    });
    expect(res.status).toBe(413);
    await mails.idle();
    expect(sent).toHaveLength(0);
  });

  it('answers 413 to a streamed 1 MiB post after reading little more than 64 KiB of it', async () => {
    const app = harness(t).make();
    const chunk = new TextEncoder().encode('x'.repeat(4096));
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await app.request(`${PUBLIC}/privacy/link`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PUBLIC },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    // A pulled chunk or two of read-ahead at most, never the whole megabyte.
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 4 * chunk.length);
  });

  it('logs one line per request with method, route pattern, status and duration, never the query string', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger: Logger = { log: (level, event, fields) => lines.push({ level, event, ...fields }) };
    const app = harness(t).make({ logger });
    await app.request(`${PUBLIC}/privacy/me?t=secret-token-value&email=someone%40x.example`);
    await app.request(`${PUBLIC}/member/home?t=another-secret`);
    await app.request(`${PUBLIC}/nowhere?q=1`);
    const http = lines.filter((l) => l.event === 'http');
    expect(http).toEqual([
      expect.objectContaining({ level: 'info', method: 'GET', route: '/privacy/me', status: 200 }),
      expect.objectContaining({ level: 'info', method: 'GET', route: '/member/home', status: 200 }),
      expect.objectContaining({ level: 'info', method: 'GET', route: '(no route)', status: 404 }),
    ]);
    for (const l of http) expect(typeof l.ms).toBe('number');
    const all = JSON.stringify(lines);
    for (const secret of ['secret-token-value', 'another-secret', 'someone', '?'])
      expect(all).not.toContain(secret);
  });

  it('limits link requests per client address (from the trusted proxy header), and others still get theirs', async () => {
    const { make, sent, mails } = harness(t);
    const app = make({ web: { metricsToken: null, trustProxyHops: 1 } });
    // The client forges an entry on the left; only the one our proxy appended (rightmost) counts.
    for (let i = 0; i < 25; i++)
      await signIn(app, `person${i}@firm.example`, { 'X-Forwarded-For': `10.0.0.${i}, 198.51.100.7` });
    await mails.idle();
    expect(sent).toHaveLength(20);
    await signIn(app, 'someone@firm.example', { 'X-Forwarded-For': '198.51.100.8' });
    await mails.idle();
    expect(sent).toHaveLength(21);
  });

  it('counts an IPv6 client by its /64 network, so changing the low bits does not reset its limit', async () => {
    const { make, sent, mails } = harness(t);
    const app = make({ web: { metricsToken: null, trustProxyHops: 1 } });
    for (let i = 0; i < 22; i++)
      await signIn(app, `person${i}@firm.example`, {
        'X-Forwarded-For': `2001:db8:1:2::${(i + 1).toString(16)}`,
      });
    await mails.idle();
    expect(sent).toHaveLength(20);
  });
});

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`link mail limits on ${dialect}`, () => {
    let t: TestDatabase;
    beforeEach(async () => {
      t = await freshDatabase(dialect);
    });
    afterEach(async () => t.dispose());

    /** The same database opened again, as a restarted process would (PGlite lives in this process only). */
    const reopen = async () =>
      t.backend === 'pglite'
        ? { ...t, close: async () => {} }
        : openDatabase(t.url, t.pgSchema ? { pgSchema: t.pgSchema, poolSize: 2 } : {});

    it('sends at most 3 sign-in mails per address an hour across a server restart, answering the same page', async () => {
      const { sent } = harness(t);
      const transport = {
        name: 'memory',
        async send(n: OutgoingNotice) {
          sent.push(n);
          return { providerMessageId: 'x' };
        },
      };
      const pages: string[] = [];
      for (let run = 0; run < 2; run++) {
        const database = await reopen();
        const mails = createMailQueue(silentLogger);
        try {
          const app = createApp({ database, config, transport, mailQueue: mails });
          for (let i = 0; i < 5; i++) pages.push(await (await signIn(app, 'member@firm.example')).text());
        } finally {
          await mails.idle();
          await database.close();
        }
      }
      expect(sent).toHaveLength(3);
      expect(new Set(pages).size).toBe(1);
    });

    it('shares the limit between processes asking at the same time', async () => {
      const { sent } = harness(t);
      const transport = {
        name: 'memory',
        async send(n: OutgoingNotice) {
          sent.push(n);
          return { providerMessageId: 'x' };
        },
      };
      const dbs = [await reopen(), await reopen()];
      const queues = dbs.map(() => createMailQueue(silentLogger));
      try {
        const apps = dbs.map((database, i) =>
          createApp({ database, config, transport, mailQueue: queues[i] }),
        );
        await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(apps[i % 2]!, 'member@firm.example')));
        await Promise.all(queues.map((q) => q.idle()));
      } finally {
        for (const d of dbs) await d.close();
      }
      expect(sent).toHaveLength(3);
    });
  });
}
