/**
 * The connections repository on SQLite and PostgreSQL: what the CLI, the harvest and the web app rely on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import {
  connectionInfo,
  getConnection,
  getCursor,
  listConnections,
  markNeedsReconnect,
  recordHarvest,
  saveCursor,
  saveRotatedSecret,
  upsertConnection,
} from '../../src/connections/repository.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { SecretError } from '../../src/secrets/index.ts';

const key = randomBytes(32);

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(
    `connections repository (${dialect})`,
    () => {
      let t: TestDatabase;
      beforeEach(async () => {
        t = await freshDatabase(dialect);
      });
      afterEach(async () => {
        await t.dispose();
      });

      it('hands a connector the decrypted secret while listings only say that one is stored', async () => {
        const { connection, created, contributorCreated } = await upsertConnection(
          t.db,
          {
            contributorEmail: ' Ivan@Litware.example ',
            kind: 'imap',
            account: 'ivan@litware.example',
            config: { host: 'imap.litware.example', port: 993 },
            secret: 's3cret!',
          },
          key,
        );
        expect(created && contributorCreated).toBe(true);
        expect(connection.contributorEmail).toBe('ivan@litware.example');
        expect(connection.hasSecret).toBe(true);
        expect(JSON.stringify(connection)).not.toContain('s3cret!');
        const raw = await t.db.selectFrom('connections').select('secret_enc').executeTakeFirstOrThrow();
        expect(raw.secret_enc).toMatch(/^v2:default:/);
        const info = await connectionInfo(t.db, connection.id, key);
        expect(info).toEqual({
          id: connection.id,
          kind: 'imap',
          account: 'ivan@litware.example',
          config: { host: 'imap.litware.example', port: 993 },
          secret: 's3cret!',
        });
        await expect(connectionInfo(t.db, connection.id, randomBytes(32))).rejects.toBeInstanceOf(
          SecretError,
        );
      });

      it('reconnecting the same account replaces the secret, reactivates it and keeps its cursor', async () => {
        const input = {
          contributorEmail: 'ivan@litware.example',
          kind: 'gmail',
          account: 'ivan@litware.example',
          secret: 'old',
        };
        const first = await registerConnection(t.db, input, key);
        await saveCursor(t.db, first.connection.id, { kind: 'gmail', v: 1, historyId: '42' });
        await markNeedsReconnect(t.db, first.connection.id, 'revoked');
        expect((await getConnection(t.db, first.connection.id))!.status).toBe('needs-reconnect');
        expect(await listConnections(t.db, { harvestable: true })).toEqual([]);

        const again = await registerConnection(t.db, { ...input, secret: 'new' }, key);
        expect(again.created).toBe(false);
        expect(again.connection.id).toBe(first.connection.id);
        // Nothing is paid for connecting (the bonus waits for a harvest that reads mail).
        expect(again.bonus).toBe(0);
        expect(first.bonus).toBe(0);
        expect(again.connection.status).toBe('active');
        expect(again.connection.lastErrorCode).toBeNull();
        expect((await connectionInfo(t.db, first.connection.id, key)).secret).toBe('new');
        expect(await getCursor(t.db, first.connection.id)).toEqual({ kind: 'gmail', v: 1, historyId: '42' });
        expect((await listConnections(t.db, { harvestable: true })).map((c) => c.id)).toEqual([
          first.connection.id,
        ]);
      });

      it('stores a rotated refresh token encrypted and records harvest outcomes', async () => {
        const { connection } = await registerConnection(
          t.db,
          {
            contributorEmail: 'judy@litware.example',
            kind: 'outlook',
            account: 'judy@litware.example',
            secret: 'rt-1',
          },
          key,
        );
        await saveRotatedSecret(t.db, connection.id, 'rt-2', key);
        expect((await connectionInfo(t.db, connection.id, key)).secret).toBe('rt-2');
        await recordHarvest(t.db, connection.id, 'rate-limited');
        const c = (await getConnection(t.db, connection.id))!;
        expect(c.lastErrorCode).toBe('rate-limited');
        expect(c.lastHarvestAt).not.toBeNull();
      });

      it('lists by contributor and kind, and refuses an invalid contributor address', async () => {
        await registerConnection(
          t.db,
          {
            contributorEmail: 'a@litware.example',
            kind: 'mailbox',
            account: '/m/a',
            config: { path: '/m/a' },
          },
          null,
        );
        await registerConnection(
          t.db,
          {
            contributorEmail: 'b@litware.example',
            kind: 'mailbox',
            account: '/m/b',
            config: { path: '/m/b' },
          },
          null,
        );
        await registerConnection(
          t.db,
          { contributorEmail: 'b@litware.example', kind: 'imap', account: 'b', secret: 'pw' },
          key,
        );
        expect(
          (await listConnections(t.db, { contributorEmail: 'B@litware.example' })).map((c) => c.kind).sort(),
        ).toEqual(['imap', 'mailbox']);
        expect((await listConnections(t.db, { kind: 'mailbox' })).map((c) => c.account)).toEqual([
          '/m/a',
          '/m/b',
        ]);
        await expect(
          upsertConnection(t.db, { contributorEmail: 'not an email', kind: 'mailbox', account: '/x' }, null),
        ).rejects.toMatchObject({ code: 'bad-input' });
        await expect(
          upsertConnection(
            t.db,
            { contributorEmail: 'c@litware.example', kind: 'imap', account: 'c', secret: 'pw' },
            null,
          ),
        ).rejects.toMatchObject({ code: 'bad-input' });
      });
    },
  );
}
