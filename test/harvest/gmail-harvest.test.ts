/**
 * Gmail end to end through the front door: the real connector (from the registry) against the local
 * Google, the harvest loop and the store, on SQLite and PostgreSQL.
 */
import { Writable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { upsertConnection, getConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { jsonLogger, noProgress } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { startGoogleServer, type GoogleServer, type FakeMessage } from '../fakes/google-server.ts';

const KEY_HEX = '7f'.repeat(32);
let g: GoogleServer;
beforeAll(async () => {
  g = await startGoogleServer();
});
afterAll(() => g.close());

const SECRET_BODY = 'Our confidential merger pricing is 41.7 million for the Ostrava plant';
const SECRET_SUBJECT = 'Project Kestrel term sheet draft';

function mail(i: number, who: string, company: string, domain: string): FakeMessage {
  return {
    headers: [
      ['From', `${who} <${who.split(' ')[0]!.toLowerCase()}@${domain}>`],
      ['To', 'member@acme.test'],
      ['Subject', `${SECRET_SUBJECT} ${i}`],
      ['Date', `Tue, 3 Mar 2026 09:${String(10 + i).padStart(2, '0')}:00 +0000`],
      ['Message-ID', `<kestrel-${i}-${domain}@mail.example>`],
    ],
    text: `Hello,\n\n${SECRET_BODY}.\n\nKind regards,\n${who}\nHead of Corporate Development\n${company}\nPhone: +420 234 567 ${100 + i}\n\nOn Mon, Bob wrote:\n> quoted ${SECRET_BODY}\n`,
  };
}

async function everyCell(t: TestDatabase): Promise<string> {
  const db = t.db as unknown as Kysely<any>;
  const tables =
    t.dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = ${t.pgSchema}`.execute(
            db,
          )
        ).rows.map((r) => r.name);
  const cells: string[] = [];
  for (const name of tables) {
    for (const row of (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db))
      .rows) {
      for (const v of Object.values(row)) if (v !== null && v !== undefined) cells.push(String(v));
    }
  }
  return cells.join('\n');
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(
    `Gmail harvest end to end (${dialect})`,
    () => {
      let t: TestDatabase;
      let logs: string;
      let env: HarvestEnv;
      const config = () => loadConfig({ ...g.env(), SIGMINE_SECRET_KEY: KEY_HEX });

      beforeEach(async () => {
        t = await freshDatabase(dialect);
        logs = '';
        const out = new Writable({
          write(chunk, _enc, cb) {
            logs += String(chunk);
            cb();
          },
        });
        env = {
          db: t.db,
          config: config(),
          logger: jsonLogger(out),
          progress: noProgress,
          holder: 'test-holder',
        };
      });
      afterEach(async () => t.dispose());

      async function gmailConnection(member: string, messages: FakeMessage[]) {
        const account = `${member}-${dialect}-${Date.now()}@acme.test`;
        const { refreshToken } = g.addUser(account);
        for (const m of messages) g.addMessage(account, m);
        const { connection } = await upsertConnection(
          t.db,
          { contributorEmail: account, kind: 'gmail', account, config: {}, secret: refreshToken },
          parseSecretKey(KEY_HEX),
        );
        return { id: connection.id, account, refreshToken };
      }

      it('stores the senders as contacts, never a body line, subject or token, and a revoked account needs a reconnect without failing the others', async () => {
        const ann = await gmailConnection(
          'ann',
          [0, 1, 2].map((i) => mail(i, 'Petra Novak', 'Moravia Steel a.s.', 'moravia-steel.example')),
        );
        const bob = await gmailConnection(
          'bob',
          [3, 4].map((i) => mail(i, 'Tomas Berg', 'Nordic Freight AB', 'nordicfreight.example')),
        );
        const cat = await gmailConnection('cat', [mail(5, 'Ida Holm', 'Holm Design', 'holm.example')]);
        g.revokeUser(cat.account);

        const { results } = await runHarvest(env, [ann.id, bob.id, cat.id]);
        expect(results.map((r) => [r.status, r.code])).toEqual([
          ['ok', null],
          ['ok', null],
          ['error', 'revoked'],
        ]);
        expect((await getConnection(t.db, cat.id))!.status).toBe('needs-reconnect');
        const profiles = await t.db.selectFrom('profiles').select('email').execute();
        expect(profiles.map((p) => p.email).sort()).toEqual([
          'petra@moravia-steel.example',
          'tomas@nordicfreight.example',
        ]);

        const stored = await everyCell(t);
        for (const leak of [SECRET_BODY, SECRET_SUBJECT, ann.refreshToken, bob.refreshToken, 'quoted']) {
          expect(stored).not.toContain(leak);
          expect(logs).not.toContain(leak);
        }
        expect(logs).not.toMatch(/ya29\./); // access tokens
      });

      it('a second harvest with no new mail makes only one history.list call per mailbox and changes nothing', async () => {
        const ann = await gmailConnection(
          'ann',
          [0, 1].map((i) => mail(i, 'Petra Novak', 'Moravia Steel a.s.', 'moravia-steel.example')),
        );
        await runHarvest(env, [ann.id]);
        const before = g.requests.length;
        const { results } = await runHarvest(env, [ann.id]);
        expect(results[0]).toMatchObject({ status: 'ok', counts: { messagesScanned: 0, contactsNew: 0 } });
        const calls = g.requests
          .slice(before)
          .filter((r) => r.user === ann.account && r.path.startsWith('/gmail/'));
        expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gmail/v1/users/me/history']);
      });
    },
  );
}
