/**
 * Why this suite exists: Microsoft Graph allows 10,000 requests per 10 minutes per app per mailbox (throttling
 * limits, Outlook service), whatever the number of sources and worker processes reading the mailbox. Every Graph
 * request of a mailbox is paced through one token bucket: the process's own, shared by its sources, and on
 * PostgreSQL the shared quota bucket (src/quota/shared-bucket.ts) every worker reserves from. Against the local
 * Graph, with a fast pace so the suite stays short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutlookMail } from '../../connectors/outlook/index.ts';
import { GRAPH_MAILBOX_PACE, type GraphPace } from '../../connectors/outlook/graph-client.ts';
import type { ConnectionInfo, ConnectorDeps } from '../../connectors/types.ts';
import { loadConfig } from '../../src/config.ts';
import { rowKey, sharedQuota } from '../../src/quota/shared-bucket.ts';
import { startGraphServer, type FakeMessage, type GraphServer } from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';
import { freshDatabase, postgresAvailable } from '../helpers/databases.ts';

const ACCOUNT = 'paced@contoso.example';
const MESSAGES: FakeMessage[] = Array.from({ length: 12 }, (_, i) => ({
  id: `p${i}`,
  from: { name: `Sender ${i}`, address: `sender${i}@fabrikam.example` },
  sentDateTime: `2026-11-${String(10 + i).padStart(2, '0')}T09:00:00Z`,
  text: `Message ${i}.\n\nRegards,\nSender ${i}\nAccount Manager, Fabrikam`,
}));
/** 10 requests/s after a burst of 2: a 2-message page per request makes a run of ~7 requests take ~0.5 s. */
const PACE: GraphPace = { requestsPerSecond: 10, burst: 2 };
/**
 * Timer slack of a shared machine, and a request's own set-up after its turn: the bucket paces when a
 * request takes its turn, and the first one then still waits for its access token (measured up to ~55 ms
 * here), so it leaves close to the next ones.
 */
const SLACK_MS = 80;

const PG = await postgresAvailable();
let cert: TestCertificate;
let server: GraphServer;
beforeAll(async () => {
  cert = makeSelfSignedCertificate();
  server = await startGraphServer({ cert, messages: MESSAGES });
});
afterAll(async () => {
  await server?.close();
  cert?.dispose();
});

/** A connection to the mailbox (its sources share one rotating refresh token through this object). */
const connection = (account: string): ConnectionInfo => ({
  id: account,
  kind: 'outlook',
  account,
  config: {},
  secret: server.currentRefreshToken(),
});

/** Harvests the mailbox once; returns when each Graph request left. */
async function harvest(conn: ConnectionInfo, deps: Partial<ConnectorDeps> = {}, pace: GraphPace = PACE) {
  const sent: number[] = [];
  const trusting = fetchTrusting(cert.cert);
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(`${server.graphUrl}/v1.0/`)) sent.push(performance.now());
    return trusting(input, init);
  }) as typeof globalThis.fetch;
  const config = loadConfig({
    SIGMINE_GRAPH_API_URL: server.graphUrl,
    SIGMINE_MS_LOGIN_URL: server.loginUrl,
    SIGMINE_MS_CLIENT_ID: 'test-client',
  });
  const c = createOutlookMail(conn, { endpoints: config, fetch, ...deps }, { pageSize: 2, pace });
  let messages = 0;
  for await (const p of c.pages(null, { since: new Date('2026-11-01T00:00:00Z') }))
    messages += p.messages.length;
  await c.close?.();
  return { sent, messages };
}

/** True when no window of these request times holds more than the bucket lets through. */
function withinPace(sent: number[], pace: GraphPace): boolean {
  const t = [...sent].sort((a, b) => a - b);
  for (let i = 0; i < t.length; i++)
    for (let j = i; j < t.length; j++) {
      const allowed = pace.burst + (pace.requestsPerSecond * (t[j]! - t[i]! + SLACK_MS)) / 1000;
      if (j - i + 1 > allowed) return false;
    }
  return true;
}

describe('Graph pacing per mailbox', () => {
  it('keeps a mailbox under 10,000 requests in any 10 minutes by default, with no wait for a small harvest', () => {
    const { requestsPerSecond, burst } = GRAPH_MAILBOX_PACE;
    expect(burst + requestsPerSecond * 600).toBeLessThanOrEqual(10_000);
    expect(burst).toBeGreaterThanOrEqual(100);
  });

  it('spaces the requests of one harvest to the pace, after the burst', async () => {
    const r = await harvest(connection(ACCOUNT));
    expect(r.messages).toBe(MESSAGES.length);
    expect(r.sent.length).toBeGreaterThan(PACE.burst + 3);
    expect(withinPace(r.sent, PACE)).toBe(true);
    // Without pacing the same run sends its requests within a few milliseconds of each other.
    const span = r.sent[r.sent.length - 1]! - r.sent[0]!;
    expect(span).toBeGreaterThanOrEqual(
      ((r.sent.length - PACE.burst) / PACE.requestsPerSecond) * 1000 - SLACK_MS,
    );
  });

  it('paces two sources reading one mailbox at once together, not each on its own', async () => {
    const conn = connection('paced-twice@contoso.example');
    const [a, b] = await Promise.all([harvest(conn), harvest(conn)]);
    expect(withinPace([...a.sent, ...b.sent], PACE)).toBe(true);
  });

  it.skipIf(!PG)(
    'waits for what other worker processes took from the mailbox bucket on PostgreSQL',
    async () => {
      const t = await freshDatabase('postgres');
      try {
        const account = 'paced-shared@contoso.example';
        const quota = sharedQuota(t.db)!;
        const key = `graph:mailbox:${account}`;
        const bucket = { key, unitsPerSecond: PACE.requestsPerSecond, burst: PACE.burst };
        // Another worker's requests: the bucket is left 6 requests in debt (0.6 s at 10/s), which that worker
        // waits off while this one starts.
        const other = quota.reserve([bucket], PACE.burst + 6);
        await new Promise((r) => setTimeout(r, 50));
        const t0 = performance.now();
        const r = await harvest(connection(account), { quota });
        await other;
        expect(r.messages).toBe(MESSAGES.length);
        // This process's own bucket is full, so only the shared one can hold the first request back.
        expect(r.sent[0]! - t0).toBeGreaterThanOrEqual(600 - 50 - SLACK_MS);
        // The shared rows hold a digest of the name, never the address.
        const rows = await t.db.selectFrom('quota_buckets').select('key').execute();
        expect(rows.map((x) => x.key)).toContain(rowKey(key));
        expect(JSON.stringify(rows)).not.toContain(account);
      } finally {
        await t.dispose();
      }
    },
  );
});
