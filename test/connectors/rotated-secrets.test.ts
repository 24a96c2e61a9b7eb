/**
 * Why this suite exists: Microsoft rotates refresh tokens on every refresh, and a harvest that saves the
 * rotated one must never overwrite a newer grant (issue 10: a reconnect during a harvest keeps the new
 * grant; dry runs and previews never write secrets). Through the harvest loop, the real Outlook connector
 * against the local Graph, and the store on SQLite and PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFactory } from '../../connectors/registry.ts';
import type { ConnectorFactory } from '../../connectors/types.ts';
import { connectionInfo, saveRotatedSecret, upsertConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { noProgress, silentLogger } from '../../src/log.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { startGraphServer, type GraphServer } from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';

const SECRET_KEY = 'c3'.repeat(32);
const key = parseSecretKey(SECRET_KEY);
const ACCOUNT = 'member@contoso.example';

let cert: TestCertificate;
beforeAll(() => {
  cert = makeSelfSignedCertificate();
});
afterAll(() => cert.dispose());

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(
    `Rotated refresh tokens are saved safely (${dialect})`,
    () => {
      let t: TestDatabase;
      let server: GraphServer;
      let env: HarvestEnv;
      /** Runs before the connector's first request (e.g. a reconnect landing mid-harvest). */
      let beforeFirstRequest: () => Promise<void>;
      beforeEach(async () => {
        t = await freshDatabase(dialect);
        beforeFirstRequest = async () => {};
        server = await startGraphServer({
          cert,
          acceptOldRefreshTokens: true,
          messages: [
            {
              id: 'AAMk-1',
              from: { name: 'Dana Whitfield', address: 'dana.whitfield@fabrikam.example' },
              sentDateTime: new Date().toISOString(),
              text: 'Hi,\n\nKind regards,\nDana Whitfield\nHead of Procurement\nFabrikam Ltd\nTel: +44 20 7946 0321',
            },
          ],
        });
        const tls = fetchTrusting(cert.cert);
        const withTls = async (kind: string): Promise<ConnectorFactory> => {
          const f = await connectorFactory(kind);
          return {
            ...f,
            create: (c, d) => {
              const inner = f.create(c, { ...d, fetch: tls });
              return {
                ...inner,
                stats: () => inner.stats(),
                close: () => inner.close(),
                async *pages(cursor, o) {
                  await beforeFirstRequest();
                  yield* inner.pages(cursor, o);
                },
              };
            },
          };
        };
        env = {
          db: t.db,
          config: loadConfig({
            SIGMINE_SECRET_KEY: SECRET_KEY,
            SIGMINE_GRAPH_API_URL: server.graphUrl,
            SIGMINE_MS_LOGIN_URL: server.loginUrl,
            SIGMINE_MS_CLIENT_ID: 'test-client',
          }),
          logger: silentLogger,
          progress: noProgress,
          holder: 'h',
          factoryFor: withTls,
        };
      });
      afterEach(async () => {
        await server.close();
        await t.dispose();
      });

      const connect = async (secret: string) =>
        (
          await upsertConnection(
            t.db,
            { contributorEmail: ACCOUNT, kind: 'outlook', account: ACCOUNT, secret },
            key,
          )
        ).connection.id;
      const stored = async (id: string) => (await connectionInfo(t.db, id, key)).secret;

      it('a reconnect during a harvest keeps the new grant: the old grant rotated by the harvest is not saved over it', async () => {
        const id = await connect('rt-0');
        beforeFirstRequest = async () => void (await connect('rt-from-the-reconnect'));
        const { results } = await runHarvest(env, [id]);
        expect(results[0]).toMatchObject({ status: 'ok' });
        // The harvest did rotate its (old) grant at Microsoft...
        expect(server.tokenRequests.map((r) => r.refreshToken)).toEqual(['rt-0']);
        // ...but the reconnect's grant is what stays stored.
        expect(await stored(id)).toBe('rt-from-the-reconnect');
      });

      it('without a reconnect, the rotated refresh token replaces the one it was refreshed from', async () => {
        const id = await connect('rt-0');
        await runHarvest(env, [id]);
        expect(await stored(id)).toBe(server.currentRefreshToken());
        expect(await stored(id)).not.toBe('rt-0');
      });

      it('a dry run (the member preview) rotates nothing into the database', async () => {
        const id = await connect('rt-0');
        const { results } = await runHarvest(env, [id], { dryRun: true });
        expect(results[0]).toMatchObject({ status: 'ok' });
        expect(server.tokenRequests).toHaveLength(1);
        expect(await stored(id)).toBe('rt-0');
      });

      it('compare-and-set: a rotation is stored only over the secret it replaced', async () => {
        const id = await connect('rt-a');
        expect(await saveRotatedSecret(t.db, id, 'rt-b', key, 'rt-other')).toBe(false);
        expect(await stored(id)).toBe('rt-a');
        expect(await saveRotatedSecret(t.db, id, 'rt-b', key, 'rt-a')).toBe(true);
        expect(await stored(id)).toBe('rt-b');
      });
    },
  );
}
