import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutlookMail } from '../../connectors/outlook/index.ts';
import type { OutlookOptions } from '../../connectors/outlook/connection.ts';
import { ConnectorError, type ConnectorEvent, type Page } from '../../connectors/types.ts';
import { loadConfig } from '../../src/config.ts';
import {
  startGraphServer,
  type FakeMessage,
  type GraphServer,
  type GraphServerOptions,
} from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';

const ACCOUNT = 'owner@contoso.example';
const MESSAGES: FakeMessage[] = Array.from({ length: 15 }, (_, i) => ({
  id: `m${i}`,
  from: { name: `Sender ${i}`, address: `sender${i}@fabrikam.example` },
  sentDateTime: `2026-11-${String(10 + i).padStart(2, '0')}T09:00:00Z`,
  text: `Message ${i} & more.\n\nRegards,\nSender ${i}\nAccount Manager <Fabrikam>\n+1 425 555 01${String(i).padStart(2, '0')}`,
}));

let cert: TestCertificate;
beforeAll(() => {
  cert = makeSelfSignedCertificate();
});
afterAll(() => cert.dispose());

async function run(
  server: GraphServer,
  opts: OutlookOptions = {},
  events: ConnectorEvent[] = [],
): Promise<Page[]> {
  const config = loadConfig({
    SIGMINE_GRAPH_API_URL: server.graphUrl,
    SIGMINE_MS_LOGIN_URL: server.loginUrl,
    SIGMINE_MS_CLIENT_ID: 'test-client',
  });
  const c = createOutlookMail(
    { id: 'c', kind: 'outlook', account: ACCOUNT, config: {}, secret: server.currentRefreshToken() },
    { endpoints: config, fetch: fetchTrusting(cert.cert), onEvent: (e) => events.push(e) },
    { pageSize: 10, ...opts },
  );
  const pages: Page[] = [];
  for await (const p of c.pages(null, { since: new Date('2026-11-01T00:00:00Z') })) pages.push(p);
  return pages;
}

async function withServer<T>(o: Partial<GraphServerOptions>, f: (s: GraphServer) => Promise<T>): Promise<T> {
  const s = await startGraphServer({ cert, messages: MESSAGES, ...o });
  try {
    return await f(s);
  } finally {
    await s.close();
  }
}

describe('Graph client guard rails', () => {
  it('refuses to follow a nextLink to another host, so the bearer token never leaves the Graph host', async () => {
    await withServer({ nextLinkOrigin: 'https://graph.attacker.example' }, async (s) => {
      const err = await run(s).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectorError);
      expect((err as ConnectorError).code).toBe('bad-input');
      expect(s.requests).toHaveLength(1);
    });
  });

  it('still hands over a plain-text tail when Graph answers with HTML bodies', async () => {
    await withServer({ ignorePrefer: true }, async (s) => {
      const pages = await run(s);
      const m = pages.flatMap((p) => p.messages).find((x) => x.tail.includes('Message 0 '))!;
      expect(m.tail).toContain('Message 0 & more.');
      expect(m.tail).toContain('Account Manager <Fabrikam>');
      expect(m.tail).not.toMatch(/<br>|<div>|&amp;|&lt;/);
    });
  });

  it('gives up on an unanswered request after its deadline instead of hanging the harvest', async () => {
    await withServer({}, async (s) => {
      s.hang(1);
      const t0 = Date.now();
      const err = await run(s, { requestTimeoutMs: 500 }).catch((e: unknown) => e);
      expect((err as ConnectorError).code).toBe('unavailable');
      expect(Date.now() - t0).toBeLessThan(10_000);
    });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    await withServer({}, async (s) => {
      s.throttle(1, new Date(Date.now() + 2000).toUTCString());
      const events: ConnectorEvent[] = [];
      const pages = await run(s, {}, events);
      expect(pages.flatMap((p) => p.messages)).toHaveLength(15);
      const waits = events.filter((e) => e.type === 'rate-limit-wait');
      expect(waits).toHaveLength(1);
      expect((waits[0] as { ms: number }).ms).toBeGreaterThan(0);
      expect((waits[0] as { ms: number }).ms).toBeLessThanOrEqual(2000);
    });
  });
});
