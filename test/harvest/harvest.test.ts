import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { fakeFactory, sampleMessages, type FakeBehaviour } from '../helpers/sample-mailbox.ts';
import { upsertConnection, getConnection, saveCursor } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, noProgress } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { acquireLease } from '../../src/harvest/lease.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';

const messages = sampleMessages();
const config = loadConfig({ SIGMINE_DATABASE: ':memory:' });

async function tableCounts(t: TestDatabase) {
  const n = async (table: string) =>
    Number(
      (
        await t.db
          .selectFrom(table as 'profiles')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    profiles: await n('profiles'),
    observations: await n('observations'),
    ledger: await n('ledger_entries'),
    notices: await n('notices'),
    processed: await n('processed_messages'),
  };
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(`harvest (${dialect})`, () => {
    let t: TestDatabase;
    let factory: ReturnType<typeof fakeFactory>;
    let env: HarvestEnv;
    const connect = async (who: string, behaviour: FakeBehaviour = {}) =>
      (
        await upsertConnection(
          t.db,
          { contributorEmail: who, kind: 'fake', account: who, config: { behaviour } },
          null,
        )
      ).connection.id;

    beforeEach(async () => {
      t = await freshDatabase(dialect);
      factory = fakeFactory(messages);
      env = {
        db: t.db,
        config,
        logger: silentLogger,
        progress: noProgress,
        holder: 'test-holder',
        factoryFor: async () => factory,
      };
    });
    afterEach(async () => t.dispose());

    it('turns the sample mailbox into contacts, skipping free-mail, bulk and role senders', async () => {
      const id = await connect('alice@member.example');
      const { results, summary } = await runHarvest(env, [id]);
      expect(results[0]).toMatchObject({ status: 'ok', code: null });
      expect(summary.counts.messagesScanned).toBe(messages.length);
      expect(summary.counts.discarded['free-email']).toBeGreaterThanOrEqual(3);
      expect(summary.counts.discarded['bulk']).toBeGreaterThanOrEqual(2);
      expect(summary.counts.discarded['role-account']).toBeGreaterThanOrEqual(3);
      expect(summary.counts.contactsNew).toBeGreaterThan(20);
      const emails = (await t.db.selectFrom('profiles').select('email').execute()).map((r) => r.email);
      expect(emails).toContain('k.vogel@nordwind-logistik.example');
      expect(
        emails.some(
          (e) => e.endsWith('@gmail.com') || e.startsWith('support@') || e.startsWith('newsletter@'),
        ),
      ).toBe(false);
      expect((await getConnection(t.db, id))!.lastHarvestAt).not.toBeNull();
    });

    it('a replayed run (cursor lost after a crash) changes nothing in the store', async () => {
      const id = await connect('alice@member.example');
      await runHarvest(env, [id]);
      const before = await tableCounts(t);
      await saveCursor(t.db, id, null);
      const { summary } = await runHarvest(env, [id]);
      expect(summary.counts.messagesReplayed).toBe(messages.length);
      expect(summary.counts.contactsNew).toBe(0);
      expect(summary.counts.creditsAwarded).toBe(0);
      expect(await tableCounts(t)).toEqual(before);
    });

    it('a revoked token in one connection marks it needs-reconnect while the others are harvested', async () => {
      const a = await connect('alice@member.example');
      const b = await connect('bob@member.example', { failAt: { page: 1, code: 'revoked' } });
      const c = await connect('carol@member.example');
      const { results, summary } = await runHarvest(env, [a, b, c], { concurrency: 2 });
      expect(results.map((r) => [r.contributor, r.status, r.code])).toEqual([
        ['alice@member.example', 'ok', null],
        ['bob@member.example', 'error', 'revoked'],
        ['carol@member.example', 'ok', null],
      ]);
      expect(summary).toMatchObject({ ok: 2, failed: 1 });
      expect((await getConnection(t.db, b))!.status).toBe('needs-reconnect');
      // the page stored before the revocation was kept, with its cursor
      expect(
        JSON.parse(
          (
            await t.db
              .selectFrom('connections')
              .select('cursor_json')
              .where('id', '=', b)
              .executeTakeFirstOrThrow()
          ).cursor_json!,
        ),
      ).toMatchObject({ offset: 10 });
      const again = await runHarvest(env, [b]);
      expect(again.results[0]).toMatchObject({ status: 'skipped', code: 'needs-reconnect' });
      expect(factory.created.get(b)).toBe(1);
    });

    it('reports the rate-limit waits its connector went through', async () => {
      const id = await connect('alice@member.example', { waitsPerPage: 2 });
      const { results } = await runHarvest(env, [id]);
      expect(results[0]!.counts.rateLimitWaits).toBe(2 * Math.ceil(messages.length / 10));
      expect(results[0]!.counts.apiCalls).toBeGreaterThan(0);
    });

    it('never touches an opted-out contributor', async () => {
      const id = await connect('alice@member.example');
      await t.db.updateTable('contributors').set({ status: 'opted-out' }).execute();
      const { results } = await runHarvest(env, [id]);
      expect(results[0]).toMatchObject({ status: 'skipped', code: 'opted-out' });
      expect(factory.created.get(id)).toBeUndefined();
      expect((await tableCounts(t)).profiles).toBe(0);
    });

    it('skips a connection another process is harvesting', async () => {
      const id = await connect('alice@member.example');
      expect(await acquireLease(t.db, id, 'someone-else')).toBe(true);
      const { results } = await runHarvest(env, [id]);
      expect(results[0]).toMatchObject({ status: 'skipped', code: 'already-running' });
    });

    it('a dry run previews contacts and stores nothing', async () => {
      const id = await connect('alice@member.example');
      const { results } = await runHarvest(env, [id], { dryRun: true });
      const preview = results[0]!.preview!;
      expect(preview.find((p) => p.email === 'julien.marchand@atelier-lumiere.example')).toMatchObject({
        name: 'Julien Marchand',
      });
      expect(await tableCounts(t)).toMatchObject({ profiles: 0, observations: 0, ledger: 0, processed: 0 });
      expect((await getConnection(t.db, id))!.lastHarvestAt).toBeNull();
      expect(await t.db.selectFrom('harvest_runs').selectAll().execute()).toHaveLength(0);
    });
  });
}

describe('unreadable mail in a harvest report', () => {
  it('counts it as discarded `unreadable` and names the budget or rule that stopped each message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-unreadable-'));
    const t = await freshDatabase('sqlite');
    try {
      const box = join(dir, 'Maildir');
      mkdirSync(join(box, 'new'), { recursive: true });
      mkdirSync(join(dir, 'elsewhere'));
      symlinkSync(join(dir, 'elsewhere'), join(box, 'cur'));
      writeFileSync(join(box, 'new', 'garbage.eml'), '\u0000\u0001 not a header block\n');
      const { connection } = await upsertConnection(
        t.db,
        { contributorEmail: 'm@member.example', kind: 'mailbox', account: 'box', config: { path: box } },
        null,
      );
      const env: HarvestEnv = {
        db: t.db,
        config: loadConfig({}),
        logger: silentLogger,
        progress: noProgress,
        holder: 'h',
      };
      const [r] = (await runHarvest(env, [connection.id])).results;
      expect(r).toMatchObject({ status: 'ok', counts: { messagesScanned: 2, discarded: { unreadable: 2 } } });
      expect(r!.unreadable).toEqual([
        {
          source: join(box, 'cur'),
          reason: expect.stringMatching(/^refused: cur\/ of this Maildir is a symbolic link/),
        },
        {
          source: join(box, 'new', 'garbage.eml'),
          reason: 'no RFC 5322 header block at the start of the message',
        },
      ]);
    } finally {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
