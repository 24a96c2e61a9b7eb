/**
 * Why this suite exists: issue 10's promise that Gmail reads headers first and downloads a body only for a
 * message that can still yield a signature, and that the connector behaves as the real Gmail does
 * (history records without labels, label-added records, refused page tokens). Through the front door: the
 * real connector against the local Google, and the whole harvest with the store on SQLite and PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { noProgress, silentLogger } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import { harvestConnection, type HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { acquireLease, previewConnection, PREVIEW_LIMIT, releaseLease } from '../../src/harvest/index.ts';
import { hostname } from 'node:os';
import { factory } from '../../connectors/gmail/index.ts';
import type { ConnectorEvent, Cursor, Page } from '../../connectors/types.ts';
import { startGoogleServer, type GoogleServer, type FakeMessage } from '../fakes/google-server.ts';

const KEY_HEX = '5a'.repeat(32);
let g: GoogleServer;
let n = 0;
beforeAll(async () => {
  g = await startGoogleServer();
});
afterAll(() => g.close());

const SIG =
  'Kind regards,\nPetra Novak\nHead of Corporate Development\nMoravia Steel a.s.\nPhone: +420 234 567 100';

function business(i: number, extra: Partial<FakeMessage> = {}): FakeMessage {
  return {
    headers: [
      ['From', `Petra Novak <petra${i}@moravia-steel.example>`],
      ['To', 'member@acme.test'],
      ['Date', 'Tue, 3 Mar 2026 09:15:00 +0000'],
      ['Message-ID', `<hf-${i}@moravia-steel.example>`],
    ],
    text: `Hello,\n\nPlease find the figures.\n\n${SIG}\n`,
    ...extra,
  };
}

const freeMail: FakeMessage = {
  headers: [
    ['From', 'Jo Bloggs <jo.bloggs@gmail.com>'],
    ['Message-ID', '<free-1@mail.gmail.com>'],
  ],
  text: `Hi!\n\nJo\nFreelance Consultant\n+44 20 7946 0000\n`,
};
const newsletter: FakeMessage = {
  headers: [
    ['From', 'Northwind News <news@northwind.example>'],
    ['List-Unsubscribe', '<https://northwind.example/unsub>'],
    ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
    ['Message-ID', '<nl-1@northwind.example>'],
  ],
  text: 'Our spring catalogue.\n\nNorthwind Traders\nSales Team\n',
};

const bodyRequests = (account: string) =>
  g.requests.filter((r) => r.user === account && r.query['format'] === 'full');
const idOf = (path: string) => path.split('/').at(-1)!;

describe('Gmail connector, headers first', () => {
  function mailbox(config: Record<string, unknown> = {}) {
    const account = `hf${++n}-${Date.now()}@acme.test`;
    const { refreshToken } = g.addUser(account);
    const events: ConnectorEvent[] = [];
    const make = () =>
      factory.create(
        {
          id: `hf${n}`,
          kind: 'gmail',
          account,
          config: { backoffBaseMs: 20, ...config },
          secret: refreshToken,
        },
        { endpoints: loadConfig(g.env()), onEvent: (e) => events.push(e) },
      );
    return { account, events, make };
  }
  const collect = async (it: AsyncIterable<Page>) => {
    const out: Page[] = [];
    for await (const p of it) out.push(p);
    return out;
  };

  it('never downloads the body of a free-mail or bulk message, and lists no promotions, social or draft mail at all', async () => {
    const mb = mailbox();
    const biz = g.addMessage(mb.account, business(1));
    const free = g.addMessage(mb.account, freeMail);
    const bulk = g.addMessage(mb.account, newsletter);
    const promo = g.addMessage(mb.account, { ...business(2), labelIds: ['INBOX', 'CATEGORY_PROMOTIONS'] });
    const draft = g.addMessage(mb.account, { ...business(3), labelIds: ['DRAFT'] });
    const pages = await collect(mb.make().pages(null));
    const got = pages.flatMap((p) => p.messages);
    // Ruled-out messages are still handed over, headers only, so the harvest counts their discards.
    expect(got.map((m) => m.sourceId).sort()).toEqual([biz, free, bulk].sort());
    expect(got.find((m) => m.sourceId === biz)!.tail).toContain('Head of Corporate Development');
    for (const id of [free, bulk]) expect(got.find((m) => m.sourceId === id)!.tail).toBe('');
    expect(bodyRequests(mb.account).map((r) => idOf(r.path))).toEqual([biz]);
    const touched = g.requests.filter((r) => r.user === mb.account).map((r) => r.path);
    for (const id of [promo, draft]) expect(touched.some((p) => p.endsWith(id))).toBe(false);
    const list = g.requests.find((r) => r.user === mb.account && r.path.endsWith('/messages'))!;
    expect(String(list.query['q'])).toContain('-category:promotions');
  });

  it('history records carry no labels: mail that arrives in Spam is skipped, and read once it is moved to the Inbox', async () => {
    const mb = mailbox();
    g.addMessage(mb.account, business(0));
    const cursor = (await collect(mb.make().pages(null))).at(-1)!.cursor;
    const spam = g.addMessage(mb.account, { ...business(4), labelIds: ['SPAM'] });
    const second = await collect(mb.make().pages(cursor));
    expect(second.flatMap((p) => p.messages)).toEqual([]);
    expect(bodyRequests(mb.account).some((r) => r.path.endsWith(spam))).toBe(false);

    g.changeLabels(mb.account, spam, ['INBOX'], ['SPAM']);
    const third = await collect(mb.make().pages(second.at(-1)!.cursor));
    const rescued = third.flatMap((p) => p.messages);
    expect(rescued.map((m) => m.headers['message-id'])).toEqual(['<hf-4@moravia-steel.example>']);
    expect(rescued[0]!.tail).toContain('Moravia Steel a.s.');
  });

  it('a refused history page token (400) walks the history again from the saved id instead of failing', async () => {
    const mb = mailbox({ pageSize: 2 });
    g.addMessage(mb.account, business(0));
    const start = (await collect(mb.make().pages(null))).at(-1)!.cursor;
    for (let i = 1; i <= 5; i++) g.addMessage(mb.account, business(i));
    let saved: Cursor | null = null;
    for await (const p of mb.make().pages(start)) {
      saved = p.cursor;
      break; // stored the first history page, then stopped
    }
    expect(saved).toMatchObject({ mode: 'history', pageToken: expect.any(String) });
    g.refusePageTokens(mb.account);
    const rest = await collect(mb.make().pages(saved));
    expect(mb.events).toContainEqual({ type: 'resync', reason: 'page token refused (400)' });
    const ids = rest.flatMap((p) => p.messages.map((m) => m.headers['message-id']));
    expect([...new Set(ids)].sort()).toEqual([1, 2, 3, 4, 5].map((i) => `<hf-${i}@moravia-steel.example>`));
    expect(rest.at(-1)).toMatchObject({ done: true, cursor: { mode: 'history', pageToken: null } });
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(
    `Gmail harvest, headers first (${dialect})`,
    () => {
      let t: TestDatabase;
      let env: HarvestEnv;
      beforeEach(async () => {
        t = await freshDatabase(dialect);
        env = {
          db: t.db,
          config: loadConfig({ ...g.env(), SIGMINE_SECRET_KEY: KEY_HEX }),
          logger: silentLogger,
          progress: noProgress,
          holder: 'test-holder',
        };
      });
      afterEach(async () => t.dispose());

      async function connection(messages: FakeMessage[], config: Record<string, unknown> = {}) {
        const account = `hfh${++n}-${dialect}-${Date.now()}@acme.test`;
        const { refreshToken } = g.addUser(account);
        const ids = messages.map((m) => g.addMessage(account, m));
        const { connection } = await upsertConnection(
          t.db,
          { contributorEmail: account, kind: 'gmail', account, config, secret: refreshToken },
          parseSecretKey(KEY_HEX),
        );
        return { id: connection.id, account, ids };
      }
      const counts = async () => ({
        processed: Number(
          (
            await t.db
              .selectFrom('processed_messages')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        observations: Number(
          (
            await t.db
              .selectFrom('observations')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        profiles: Number(
          (
            await t.db
              .selectFrom('profiles')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      });

      it('an already-processed message is never body-downloaded again when an expired history id relists the mailbox', async () => {
        const c = await connection([business(1), business(2), freeMail]);
        const first = await runHarvest(env, [c.id]);
        expect(first.results[0]).toMatchObject({ status: 'ok', counts: { messagesScanned: 3 } });
        expect(bodyRequests(c.account)).toHaveLength(2);
        const before = await counts();

        const fresh = g.addMessage(c.account, business(3));
        g.expireHistory(c.account);
        const again = await runHarvest(env, [c.id]);
        expect(again.results[0]).toMatchObject({
          status: 'ok',
          counts: { messagesScanned: 4, messagesReplayed: 3 },
        });
        // Only the new message's body was downloaded on the relisting.
        expect(
          bodyRequests(c.account)
            .map((r) => idOf(r.path))
            .slice(2),
        ).toEqual([fresh]);
        const after = await counts();
        expect(after.processed).toBe(before.processed + 1);
        expect(after.profiles).toBe(before.profiles + 1);
      });

      it('a refused page token mid-listing resyncs, with no duplicate and no body downloaded twice', async () => {
        const c = await connection(
          [1, 2, 3, 4, 5].map((i) => business(i)),
          { pageSize: 2 },
        );
        // A first run stopped after its first stored page: the saved cursor holds a listing page token.
        const ac = new AbortController();
        const stopAfterOnePage = {
          log: (_l: string, event: string) => void (event === 'harvest.page' && ac.abort()),
        };
        const partial = await runHarvest({ ...env, logger: stopAfterOnePage, signal: ac.signal }, [c.id], {
          threads: false,
        });
        expect(partial.results[0]).toMatchObject({ status: 'skipped', code: 'stopped' });
        const stored = (await counts()).processed;
        expect(stored).toBe(2);
        const firstBodies = bodyRequests(c.account).length;
        g.refusePageTokens(c.account);
        const { results } = await runHarvest(env, [c.id], { threads: false });
        expect(results[0]).toMatchObject({ status: 'ok', counts: { messagesReplayed: stored } });
        const got = await counts();
        expect(got.processed).toBe(5);
        expect(got.profiles).toBe(5);
        // The relisting downloaded no body of a message already stored (the first run read one page ahead,
        // unstored, so those may come again).
        const storedFirst = new Set(
          bodyRequests(c.account)
            .slice(0, 2)
            .map((r) => idOf(r.path)),
        );
        const later = bodyRequests(c.account)
          .slice(firstBodies)
          .map((r) => idOf(r.path));
        expect(later.filter((id) => storedFirst.has(id))).toEqual([]);
        expect(new Set([...storedFirst, ...later])).toEqual(new Set(c.ids));
      });

      it('a capped preview reads only the newest messages, stores nothing and writes no secret', async () => {
        const c = await connection([1, 2, 3, 4, 5].map((i) => business(i)));
        const before = await t.db
          .selectFrom('connections')
          .select(['secret_enc', 'cursor_json'])
          .executeTakeFirstOrThrow();
        const r = await harvestConnection(env, c.id, { dryRun: true, fromStart: true, limit: 3 });
        expect(r).toMatchObject({ status: 'ok', counts: { messagesScanned: 3 } });
        expect(r.preview!.map((p) => p.email).sort()).toEqual(
          [3, 4, 5].map((i) => `petra${i}@moravia-steel.example`),
        );
        const metadata = g.requests.filter((q) => q.user === c.account && q.query['format'] === 'metadata');
        expect(metadata).toHaveLength(3);
        expect(await counts()).toMatchObject({ processed: 0, profiles: 0 });
        expect(
          await t.db
            .selectFrom('connections')
            .select(['secret_enc', 'cursor_json'])
            .executeTakeFirstOrThrow(),
        ).toEqual(before);
        expect(PREVIEW_LIMIT).toBeLessThanOrEqual(500);
      });

      it('the member preview runs under the connection lease: not beside a running harvest, and it lets go after', async () => {
        const c = await connection([business(1)]);
        // Another process (holder) is harvesting this connection, with a live process id on this machine.
        expect(await acquireLease(t.db, c.id, `${hostname()}:${process.pid}:other`)).toBe(true);
        expect(await previewConnection(env, c.id)).toMatchObject({
          status: 'skipped',
          code: 'already-running',
        });
        await releaseLease(t.db, c.id, `${hostname()}:${process.pid}:other`);
        const r = await previewConnection(env, c.id);
        expect(r).toMatchObject({ status: 'ok', counts: { messagesScanned: 1 } });
        expect((await runHarvest(env, [c.id])).results[0]).toMatchObject({ status: 'ok' });
      });

      it('a message rescued from Spam is harvested on the next run', async () => {
        const c = await connection([business(1)]);
        await runHarvest(env, [c.id]);
        const spam = g.addMessage(c.account, { ...business(7), labelIds: ['SPAM'] });
        expect((await runHarvest(env, [c.id])).results[0]).toMatchObject({ counts: { messagesScanned: 0 } });
        g.changeLabels(c.account, spam, ['INBOX'], ['SPAM']);
        const { results } = await runHarvest(env, [c.id]);
        expect(results[0]).toMatchObject({ status: 'ok', counts: { messagesScanned: 1, contactsNew: 1 } });
        const emails = (await t.db.selectFrom('profiles').select('email').execute()).map((p) => p.email);
        expect(emails).toContain('petra7@moravia-steel.example');
      });
    },
  );
}
