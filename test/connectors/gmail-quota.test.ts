import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { factory } from '../../connectors/gmail/index.ts';
import type { ConnectorEvent } from '../../connectors/types.ts';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';

let g: GoogleServer;
beforeAll(async () => {
  // Gmail's per-user limits, enforced: 250 units/s and at most 5 requests in flight, 20 ms per request.
  g = await startGoogleServer({ unitsPerSecond: 250, maxConcurrent: 5, latencyMs: 20 });
});
afterAll(() => g.close());

describe('Gmail quota accounting', () => {
  it('harvests two mailboxes in parallel without a single 429, counting every API call', async () => {
    const accounts = ['quota-a@acme.test', 'quota-b@acme.test'];
    const connectors = accounts.map((account) => {
      const { refreshToken } = g.addUser(account);
      g.addMessages(account, 60);
      const events: ConnectorEvent[] = [];
      const c = factory.create(
        { id: account, kind: 'gmail', account, config: {}, secret: refreshToken },
        { endpoints: loadConfig(g.env()), onEvent: (e) => events.push(e) },
      );
      return { account, c, events };
    });
    const started = Date.now();
    const counts = await Promise.all(
      connectors.map(async ({ c }) => {
        let n = 0;
        for await (const p of c.pages(null)) n += p.messages.length;
        return n;
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(counts).toEqual([60, 60]);
    for (const { account, c } of connectors) {
      const mine = g.requests.filter((r) => r.user === account && r.path.startsWith('/gmail/'));
      expect(mine.filter((r) => r.status !== 200)).toEqual([]);
      // 1 profile + 1 list page + 60 metadata gets + 60 body gets (every synthetic sender is a business).
      expect(c.stats()).toEqual({ apiCalls: 122, rateLimitWaits: 0 });
      expect(mine).toHaveLength(122);
    }
    // 60 x (5 + 5) + 5 + 1 = 606 units per user at <= 240 units/s after a 50-unit burst: >= 2.3 s.
    expect(seconds).toBeGreaterThanOrEqual(2);
  });

  it('against a stricter quota answered with 403 userRateLimitExceeded, backs off and still finishes', async () => {
    const strict = await startGoogleServer({
      unitsPerSecond: 60,
      rateLimitStatus: 403,
      retryAfterSeconds: null,
    });
    try {
      const account = 'strict@acme.test';
      const { refreshToken } = strict.addUser(account);
      strict.addMessages(account, 20); // 20 x (metadata + body) x 5 units = 200 units at 60 units/s
      const events: ConnectorEvent[] = [];
      const c = factory.create(
        { id: account, kind: 'gmail', account, config: { backoffBaseMs: 200 }, secret: refreshToken },
        { endpoints: loadConfig(strict.env()), onEvent: (e) => events.push(e) },
      );
      let n = 0;
      for await (const p of c.pages(null)) n += p.messages.length;
      expect(n).toBe(20);
      const refused = strict.requests.filter((r) => r.status === 403);
      expect(refused.length).toBeGreaterThan(0);
      expect(c.stats().rateLimitWaits).toBe(refused.length);
      expect(
        events.filter((e) => e.type === 'rate-limit-wait' && e.reason === 'userRateLimitExceeded'),
      ).toHaveLength(refused.length);
    } finally {
      await strict.close();
    }
  });
});
