/**
 * Why this suite exists: issue 10's Graph behaviours, as the real service has them: without
 * `changeType=created` a delta round re-delivers a message each time it is read or flagged and reports
 * deletions as `@removed` items; a first round filtered by date is capped (5,000 on Graph), so its order
 * decides which messages come. Through the front door: the Outlook connector against the local Graph, and
 * the harvest with the store (processed messages are not read again, nothing is stored twice) on SQLite
 * and PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFactory } from '../../connectors/registry.ts';
import { createOutlookMail } from '../../connectors/outlook/index.ts';
import type { ConnectorFactory, Cursor, Page } from '../../connectors/types.ts';
import { getCursor, saveCursor, upsertConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { noProgress, silentLogger } from '../../src/log.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import {
  legacyDeltaLink,
  startGraphServer,
  type FakeMessage,
  type GraphServer,
} from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';

const ACCOUNT = 'member@contoso.example';
const SECRET_KEY = 'd4'.repeat(32);

const message = (i: number): FakeMessage => ({
  id: `AAMk-${i}`,
  from: { name: `Dana Whitfield ${i}`, address: `dana${i}@fabrikam.example` },
  to: [{ name: 'Owner', address: ACCOUNT }],
  sentDateTime: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
  internetMessageId: `<d${i}@fabrikam.example>`,
  text: `Hi,\n\nKind regards,\nDana Whitfield ${i}\nHead of Procurement\nFabrikam Ltd\nTel: +44 20 7946 03${10 + i}`,
});

let cert: TestCertificate;
beforeAll(() => {
  cert = makeSelfSignedCertificate();
});
afterAll(() => cert.dispose());

const configFor = (s: GraphServer) =>
  loadConfig({
    SIGMINE_SECRET_KEY: SECRET_KEY,
    SIGMINE_GRAPH_API_URL: s.graphUrl,
    SIGMINE_MS_LOGIN_URL: s.loginUrl,
    SIGMINE_MS_CLIENT_ID: 'test-client',
  });

async function pagesOf(it: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const p of it) out.push(p);
  return out;
}

describe('Outlook delta as Graph delivers it', () => {
  it('a capped first round brings the newest messages, and a later round only new ones: no re-delivery of a read message, no deletion record', async () => {
    const server = await startGraphServer({ cert, acceptOldRefreshTokens: true, firstRoundCap: 3 });
    server.addMessages(...[0, 1, 2, 3, 4].map(message));
    try {
      const c = createOutlookMail(
        { id: 'c', kind: 'outlook', account: ACCOUNT, config: {}, secret: 'rt-0' },
        { endpoints: configFor(server), fetch: fetchTrusting(cert.cert) },
      );
      const first = await pagesOf(c.pages(null, { since: new Date('2026-01-01T00:00:00Z') }));
      expect(first.flatMap((p) => p.messages.map((m) => m.sourceId))).toEqual(['AAMk-4', 'AAMk-3', 'AAMk-2']);
      server.touchMessage('AAMk-4'); // read
      server.deleteMessage('AAMk-3');
      server.addMessages(message(5));
      const second = await pagesOf(c.pages(first.at(-1)!.cursor));
      expect(second.flatMap((p) => p.messages.map((m) => m.sourceId))).toEqual(['AAMk-5']);
    } finally {
      await server.close();
    }
  });
});

describe('Outlook, a capped preview', () => {
  it('stops after the page that reaches the limit, newest first', async () => {
    const server = await startGraphServer({ cert, acceptOldRefreshTokens: true });
    server.addMessages(...[0, 1, 2, 3, 4, 5, 6].map(message));
    try {
      const c = createOutlookMail(
        { id: 'c', kind: 'outlook', account: ACCOUNT, config: {}, secret: 'rt-0' },
        { endpoints: configFor(server), fetch: fetchTrusting(cert.cert) },
        { pageSize: 2 },
      );
      const pages = await pagesOf(c.pages(null, { since: new Date('2026-01-01T00:00:00Z'), limit: 3 }));
      expect(pages.flatMap((p) => p.messages.map((m) => m.sourceId))).toEqual([
        'AAMk-6',
        'AAMk-5',
        'AAMk-4',
        'AAMk-3',
      ]);
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(
    `Outlook harvest, delta (${dialect})`,
    () => {
      let t: TestDatabase;
      let server: GraphServer;
      let env: HarvestEnv;
      beforeEach(async () => {
        t = await freshDatabase(dialect);
        server = await startGraphServer({ cert, acceptOldRefreshTokens: true });
        server.addMessages(...[0, 1, 2].map(message));
        const tls = fetchTrusting(cert.cert);
        const factoryFor = async (kind: string): Promise<ConnectorFactory> => {
          const f = await connectorFactory(kind);
          return { ...f, create: (c, d) => f.create(c, { ...d, fetch: tls }) };
        };
        env = {
          db: t.db,
          config: configFor(server),
          logger: silentLogger,
          progress: noProgress,
          holder: 'h',
          factoryFor,
        };
      });
      afterEach(async () => {
        await server.close();
        await t.dispose();
      });

      it('a cursor saved before changeType=created: re-delivered read messages and @removed items are ignored cleanly, nothing is stored twice', async () => {
        const { connection } = await upsertConnection(
          t.db,
          { contributorEmail: ACCOUNT, kind: 'outlook', account: ACCOUNT, secret: 'rt-0' },
          parseSecretKey(SECRET_KEY),
        );
        const first = await runHarvest(env, [connection.id], { threads: false });
        expect(first.results[0]).toMatchObject({
          status: 'ok',
          counts: { messagesScanned: 3, contactsNew: 3 },
        });
        const observations = async () =>
          Number(
            (
              await t.db
                .selectFrom('observations')
                .select((e) => e.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const before = await observations();
        // The connection's cursor, as an earlier version (no changeType) would have saved it.
        const saved = (await getCursor(t.db, connection.id)) as Cursor & { link: string };
        await saveCursor(t.db, connection.id, { ...saved, link: legacyDeltaLink(saved.link) });
        server.touchMessage('AAMk-0');
        server.touchMessage('AAMk-1');
        server.deleteMessage('AAMk-2');
        server.addMessages(message(3));
        const { results } = await runHarvest(env, [connection.id], { threads: false });
        // Two re-deliveries (already processed, handed over headers only) and one new message; the
        // deletion record is not a message.
        expect(results[0]).toMatchObject({
          status: 'ok',
          counts: { messagesScanned: 3, messagesReplayed: 2, contactsNew: 1 },
        });
        // Only the new sender added rows (as many as each of the three first senders did).
        expect(await observations()).toBe(before + before / 3);
      });
    },
  );
}
